import { saveDraft } from '~/db/drafts'
import type { DraftKind } from '~/db/types'
import { makeBriefing } from '../helpers'

export const briefing = makeBriefing()
export const p1 = briefing.pointers[0]!.id

/** Stores a draft the way an editor would have before a reload. */
export function seedDraft(kind: DraftKind, key: string, text: string, pointerId = p1) {
  return saveDraft({ key, kind, briefingId: briefing.id, pointerId }, text)
}

export { fillTheDisk, freeTheDisk } from '../../unit/db/fixtures/disk-full'
