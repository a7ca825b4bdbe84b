import Dexie from 'dexie'
import { db } from './index'
import { JOURNAL_TABLES, PAGE_SIZE, readPage, type PortableSettings, type RecordBatch, type RecordCounts } from './transfer'
import type { Setting } from './types'

/** What a backup says before its records: how many of each, and the settings it carries. */
export interface JournalOutline {
  counts: RecordCounts
  settings: PortableSettings
}

export interface PageReader {
  /** Called once, before the first page. */
  start: (outline: JournalOutline) => Promise<void>
  /** Called for every page, briefings first, then entries, answers and prayed records. */
  page: (batch: RecordBatch) => Promise<void>
}

/** Longer than any one page can take to compress and encrypt, even on a slow phone. */
const WAIT_MS = 5 * 60_000

/**
 * Reads the whole journal in primary-key pages and hands each page to `reader`, which may do
 * slow work of its own (compress, encrypt) before the next page is read. All of it in ONE
 * read-only transaction, so the backup is one moment in time (counts match records, and no entry
 * can arrive without its briefing); Dexie.waitFor keeps that transaction open while the reader
 * works outside it. Writes elsewhere in the app wait until the export ends.
 */
export async function readJournalInPages(reader: PageReader): Promise<JournalOutline> {
  const tables = [db.briefings, db.entries, db.answers, db.prayed, db.settings]
  return db.transaction('r', tables, async () => {
    const [briefings, entries, answers, prayed, reminder] = await Promise.all([
      db.briefings.count(),
      db.entries.count(),
      db.answers.count(),
      db.prayed.count(),
      db.settings.get('backupReminderDays') as Promise<Setting<'backupReminderDays'> | undefined>,
    ])
    const outline: JournalOutline = {
      counts: { briefings, entries, answers, prayed },
      settings: reminder ? { backupReminderDays: reminder.value } : {},
    }
    await Dexie.waitFor(Dexie.ignoreTransaction(() => reader.start(outline)), WAIT_MS)
    for (const table of JOURNAL_TABLES) {
      // The next page is read while the reader works on this one: IndexedDB reads in the browser
      // process while this page is compressed here.
      let reading = readPage(table, undefined)
      for (let more = true; more;) {
        const { rows, last } = await reading
        more = rows.length === PAGE_SIZE
        if (more) {
          reading = readPage(table, last)
          // Awaited on the next turn; if the reader fails first, the transaction's own error is the one that counts.
          reading.catch(() => {})
        }
        if (rows.length) await Dexie.waitFor(Dexie.ignoreTransaction(() => reader.page({ table, rows } as RecordBatch)), WAIT_MS)
      }
    }
    return outline
  })
}
