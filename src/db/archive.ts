import Dexie from 'dexie'
import { db } from './index'
import { DEFAULT_SETTINGS } from './settings'
import type { ArchivedBriefing, FeedArchiveState } from './types'

/** One line of a feed archive page, as the feed gives it (src/feed/format.ts, ArchiveItem). */
export interface ArchiveLine {
  id: string
  title: string
  date: string | null
  hash: string
  pointerCount: number
  bytes: number
  path: string
}

const UNDATED_SORT = '0000-00-00'

function archivedRow(line: ArchiveLine, year: string): ArchivedBriefing {
  return {
    id: line.id,
    title: line.title,
    date: line.date,
    sortDate: line.date ?? UNDATED_SORT,
    addedAt: '',
    year,
    hash: line.hash,
    pointerCount: line.pointerCount,
    bytes: line.bytes,
    path: line.path,
  }
}

async function archiveState(): Promise<FeedArchiveState> {
  const row = await db.settings.get('feedArchive')
  return (row?.value as FeedArchiveState | undefined) ?? structuredClone(DEFAULT_SETTINGS.feedArchive)
}

export function readArchiveState(): Promise<FeedArchiveState> {
  return db.transaction('r', db.settings, archiveState)
}

/**
 * Keeps the archive pages the feed now lists. A year the feed no longer lists takes its lines
 * with it; a year whose page has a new name (its content changed) keeps its old lines until the
 * new page is read.
 */
export async function saveArchiveLinks(links: FeedArchiveState['links']): Promise<FeedArchiveState> {
  return db.transaction('rw', db.archive, db.settings, async () => {
    const state = await archiveState()
    const listed = new Set(links.map(link => link.year))
    for (const year of Object.keys(state.read)) {
      if (listed.has(year)) continue
      await db.archive.where('year').equals(year).delete()
      delete state.read[year]
    }
    state.links = links.map(({ year, path, count, bytes }) => ({ year, path, count, bytes }))
    await db.settings.put({ key: 'feedArchive', value: state })
    return state
  })
}

/**
 * Stores one archive page: a line for each of its briefings not on this device, in place of the
 * year's old lines, and the page as read. Returns the lines of briefings this device holds whose
 * content has changed since (an editor's fix), for the sync to fetch again.
 */
export async function saveArchivePage(year: string, path: string, lines: ArchiveLine[]): Promise<ArchiveLine[]> {
  return db.transaction('rw', db.archive, db.briefings, db.settings, async () => {
    const held = await db.briefings.bulkGet(lines.map(line => line.id))
    const changed: ArchiveLine[] = []
    const rows: ArchivedBriefing[] = []
    lines.forEach((line, i) => {
      const stored = held[i]
      if (!stored) rows.push(archivedRow(line, year))
      else if (stored.source === 'feed' && stored.hash !== line.hash) changed.push(line)
    })
    await db.archive.where('year').equals(year).delete()
    await db.archive.bulkPut(rows)
    const state = await archiveState()
    state.read[year] = path
    await db.settings.put({ key: 'feedArchive', value: state })
    return changed
  })
}

export function archivedBriefing(id: string): Promise<ArchivedBriefing | undefined> {
  return db.archive.get(id)
}

/** The archive's briefings not on this device, newest first; those dated `from` or later when given. */
export async function archivedBriefings(from?: string): Promise<ArchivedBriefing[]> {
  return db.archive.where('[sortDate+addedAt]').between(from ? [from, ''] : Dexie.minKey, Dexie.maxKey, true, true).reverse().toArray()
}
