import type { DBCore, Middleware } from 'dexie'
import { db } from '~/db'
import { saveDraft } from '~/db/drafts'
import type { DraftKind } from '~/db/types'
import { makeBriefing } from '../helpers'

export const briefing = makeBriefing()
export const p1 = briefing.pointers[0]!.id

/** Stores a draft the way an editor would have before a reload. */
export function seedDraft(kind: DraftKind, key: string, text: string, pointerId = p1) {
  return saveDraft({ key, kind, briefingId: briefing.id, pointerId }, text)
}

/** Every write fails as a full disk does in a browser. */
const diskFull: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'drafts-disk-full',
  create: down => ({ ...down, table: name => ({ ...down.table(name), mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) }) }),
}

// Middleware is wired in when the database opens; live queries carry on through the reopen.
export async function fillTheDisk() {
  db.use(diskFull)
  db.close({ disableAutoOpen: false })
  await db.open()
}

export async function freeTheDisk() {
  db.unuse({ stack: 'dbcore', name: 'drafts-disk-full' })
  db.close({ disableAutoOpen: false })
  await db.open()
}
