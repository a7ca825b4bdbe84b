import Dexie from 'dexie'
import { db } from './index'
import { laterEdit, mergeBriefing } from './merge'
import { listPlacer } from './merge-lists'
import {
  emptyCounts, JOURNAL_TABLES,
  type ImportMode, type ImportSummary, type JournalRecords, type PortableSettings, type RecordBatch,
} from './transfer'

/**
 * Brings checked records onto this device in ONE transaction: all of them or nothing.
 *
 * The records arrive in batches from `next`, which reads them from the file while the
 * transaction waits (Dexie.waitFor keeps an IndexedDB transaction open across work that is not
 * IndexedDB's, such as reading a file or decompressing it). So a 300 MB backup never has to be in
 * memory at once, and still either all of it lands or nothing does: a refusal, a full disk or a
 * closed tab before the end aborts the transaction, and IndexedDB leaves the old journal exactly
 * as it was. Everything is checked before the first batch is written (see backup/restore.ts).
 *
 * merge: adds what is missing and keeps the later edit of a record on both sides; local settings stay.
 * replace: this device's briefings, lists, requests and journal become these (drafts and device
 * facts stay). Lists and requests land by the rules of merge-lists.ts in both modes.
 * Writes go through bulkAdd/bulkPut, so the search-words middleware indexes every record.
 */
export async function importBatches(
  next: () => Promise<RecordBatch | null>,
  settings: PortableSettings,
  mode: ImportMode,
): Promise<ImportSummary> {
  const journal = JOURNAL_TABLES.map(table => db.table(table))
  return db.transaction('rw', [...journal, db.settings, db.archive], async () => {
    const summary: ImportSummary = { added: emptyCounts(), updated: emptyCounts(), unchanged: 0 }
    const placer = listPlacer(summary)
    if (mode === 'replace') await Promise.all(journal.map(table => table.clear()))
    for (;;) {
      // Read outside the transaction's zone; each batch takes far less than this, even on a slow phone.
      const batch = await Dexie.waitFor(Dexie.ignoreTransaction(next), 5 * 60_000)
      if (!batch) break
      // A restored briefing is on this device now: no longer a line of the feed's archive.
      if (batch.table === 'briefings') await db.archive.bulkDelete(batch.rows.map(row => (row as { id: string }).id))
      if (batch.table === 'prayerLists') await placer.lists(batch.rows)
      else if (batch.table === 'requests') await placer.requests(batch.rows)
      else if (mode === 'replace') await addBatch(batch, summary)
      else await mergeBatch(batch, summary)
    }
    if (mode === 'replace' && settings.backupReminderDays !== undefined) {
      await db.settings.put({ key: 'backupReminderDays', value: settings.backupReminderDays })
    }
    return summary
  })
}

type PlainBatch = Exclude<RecordBatch, { table: 'prayerLists' | 'requests' }>
type PlainTable = PlainBatch['table']

async function addBatch({ table, rows }: PlainBatch, summary: ImportSummary) {
  await (db.table(table) as Dexie.Table<unknown, string>).bulkAdd(rows)
  summary.added[table] += rows.length
}

/** The rule for a record that is on both sides; null leaves this device's copy as it is. */
const MERGE: { [T in PlainTable]: (local: JournalRecords[T][number], incoming: JournalRecords[T][number]) => JournalRecords[T][number] | null } = {
  briefings: mergeBriefing,
  entries: laterEdit,
  answers: laterEdit,
  // A prayed record never changes once made.
  prayed: () => null,
}

async function mergeBatch(batch: PlainBatch, summary: ImportSummary) {
  const table = db.table(batch.table) as Dexie.Table<object, string>
  const keyPath = table.schema.primKey.keyPath as string
  const rows = batch.rows as unknown as Record<string, unknown>[]
  const local = await table.bulkGet(rows.map(row => row[keyPath] as string))
  const merge = MERGE[batch.table] as (local: object, incoming: object) => object | null
  const writes: object[] = []
  rows.forEach((row, i) => {
    const existing = local[i]
    const merged = existing === undefined ? row : merge(existing, row)
    if (merged === null) summary.unchanged++
    else {
      summary[existing === undefined ? 'added' : 'updated'][batch.table]++
      writes.push(merged)
    }
  })
  await table.bulkPut(writes)
}
