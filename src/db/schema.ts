import Dexie, { type EntityTable, type Transaction } from 'dexie'
import type { AnsweredNote, ArchivedBriefing, Draft, JournalEntry, PrayedRecord, PrayerList, PrayerRequest, SearchBucket, SearchRecent, SearchTerm, Setting, StoredBriefing } from './types'

/**
 * Everything Selah keeps lives in this one IndexedDB database, "selah", on the device only.
 *
 * - briefings: every briefing the person has been shown or pasted (a mirror of the feed).
 * - entries:   journal entries, many per pointer.
 * - answers:   answered-prayer notes, one per pointer (keyed by pointer id).
 * - prayed:    one row each time the person taps "I prayed for this".
 * - drafts:    (v2) words typed into an editor and not saved yet, one row per editor.
 * - settings:  (v2) small key/value facts: last backup, storage persistence, reminders, search index.
 *
 * - searchTerms, searchDocs, searchRecent: (v3) the search index (search-index.ts): which records
 *   hold each word, built in the background, and the records written since it was built.
 *
 * (v3) The briefing list pages by [sortDate+addedAt]; the journal filters by [briefingId+time].
 *
 * - archive:   (v3) the feed's older briefings that are listed but not on this device: a line each
 *   (title, date, where to fetch it), read from the feed's archive pages (src/feed/format.ts).
 *   A cache of the feed, never backed up: a briefing moves to `briefings` when it is fetched.
 *
 * - prayerLists, requests: (v4) the person's own requests, in lists they name (requests.ts). Their
 *   records sit in entries, answers and prayed like any pointer's, under briefing id 'my-prayers'.
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
  {
    version: 3,
    stores: {
      briefings: 'id, sortDate, source, [sortDate+addedAt]',
      entries: 'id, briefingId, pointerId, createdAt, editedAt, [pointerId+createdAt], [briefingId+createdAt]',
      answers: 'pointerId, briefingId, answeredAt, editedAt',
      prayed: 'id, briefingId, pointerId, prayedAt, [pointerId+prayedAt], [briefingId+prayedAt]',
      searchTerms: 'term',
      searchDocs: 'bucket',
      searchRecent: 'key',
      archive: 'id, [sortDate+addedAt], year',
    },
    // The search index of a journal from before version 3 is built in the background after
    // opening (search-index.ts), so a long journal opens at once instead of inside this upgrade.
    upgrade: 'search-index-pending',
  },
  {
    version: 4,
    stores: {
      prayerLists: 'id, order',
      requests: 'id, listId, [listId+order], archivedAt',
    },
  },
] as const

/** The briefing list's order: newest date first, then latest arrival (an index of briefings and archive). */
export const BRIEFING_ORDER = '[sortDate+addedAt]'

export const LATEST_SCHEMA_VERSION = SCHEMA_HISTORY[SCHEMA_HISTORY.length - 1]!.version

/** Declares versions 1..upTo on a Dexie instance (the migration test opens old versions this way). */
export function declareVersions(dexie: Dexie, upTo: number = LATEST_SCHEMA_VERSION) {
  for (const step of SCHEMA_HISTORY) {
    if (step.version > upTo) continue
    const version = dexie.version(step.version).stores(step.stores)
    if ('upgrade' in step) version.upgrade(UPGRADES[step.upgrade])
  }
}

/** Data moves of the versions that have one, by name (SCHEMA_HISTORY stays plain, comparable data). */
const UPGRADES = {
  'search-index-pending': (transaction: Transaction) => transaction.table('settings').put({ key: 'searchIndex', value: { built: false } }),
}

export class SelahDatabase extends Dexie {
  briefings!: EntityTable<StoredBriefing, 'id'>
  entries!: EntityTable<JournalEntry, 'id'>
  answers!: EntityTable<AnsweredNote, 'pointerId'>
  prayed!: EntityTable<PrayedRecord, 'id'>
  drafts!: EntityTable<Draft, 'key'>
  settings!: EntityTable<Setting, 'key'>
  searchTerms!: EntityTable<SearchTerm, 'term'>
  searchDocs!: EntityTable<SearchBucket, 'bucket'>
  searchRecent!: EntityTable<SearchRecent, 'key'>
  archive!: EntityTable<ArchivedBriefing, 'id'>
  prayerLists!: EntityTable<PrayerList, 'id'>
  requests!: EntityTable<PrayerRequest, 'id'>

  constructor(name = 'selah') {
    super(name)
    declareVersions(this)
  }
}
