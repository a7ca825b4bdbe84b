import Dexie, { type EntityTable } from 'dexie'
import type { AnsweredNote, JournalEntry, PrayedRecord, StoredBriefing } from './types'

/**
 * Everything Selah keeps lives in this one IndexedDB database, "selah", on the device only.
 *
 * - briefings: every briefing the person has been shown or pasted (a mirror of the feed).
 * - entries:   journal entries, many per pointer.
 * - answers:   answered-prayer notes, one per pointer (keyed by pointer id).
 * - prayed:    one row each time the person taps "I prayed for this".
 *
 * A version that has shipped is frozen: change the schema by adding version(n + 1)
 * with an upgrade() and a migration test.
 */
export class SelahDatabase extends Dexie {
  briefings!: EntityTable<StoredBriefing, 'id'>
  entries!: EntityTable<JournalEntry, 'id'>
  answers!: EntityTable<AnsweredNote, 'pointerId'>
  prayed!: EntityTable<PrayedRecord, 'id'>

  constructor(name = 'selah') {
    super(name)
    this.version(1).stores({
      briefings: 'id, sortDate, source',
      entries: 'id, briefingId, pointerId, createdAt, [pointerId+createdAt]',
      answers: 'pointerId, briefingId, answeredAt',
      prayed: 'id, briefingId, pointerId, prayedAt, [pointerId+prayedAt]',
    })
  }
}
