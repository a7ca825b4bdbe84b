import { cmp, type Table } from 'dexie'
import { queryPrefixes, titleWords } from '~/utils/search-text'
import { db } from './index'
import { BRIEFING_ORDER } from './schema'
import { pagePrimaryKeys, type PageKey, type PageRange } from './index-pages'
import type { ArchivedBriefing, StoredBriefing } from './types'
import { timed } from './timing'

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
  /**
   * Whether it is on this device. One that is not is a line of the feed's archive: listed, and
   * fetched when opened (so not offline).
   */
  onDevice: boolean
}

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

function archivedSummary(row: ArchivedBriefing): BriefingSummary {
  const { id, title, date, sortDate, addedAt, pointerCount } = row
  return {
    briefing: { id, title, date, sortDate, addedAt, source: 'feed', openedAt: null, pointerCount },
    entryCount: 0,
    answeredCount: 0,
    prayedCount: 0,
    isNew: false,
    onDevice: false,
  }
}

/** The list's order, newest first: the index key, then the id (as a reverse cursor walks them). */
function newestFirst(a: BriefingSummary, b: BriefingSummary): number {
  const ka = briefingPageKey(a)
  const kb = briefingPageKey(b)
  return cmp(kb.key, ka.key) || cmp(kb.id, ka.id)
}

/**
 * One page of the briefing list, newest first, with its counts: the briefings on this device and
 * the archive's lines for those that are not, merged by the same index order. Reads the page's
 * briefings and counts only theirs, so the list costs the same at 20 briefings as at 3,000. Run
 * inside a liveQuery, it follows exactly this page: a briefing arriving in its range, an opening,
 * an archive page read, or an entry, answer or prayer for one of its briefings.
 */
export async function readBriefingPage(range: PageRange, limit: number): Promise<BriefingSummary[]> {
  return timed('briefings', () => db.transaction('r', [db.briefings, db.archive, db.entries, db.answers, db.prayed], async () => {
    const [ids, archivedIds] = await Promise.all([
      pagePrimaryKeys(db.briefings, BRIEFING_ORDER, range, limit),
      pagePrimaryKeys(db.archive, BRIEFING_ORDER, range, limit),
    ])
    const [briefings, archived, entries, answers, prayed] = await Promise.all([
      db.briefings.bulkGet(ids),
      archivedIds.length ? db.archive.bulkGet(archivedIds) : [],
      countEach(db.entries, ids),
      countEach(db.answers, ids),
      countEach(db.prayed, ids),
    ])
    const held = new Set(ids)
    const page = briefings.flatMap((briefing, i): BriefingSummary[] => briefing
      ? [{
          briefing: rowOf(briefing),
          entryCount: entries[i]!,
          answeredCount: answers[i]!,
          prayedCount: prayed[i]!,
          isNew: briefing.openedAt === null,
          onDevice: true,
        }]
      : [])
    for (const row of archived) if (row && !held.has(row.id)) page.push(archivedSummary(row))
    page.sort(newestFirst)
    // Each source gave up to `limit` rows; the page is the newest `limit` of both.
    return range.through ? page : page.slice(0, limit)
  }))
}

/**
 * Briefings whose title has every word of `query` (as word prefixes, case and accents folded),
 * on this device or in the archive lines read so far, newest first, at most `limit`.
 */
export async function findBriefings(query: string, limit: number): Promise<BriefingSummary[]> {
  const prefixes = queryPrefixes(query)
  if (!prefixes.length) return []
  const matches = (title: string) => {
    const words = titleWords(title)
    return prefixes.every(prefix => words.some(word => word.startsWith(prefix)))
  }
  // Newest first in each table, stopping at `limit` matches: a common word reads a few rows, and
  // only a rare one walks the whole list.
  return db.transaction('r', [db.briefings, db.archive], async () => {
    const [stored, archived] = await Promise.all([
      db.briefings.orderBy(BRIEFING_ORDER).reverse().filter(briefing => matches(briefing.title)).limit(limit).toArray(),
      db.archive.orderBy(BRIEFING_ORDER).reverse().filter(row => matches(row.title)).limit(limit).toArray(),
    ])
    const found = [
      ...stored.map(briefing => ({ briefing: rowOf(briefing), entryCount: 0, answeredCount: 0, prayedCount: 0, isNew: briefing.openedAt === null, onDevice: true })),
      ...archived.map(archivedSummary),
    ]
    return found.sort(newestFirst).slice(0, limit)
  })
}
