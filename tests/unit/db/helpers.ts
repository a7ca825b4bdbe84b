import { beforeEach } from 'vitest'
import { db } from '~/db'
import { snapshotOf } from '~/db/snapshot'
import type { Briefing } from '~/briefings/types'

/** Every test in the calling file starts from an empty database. */
export function useFreshDatabase() {
  beforeEach(async () => {
    await db.delete()
    await db.open()
  })
}

export function makeBriefing(overrides: Partial<Briefing> = {}): Briefing {
  const id = overrides.id ?? '2025-09-05-peace-in-ukraine'
  return {
    id,
    title: 'Peace in Ukraine',
    date: '2025-09-05',
    paragraphs: ['First paragraph.', 'Second paragraph.'],
    pointers: [
      { id: `${id}-p1`, label: 'Pray', text: 'for the leaders.', scripture: { quote: 'Blessed are the peacemakers', reference: 'Matthew 5:9' } },
      { id: `${id}-p2`, label: null, text: 'for families apart.', scripture: null },
    ],
    prayer: { title: 'Prayer for Ukraine', text: 'Lord, bring peace.' },
    ...overrides,
  }
}

export function firstPointer(briefing: Briefing = makeBriefing()) {
  return snapshotOf(briefing, briefing.pointers[0]!)
}
