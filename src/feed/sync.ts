import * as v from 'valibot'
import { archivedBriefing, archivedBriefings, readArchiveState, saveArchiveLinks, saveArchivePage, type ArchiveLine } from '~/db/archive'
import { mirrorBriefings, type MirrorResult } from '~/db/briefings'
import { UserFacingError } from '~/db/errors'
import { getSetting, setSetting } from '~/db/settings'
import type { ArchivedBriefing, FeedArchiveState } from '~/db/types'
import {
  ArchivePageSchema, briefingFromItem, FeedItemSchema, FeedSchema,
  type ArchiveLink, type ArchivePage, type Feed, type FeedItem,
} from './format'
import { feedRequest } from './request'

/** Why the feed could not be synced, in words for the person (the briefings already saved still show). */
export class FeedError extends UserFacingError {
  override name = 'FeedError'
}

export interface SyncOptions {
  fetch?: typeof fetch
  /** Where the app is served from; the feed lives at `${base}feed/`. */
  base?: string
  /** feed.json, already requested (./request.ts): the app starts it before this code loads. */
  feedResponse?: Promise<Response>
  /**
   * Called with the recent briefings as soon as feed.json is read and checked, before anything
   * is stored: on a first visit the browser is still creating the database, and the list can
   * show them meanwhile.
   */
  onRecent?: (recent: RecentBriefing[]) => void
}

/** What the briefing list shows of a recent briefing before it is stored. */
export interface RecentBriefing {
  id: string
  title: string
  date: string | null
  pointerCount: number
}

export interface SyncResult {
  added: string[]
  updated: string[]
  /** One plain sentence per feed file that could not be read; everything else was saved. */
  problems: string[]
}

const OFFLINE = 'You are offline: showing the briefings saved on this device.'
// Enough to overlap round trips without flooding a phone's connection.
const PARALLEL_DOCUMENTS = 6
const DAY_MS = 86_400_000

/** Thrown for a reason that finishes the sentence "… could not be read: <reason>." */
class Unreadable extends Error {}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}

function resolved(options: SyncOptions) {
  return { doFetch: options.fetch ?? globalThis.fetch.bind(globalThis), base: options.base ?? import.meta.env.BASE_URL }
}

/**
 * Reads one feed file's response and checks it. `feed.json` is revalidated every time
 * (`no-cache`: a conditional request the server answers with 304 when nothing changed); archive
 * pages and briefing documents are named by their content, so any cached copy is right.
 */
async function fetchValid<S extends v.GenericSchema>(request: Promise<Response>, schema: S): Promise<v.InferOutput<S>> {
  let response: Response
  try {
    response = await request
  }
  catch {
    if (isOffline()) throw new FeedError(OFFLINE)
    throw new Unreadable('the network did not answer')
  }
  if (response.status === 404) throw new Unreadable('it was not found (404)')
  if (!response.ok) throw new Unreadable(`the server answered ${response.status}`)
  let json: unknown
  try {
    json = await response.json()
  }
  catch {
    throw new Unreadable('it is not valid JSON, or it was cut short')
  }
  const result = v.safeParse(schema, json)
  if (!result.success) {
    const issue = result.issues[0]
    const where = v.getDotPath(issue)
    throw new Unreadable(`it is not in the expected format (${where ? `${where}: ` : ''}${issue.message})`)
  }
  return result.output
}

function why(reason: unknown): string {
  if (reason instanceof Unreadable) return reason.message
  if (reason instanceof FeedError) return 'you are offline'
  return 'something unexpected went wrong'
}

async function fetchItem(doFetch: typeof fetch, base: string, line: Pick<ArchiveLine, 'id' | 'hash' | 'path'>): Promise<FeedItem> {
  const item = await fetchValid(doFetch(`${base}${line.path}`), FeedItemSchema)
  if (item.id !== line.id) throw new Unreadable(`it holds a different briefing (${item.id})`)
  if (item._selah.hash !== line.hash) throw new Unreadable('it is not the version the archive lists')
  return item
}

async function fetchPage(doFetch: typeof fetch, base: string, link: ArchiveLink): Promise<ArchivePage> {
  const page = await fetchValid(doFetch(`${base}${link.path}`), ArchivePageSchema)
  if (page.year !== link.year) throw new Unreadable(`it holds the year ${page.year}`)
  return page
}

/** Runs `work` over the items, `size` at a time as each one finishes (no batch waits for its slowest). */
async function pooled<T, R>(items: readonly T[], size: number, work: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await work(items[i]!).then(value => ({ status: 'fulfilled', value }), (reason: unknown) => ({ status: 'rejected', reason }))
    }
  }
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker))
  return results
}

function mirrorItems(items: FeedItem[]): Promise<MirrorResult> {
  return mirrorBriefings(items.map(item => ({ briefing: briefingFromItem(item), hash: item._selah.hash })), 'feed')
}

/** Fetches briefing documents and mirrors the ones that arrive; the others become problems. */
async function fetchAndMirror(doFetch: typeof fetch, base: string, lines: readonly ArchiveLine[], problems: string[]): Promise<MirrorResult> {
  const results = await pooled(lines, PARALLEL_DOCUMENTS, line => fetchItem(doFetch, base, line))
  const items: FeedItem[] = []
  let offline = 0
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') items.push(result.value)
    else if (result.reason instanceof FeedError) offline++
    else problems.push(`The briefing “${lines[i]!.title}” could not be read: ${why(result.reason)}.`)
  })
  if (offline) problems.push(`${offline === 1 ? 'One briefing' : `${offline} briefings`} could not be fetched: you are offline.`)
  return mirrorItems(items)
}

/**
 * The first day of the person's window: the `days` days that end with the newest dated briefing
 * (not today, so a ministry that pauses for a while still has its last month kept).
 */
function windowStart(feed: Feed, days: number): string | null {
  const newest = feed.items.find(item => item._selah.date)?._selah.date
  if (!newest) return null
  return new Date(Date.parse(newest) - (days - 1) * DAY_MS).toISOString().slice(0, 10)
}

/** Reads archive pages into the archive table; returns the lines of stored briefings that changed. */
async function readPages(doFetch: typeof fetch, base: string, links: readonly ArchiveLink[], problems: string[]): Promise<ArchiveLine[]> {
  const changed: ArchiveLine[] = []
  const results = await pooled(links, PARALLEL_DOCUMENTS, link => fetchPage(doFetch, base, link))
  for (const [i, result] of results.entries()) {
    const link = links[i]!
    if (result.status === 'rejected') {
      problems.push(`The list of ${link.year === 'undated' ? 'undated briefings' : `briefings from ${link.year}`} could not be read: ${why(result.reason)}.`)
      continue
    }
    changed.push(...await saveArchivePage(link.year, link.path, result.value.briefings))
  }
  return changed
}

/** Archive pages to read now: those read before whose content changed, and those `wanted`. */
function pagesToRead(state: FeedArchiveState, wanted: (link: ArchiveLink) => boolean): ArchiveLink[] {
  return state.links.filter(link => (state.read[link.year] !== undefined && state.read[link.year] !== link.path)
    || (state.read[link.year] === undefined && wanted(link)))
}

/**
 * One sync: fetch `feed.json` (one conditional request; a few hundred bytes when nothing is new),
 * store its recent briefings, then note where the archive pages are. An archive page is read only
 * when one read before has changed, or the person's window (a month by default, or the whole
 * archive) reaches past the recent briefings; older briefings are
 * otherwise listed when the person scrolls or searches to them (`readArchiveYears`), and fetched
 * when opened. Nothing already on this device is removed.
 */
export async function syncFeed(options: SyncOptions = {}): Promise<SyncResult> {
  const { doFetch, base } = resolved(options)
  let feed: Feed
  try {
    feed = await fetchValid(options.feedResponse ?? feedRequest(base, doFetch), FeedSchema)
  }
  catch (error) {
    if (error instanceof Unreadable) throw new FeedError(`The briefing feed could not be read: ${error.message}.`)
    throw error
  }

  // The recent briefings arrived whole: all of them are kept (the window only decides how far
  // into the archive to reach), in one transaction that writes only what changed, before any
  // archive work: the newest is on the list as soon as it commits.
  options.onRecent?.(feed.items.map(item => ({ id: item.id, title: item.title, date: item._selah.date, pointerCount: item._selah.pointers.length })))
  const result = await mirrorItems(feed.items)
  const added = [...result.added]
  const updated = [...result.updated]
  const problems: string[] = []

  const mirror = await getSetting('mirror')
  const from = mirror.wholeArchive ? null : windowStart(feed, mirror.days)
  const state = await saveArchiveLinks(feed._selah.archives)
  // The window reaches into the archive when it begins before the oldest recent briefing and the
  // archive lists more than the recent ones.
  const oldestRecent = feed.items.findLast(item => item._selah.date)?._selah.date ?? null
  const archived = state.links.reduce((sum, link) => sum + link.count, 0) > feed.items.length
  const reaches = (link: ArchiveLink) => mirror.wholeArchive || (archived && from !== null && oldestRecent !== null && from < oldestRecent
    && link.year !== 'undated' && link.year >= from.slice(0, 4) && link.year <= oldestRecent.slice(0, 4))
  const changed = await readPages(doFetch, base, pagesToRead(state, reaches), problems)
  // Older briefings the window reaches (all, for the whole archive), and stored ones an editor has changed since.
  const reached = mirror.wholeArchive ? await archivedBriefings() : from ? await archivedBriefings(from) : []
  const wanted = [...changed, ...reached]
  if (wanted.length) {
    const more = await fetchAndMirror(doFetch, base, wanted, problems)
    added.push(...more.added)
    updated.push(...more.updated)
  }
  return { added, updated, problems }
}

/**
 * Reads the archive pages not read yet (or changed), newest year first, `limit` of them at most:
 * the briefing list calls it as the reader scrolls past what it holds, and a title search for
 * every page. Returns how many pages are still unread, and the problems in plain words.
 */
export async function readArchiveYears(limit = Infinity, options: SyncOptions = {}): Promise<{ unread: number, problems: string[] }> {
  const { doFetch, base } = resolved(options)
  const state = await readArchiveState()
  const pending = pagesToRead(state, () => true)
  const problems: string[] = []
  const changed = await readPages(doFetch, base, pending.slice(0, limit), problems)
  if (changed.length) await fetchAndMirror(doFetch, base, changed, problems)
  return { unread: pagesToRead(await readArchiveState(), () => true).length, problems }
}

/**
 * Fetches one archived briefing and stores it, so it opens (and stays, offline too). False when
 * the archive does not list it; a FeedError in plain words when it cannot be fetched.
 */
export async function fetchArchivedBriefing(id: string, options: SyncOptions = {}): Promise<boolean> {
  const { doFetch, base } = resolved(options)
  const line = await archivedBriefing(id) ?? await lookUpInArchive(id, doFetch, base)
  if (!line) return false
  if (isOffline()) throw new FeedError('This briefing is in the ministry’s archive, not on this device yet, and you are offline. Connect to the internet to open it.')
  try {
    await mirrorItems([await fetchItem(doFetch, base, line)])
    return true
  }
  catch (error) {
    if (error instanceof Unreadable) throw new FeedError(`This briefing could not be fetched from the archive: ${error.message}. Try again later.`)
    if (error instanceof FeedError) throw new FeedError('This briefing is in the ministry’s archive, not on this device yet, and you are offline. Connect to the internet to open it.')
    throw error
  }
}

/**
 * A link to an archived briefing whose year this device has not listed yet (shared by someone, or
 * from a bookmark): a briefing's id begins with its date, so read that year's page and look again.
 */
async function lookUpInArchive(id: string, doFetch: typeof fetch, base: string): Promise<ArchiveLine | undefined> {
  if (isOffline()) return undefined
  const year = /^(\d{4})-\d{2}-\d{2}-/.exec(id)?.[1] ?? 'undated'
  const link = pagesToRead(await readArchiveState(), candidate => candidate.year === year).find(candidate => candidate.year === year)
  if (!link) return undefined
  await readPages(doFetch, base, [link], [])
  return archivedBriefing(id)
}

export interface ArchiveSize {
  /** Briefings listed in the archive and not on this device. */
  count: number
  bytes: number
  /** Pages that could not be read: what they list is not counted. */
  problems: string[]
}

/** What keeping the whole archive would download: reads every archive page first. */
export async function measureWholeArchive(options: SyncOptions = {}): Promise<ArchiveSize> {
  const { problems } = await readArchiveYears(Infinity, options)
  const rows = await archivedBriefings()
  return { count: rows.length, bytes: rows.reduce((sum, row) => sum + row.bytes, 0), problems }
}

export interface ArchiveProgress {
  done: number
  total: number
  bytes: number
  totalBytes: number
}

/**
 * Downloads every archived briefing onto this device, in batches, reporting progress; once it
 * has all arrived, each sync keeps every briefing. Stops between batches when `signal` aborts: what arrived
 * stays. Returns the problems in plain words.
 */
export async function keepWholeArchive(onProgress: (progress: ArchiveProgress) => void, signal?: AbortSignal, options: SyncOptions = {}): Promise<string[]> {
  const { doFetch, base } = resolved(options)
  const rows: ArchivedBriefing[] = await archivedBriefings()
  const progress: ArchiveProgress = { done: 0, total: rows.length, bytes: 0, totalBytes: rows.reduce((sum, row) => sum + row.bytes, 0) }
  onProgress({ ...progress })
  const problems: string[] = []
  // Progress and Stop between batches; within one, six requests are always in flight.
  const BATCH = 150
  for (let i = 0; i < rows.length; i += BATCH) {
    if (signal?.aborted) break
    if (isOffline()) {
      problems.push('You went offline: the rest of the archive will download when you choose “Keep the whole archive” again.')
      break
    }
    const batch = rows.slice(i, i + BATCH)
    await fetchAndMirror(doFetch, base, batch, problems)
    progress.done += batch.length
    progress.bytes += batch.reduce((sum, row) => sum + row.bytes, 0)
    onProgress({ ...progress })
  }
  // From now on every sync keeps every briefing, the new ones and any the archive adds.
  if (!signal?.aborted && !problems.length) await setSetting('mirror', { ...await getSetting('mirror'), wholeArchive: true })
  return problems
}
