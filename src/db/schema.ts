import Dexie, { type EntityTable } from 'dexie'
import type { AnsweredNote, Draft, JournalEntry, PrayedRecord, Setting, StoredBriefing } from './types'

/**
 * Everything Selah keeps lives in this one IndexedDB database, "selah", on the device only.
 *
 * - briefings: every briefing the person has been shown or pasted (a mirror of the feed).
 * - entries:   journal entries, many per pointer.
 * - answers:   answered-prayer notes, one per pointer (keyed by pointer id).
 * - prayed:    one row each time the person taps "I prayed for this".
 * - drafts:    (v2) words typed into an editor and not saved yet, one row per editor.
 * - settings:  (v2) small key/value facts: last backup, storage persistence, reminders.
 *
 * A version that has shipped is frozen: change the schema by adding a version to
 * SCHEMA_HISTORY (with an upgrade() when data must move) and a fixture to the migration test.
 */
export const SCHEMA_HISTORY = [
  {
    version: 1,
    stores: {
      briefings: 'id, sortDate, source',
      entries: 'id, briefingId, pointerId, createdAt, [pointerId+createdAt]',
      answers: 'pointerId, briefingId, answeredAt',
      prayed: 'id, briefingId, pointerId, prayedAt, [pointerId+prayedAt]',
    },
  },
  {
    version: 2,
    stores: {
      drafts: 'key, updatedAt',
      settings: 'key',
    },
  },
] as const

export const LATEST_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version

/** Declares versions 1..upTo on a Dexie instance (the migration test opens old versions this way). */
export function declareVersions(dexie: Dexie, upTo: number = LATEST_SCHEMA_VERSION) {
  for (const { version, stores } of SCHEMA_HISTORY) {
    if (version <= upTo) dexie.version(version).stores(stores)
  }
}

export class SelahDatabase extends Dexie {
  briefings!: EntityTable<StoredBriefing, 'id'>
  entries!: EntityTable<JournalEntry, 'id'>
  answers!: EntityTable<AnsweredNote, 'pointerId'>
  prayed!: EntityTable<PrayedRecord, 'id'>
  drafts!: EntityTable<Draft, 'key'>
  settings!: EntityTable<Setting, 'key'>

  constructor(name = 'selah') {
    super(name)
    declareVersions(this)
  }
}
