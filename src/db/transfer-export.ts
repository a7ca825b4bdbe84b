import Dexie, { type IndexableType } from 'dexie'
import { db } from './index'
import { JOURNAL_TABLES, PAGE_SIZE, type JournalRecords, type JournalTable, type PortableSettings, type RecordBatch, type RecordCounts } from './transfer'
import type { Setting } from './types'

/** What a backup says before its records: how many of each, and the settings it carries. */
export interface JournalOutline {
  counts: RecordCounts
  settings: PortableSettings
}

export interface PageReader {
  /** Called once, before the first page. */
  start: (outline: JournalOutline) => void | Promise<void>
  /**
   * Called for every page, in the order of JOURNAL_TABLES (briefings, lists, requests, then
   * entries, answers and prayed records), while the next pages are being read: it should do its
   * work at once. A promise it returns (a slower consumer to wait for) is waited for with the
   * read transaction kept open.
   */
  page: (batch: RecordBatch) => void | Promise<void>
}

/** Longer than any one page can take to compress and encrypt, even on a slow phone. */
const WAIT_MS = 5 * 60_000

/**
 * Pages asked for beyond the one being handed on: IndexedDB reads them in the browser process
 * while this thread turns the last into lines, instead of waiting for each page's last key.
 */
const READ_AHEAD = 2

/** Where a table's pages end, and how many records it holds. */
interface TablePages {
  /** The key that ends each page but the last. */
  ends: IndexableType[]
  count: number
}

/**
 * A table's pages, found by a key cursor that skips a page at a time without reading a record, so
 * that each page can be asked for before the page before it has arrived. It counts the records on
 * the way: a count() of its own would walk the whole table again.
 */
async function tablePages(table: JournalTable): Promise<TablePages> {
  const source = db.table(table)
  const ends: IndexableType[] = []
  for (;;) {
    const after = ends.at(-1)
    const rest = after === undefined ? source.toCollection() : source.where(':id').above(after)
    const [end] = await rest.clone().offset(PAGE_SIZE - 1).limit(1).primaryKeys()
    if (end === undefined) return { ends, count: ends.length * PAGE_SIZE + await rest.count() }
    ends.push(end)
  }
}

/** The records of `table` after the key `after` up to and including `upTo` (either end open when undefined). */
function pageRows<T extends JournalTable>(table: T, after: IndexableType | undefined, upTo: IndexableType | undefined): Promise<JournalRecords[T]> {
  const source = db.table(table)
  const keys = source.where(':id')
  const rows = after === undefined
    ? (upTo === undefined ? source.toCollection() : keys.belowOrEqual(upTo))
    : (upTo === undefined ? keys.above(after) : keys.between(after, upTo, false, true))
  return rows.toArray() as Promise<JournalRecords[T]>
}

/** Runs one of the reader's steps outside the transaction, waiting (with it kept open) only when it asks to. */
async function hand(step: () => void | Promise<void>) {
  const waiting = Dexie.ignoreTransaction(step)
  if (waiting) await Dexie.waitFor(waiting, WAIT_MS)
}

/**
 * Reads the whole journal in primary-key pages and hands each page to `reader`. All of it in ONE
 * read-only transaction, so the backup is one moment in time (counts match records, and no entry
 * can arrive without its briefing). Writes elsewhere in the app wait until the export ends.
 */
export async function readJournalInPages(reader: PageReader): Promise<JournalOutline> {
  const tables = [...JOURNAL_TABLES.map(table => db.table(table)), db.settings]
  return db.transaction('r', tables, async () => {
    const [pages, reminder] = await Promise.all([
      Promise.all(JOURNAL_TABLES.map(tablePages)),
      db.settings.get('backupReminderDays') as Promise<Setting<'backupReminderDays'> | undefined>,
    ])
    const outline: JournalOutline = {
      counts: Object.fromEntries(JOURNAL_TABLES.map((table, t) => [table, pages[t]!.count])) as RecordCounts,
      settings: reminder ? { backupReminderDays: reminder.value } : {},
    }
    await hand(() => reader.start(outline))
    for (const [t, table] of JOURNAL_TABLES.entries()) {
      const { ends } = pages[t]!
      const asked: Promise<JournalRecords[typeof table]>[] = []
      let next = 0
      const askAhead = () => {
        // Page i runs from after the end of page i - 1 up to its own end; the last page, to the table's end.
        for (; next <= ends.length && asked.length < READ_AHEAD; next++) {
          const rows = pageRows(table, next ? ends[next - 1] : undefined, ends[next])
          // Awaited in turn; if the reader fails first, its error is the one that counts.
          rows.catch(() => {})
          asked.push(rows)
        }
      }
      askAhead()
      while (asked.length) {
        const rows = await asked.shift()!
        askAhead()
        if (rows.length) await hand(() => reader.page({ table, rows } as RecordBatch))
      }
    }
    return outline
  })
}
