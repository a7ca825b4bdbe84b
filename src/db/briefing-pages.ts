import type { Table } from 'dexie'
import { db } from './index'
import { pagePrimaryKeys, type PageKey, type PageRange } from './index-pages'
import type { StoredBriefing } from './types'

/** What a row of the briefing list shows: no article, no pointer words. */
export interface BriefingRow extends Pick<StoredBriefing, 'id' | 'title' | 'date' | 'sortDate' | 'addedAt' | 'source' | 'openedAt'> {
  pointerCount: number
}

export interface BriefingSummary {
  briefing: BriefingRow
  entryCount: number
  answeredCount: number
  prayedCount: number
  /** Never opened on this device. */
  isNew: boolean
}

/** The list's order: newest date first, then latest arrival (the [sortDate+addedAt] index). */
export const BRIEFING_ORDER = '[sortDate+addedAt]'

/** Where a summary sits in the list, for the page after it. */
export function briefingPageKey(summary: BriefingSummary): PageKey {
  return { key: [summary.briefing.sortDate, summary.briefing.addedAt], id: summary.briefing.id }
}

function rowOf(briefing: StoredBriefing): BriefingRow {
  const { id, title, date, sortDate, addedAt, source, openedAt } = briefing
  return { id, title, date, sortDate, addedAt, source, openedAt, pointerCount: briefing.pointers.length }
}

/**
 * How many rows of `table` each briefing id has, from the briefingId index alone (no record read).
 * Keys rather than count(): a liveQuery follows a count over an index by re-running on any change
 * to the table, and one over keys only when a change touches those keys.
 */
function countEach(table: Table, ids: string[]): Promise<number[]> {
  return Promise.all(ids.map(async id => (await table.where('briefingId').equals(id).primaryKeys()).length))
}

/**
 * One page of the briefing list, newest first, with its counts. Reads the page's briefings and
 * counts only theirs, so the list costs the same at 20 briefings as at 2,000. Run inside a
 * liveQuery, it follows exactly this page: a briefing arriving in its range, an opening, or an
 * entry, answer or prayer for one of its briefings.
 */
export async function readBriefingPage(range: PageRange, limit: number): Promise<BriefingSummary[]> {
  return db.transaction('r', [db.briefings, db.entries, db.answers, db.prayed], async () => {
    const ids = await pagePrimaryKeys(db.briefings, BRIEFING_ORDER, range, limit)
    const [briefings, entries, answers, prayed] = await Promise.all([
      db.briefings.bulkGet(ids),
      countEach(db.entries, ids),
      countEach(db.answers, ids),
      countEach(db.prayed, ids),
    ])
    return briefings.flatMap((briefing, i) => briefing
      ? [{
          briefing: rowOf(briefing),
          entryCount: entries[i]!,
          answeredCount: answers[i]!,
          prayedCount: prayed[i]!,
          isNew: briefing.openedAt === null,
        }]
      : [])
  })
}
