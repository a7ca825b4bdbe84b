import { beforeEach } from 'vitest'
import { db } from '~/db'
import { snapshotOf } from '~/db/snapshot'
import type { Briefing } from '~/briefings/types'
import { makeBriefing } from '../../support/briefings'

export { makeBriefing }

/** Every test in the calling file starts from an empty database. */
export function useFreshDatabase() {
  beforeEach(async () => {
    await db.delete()
    await db.open()
  })
}

export function firstPointer(briefing: Briefing = makeBriefing()) {
  return snapshotOf(briefing, briefing.pointers[0]!)
}
