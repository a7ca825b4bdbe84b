import { db } from './index'
import type { AnsweredNote, JournalEntry, PrayedRecord, PrayerList, PrayerRequest, StoredBriefing } from './types'

/**
 * Whole-journal reads and writes, for backups and the prayer book: the only reads in Selah that
 * are meant to take every row. They go in primary-key pages of a few thousand (transfer-export.ts,
 * transfer-import.ts), each whole job in one transaction so the result is one moment in time.
 */

/** Every record a backup carries, exactly as the tables hold them (without the search words). */
export interface JournalRecords {
  briefings: StoredBriefing[]
  /** (schema v4) The person's own lists and requests: the pointers of their records under 'my-prayers'. */
  prayerLists: PrayerList[]
  requests: PrayerRequest[]
  entries: JournalEntry[]
  answers: AnsweredNote[]
  prayed: PrayedRecord[]
}

export type JournalTable = keyof JournalRecords

/**
 * In this order in every backup: a record's briefing or request always comes before it, and a
 * request's list before the request, so a restore never holds a record without its pointer.
 */
export const JOURNAL_TABLES: readonly JournalTable[] = ['briefings', 'prayerLists', 'requests', 'entries', 'answers', 'prayed']

/** Some records of one table. */
export type RecordBatch = { [T in JournalTable]: { table: T, rows: JournalRecords[T] } }[JournalTable]

/** The settings a backup carries; facts about this device (last backup, persistence) stay behind. */
export interface PortableSettings {
  backupReminderDays?: number
}

export type RecordCounts = Record<JournalTable, number>

export interface ImportSummary {
  added: RecordCounts
  updated: RecordCounts
  /** Records of the file (of every kind) that left this device's copy as it was: the same, or older there. */
  unchanged: number
}

export type ImportMode = 'merge' | 'replace'

/** How many records go in one read or write: big enough to be quick, small enough to keep memory flat. */
export const PAGE_SIZE = 2000

export function emptyCounts(): RecordCounts {
  return { briefings: 0, prayerLists: 0, requests: 0, entries: 0, answers: 0, prayed: 0 }
}

export function countRecords(records: JournalRecords): RecordCounts {
  return Object.fromEntries(JOURNAL_TABLES.map(table => [table, records[table].length])) as RecordCounts
}

export function totalCount(counts: RecordCounts): number {
  return JOURNAL_TABLES.reduce((sum, table) => sum + counts[table], 0)
}

/**
 * The next page of a table in primary-key order, after the key `after` (from the start when
 * undefined). By key, not by offset: each page costs the same.
 */
export async function readPage<T extends JournalTable>(table: T, after: string | undefined): Promise<{ rows: JournalRecords[T], last: string | undefined }> {
  const source = db.table(table)
  const keyPath = source.schema.primKey.keyPath as string
  const collection = after === undefined ? source.orderBy(':id') : source.where(':id').above(after)
  const page = await collection.limit(PAGE_SIZE).toArray() as JournalRecords[T][number][]
  const last = page.length ? (page[page.length - 1] as unknown as Record<string, string>)[keyPath] : undefined
  return { rows: page as JournalRecords[T], last }
}

/** Every row of a table, page by page (inside the caller's transaction). */
async function readTable<T extends JournalTable>(table: T): Promise<JournalRecords[T]> {
  const rows: JournalRecords[T][number][] = []
  for (let after: string | undefined, more = true; more;) {
    const page = await readPage(table, after)
    rows.push(...page.rows)
    after = page.last
    more = page.rows.length === PAGE_SIZE
  }
  return rows as JournalRecords[T]
}

/**
 * Every journal record, and the person's own lists and requests, without the briefings (the prayer
 * book needs only what the records copied).
 */
export async function readJournalRecords(): Promise<Omit<JournalRecords, 'briefings'>> {
  return db.transaction('r', [db.prayerLists, db.requests, db.entries, db.answers, db.prayed], async () => ({
    prayerLists: await readTable('prayerLists'),
    requests: await readTable('requests'),
    entries: await readTable('entries'),
    answers: await readTable('answers'),
    prayed: await readTable('prayed'),
  }))
}

/**
 * Whether any journal entry or answered note was written or edited after `iso`; '' asks whether
 * there is any at all. Through the editedAt indexes (v3): one key each, however long the journal.
 * (editedAt is set when a record is written and on every edit, so it is never before its creation.)
 */
export async function writingChangedSince(iso: string): Promise<boolean> {
  const since = (table: typeof db.entries | typeof db.answers) => (iso ? table.where('editedAt').above(iso) : table.toCollection()).limit(1).primaryKeys()
  const [entries, answers] = await Promise.all([since(db.entries), since(db.answers)])
  return entries.length + answers.length > 0
}
