import {
  archivePagePath, archiveYear, articleText, briefingDocumentPath, FEED_PATH, FEED_VERSION, JSON_FEED_VERSION, RSS_PATH,
  type ArchiveItem, type ArchiveLink, type ArchivePage, type Feed, type FeedItem,
} from './format.ts'
import { renderRss } from './rss.ts'
import { contentHash } from '../briefings/ids.ts'
import type { Briefing } from '../briefings/types.ts'

/** A parsed briefing and the file it came from (named in error messages). */
export interface FeedSource {
  fileName: string
  briefing: Briefing
}

export interface FeedOptions {
  /**
   * When the feed was built (ISO 8601). By default the newest briefing's day, not the clock: a
   * redeploy with nothing new then writes byte-identical files, and readers keep their 304s.
   */
  generatedAt?: string
  /** Where the app is published, ending with '/': links in the feeds point there. */
  siteUrl?: string
  title?: string
  description?: string
}

/** Every file of the feed: its path below the site root (`feed/…`) -> its text. */
export type FeedFiles = Map<string, string>

export const DEFAULT_SITE_URL = 'http://localhost:4173/'
export const DEFAULT_FEED_TITLE = 'Selah prayer briefings'
export const DEFAULT_FEED_DESCRIPTION = 'Prayer briefings: the news, and prayer pointers with scripture to pray through it.'

/**
 * The recent window, carried whole by feed.json and feed.xml: every briefing dated in the
 * RECENT_DAYS days that end with the newest dated one, but never fewer than RECENT_MIN (so a
 * ministry that publishes monthly still fills a reader) nor more than RECENT_MAX (so a busy month
 * cannot make the document every sync revalidates heavy).
 */
export const RECENT_DAYS = 31
export const RECENT_MIN = 10
export const RECENT_MAX = 60

const DAY_MS = 86_400_000

/** Newest first; undated briefings last; then by title. */
function byNewest(a: Briefing, b: Briefing): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? 1 : -1
  }
  return a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id, 'en')
}

/** How many of the briefings, sorted newest first, are recent. */
export function recentCount(sorted: readonly { date: string | null }[]): number {
  const newest = sorted[0]?.date
  let dated = 0
  if (newest) {
    const from = new Date(Date.parse(`${newest}T00:00:00Z`) - (RECENT_DAYS - 1) * DAY_MS).toISOString().slice(0, 10)
    while (dated < sorted.length && (sorted[dated]?.date ?? '') >= from) dated++
  }
  return Math.min(sorted.length, RECENT_MAX, Math.max(RECENT_MIN, dated))
}

function feedItem(briefing: Briefing, hash: string, siteUrl: string): FeedItem {
  const { id, title, date, paragraphs, pointers, prayer } = briefing
  return {
    id,
    url: `${siteUrl}briefings/${id}`,
    title,
    content_text: articleText(paragraphs),
    ...(date ? { date_published: `${date}T00:00:00Z` } : {}),
    _selah: { hash, path: briefingDocumentPath(id, hash), date, pointers, prayer },
  }
}

const serialize = (value: unknown) => `${JSON.stringify(value)}\n`

/** Bytes of the text in UTF-8, counted without encoding it (3,000 documents would mean 3,000 buffers to collect). */
function byteLength(text: string): number {
  let bytes = text.length
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2
      i++
    } else if (code >= 0x800) bytes += 2
    else if (code >= 0x80) bytes += 1
  }
  return bytes
}

function checkIds(sources: readonly FeedSource[]): void {
  const seen = new Map<string, string>()
  for (const { fileName, briefing } of sources) {
    const other = seen.get(briefing.id)
    if (other !== undefined) {
      throw new Error(`${other} and ${fileName} both give the briefing id "${briefing.id}": change the title or the date of one of them.`)
    }
    seen.set(briefing.id, fileName)
  }
}

/** A full http(s) address ending with '/', so that relative paths resolve below it. */
export function isSiteUrl(value: string): boolean {
  return /^https?:\/\/[^/?#]+\/(?:[^?#]*\/)?$/.test(value)
}

function checkSiteUrl(siteUrl: string): void {
  if (!isSiteUrl(siteUrl)) {
    throw new Error(`The site address "${siteUrl}" must be a full http(s) address that ends with '/', for example https://example.org/ or https://example.org/selah/.`)
  }
}

/**
 * Builds every file of the static feed (see format.ts): feed.json and feed.xml with the recent
 * briefings whole, one archive page per year, one document per briefing. Archive pages and
 * documents are named by the hash of their content, so a file never changes once published; only
 * feed.json and feed.xml do. Two files giving the same id would overwrite each other, so that fails.
 */
export async function buildFeed(sources: readonly FeedSource[], options: FeedOptions = {}): Promise<FeedFiles> {
  const siteUrl = options.siteUrl ?? DEFAULT_SITE_URL
  const title = options.title ?? DEFAULT_FEED_TITLE
  const description = options.description ?? DEFAULT_FEED_DESCRIPTION
  checkSiteUrl(siteUrl)
  checkIds(sources)

  const sorted = sources.map((source) => source.briefing).sort(byNewest)
  const generatedAt = options.generatedAt ?? `${sorted[0]?.date ?? '1970-01-01'}T00:00:00.000Z`
  const hashes = await Promise.all(sorted.map((briefing) => contentHash(briefing)))
  const files: FeedFiles = new Map()
  const items: FeedItem[] = []
  const pages = new Map<string, ArchiveItem[]>()
  sorted.forEach((briefing, i) => {
    const item = feedItem(briefing, hashes[i] ?? '', siteUrl)
    const document = serialize(item)
    files.set(item._selah.path, document)
    items.push(item)
    const year = archiveYear(briefing.date)
    const page = pages.get(year) ?? pages.set(year, []).get(year)!
    const { id, date, pointers } = briefing
    page.push({ id, title: briefing.title, date, hash: item._selah.hash, pointerCount: pointers.length, bytes: byteLength(document), path: item._selah.path })
  })

  // Sorted newest first, so the years come newest first and `undated` last.
  const archives: ArchiveLink[] = []
  for (const [year, briefings] of pages) {
    const page: ArchivePage = { format: 'selah-archive', version: FEED_VERSION, year, briefings }
    const path = archivePagePath(year, await contentHash(page))
    files.set(path, serialize(page))
    archives.push({ year, path, count: briefings.length, bytes: briefings.reduce((sum, item) => sum + item.bytes, 0) })
  }

  const recent = items.slice(0, recentCount(sorted))
  const feed: Feed & Record<string, unknown> = {
    version: JSON_FEED_VERSION,
    title,
    home_page_url: siteUrl,
    feed_url: `${siteUrl}${FEED_PATH}`,
    description,
    language: 'en',
    items: recent,
    _selah: { format: 'selah-feed', version: FEED_VERSION, generatedAt, archives },
  }
  const rss = renderRss({ title, description, link: siteUrl, selfUrl: `${siteUrl}${RSS_PATH}`, generatedAt }, recent)
  return new Map([[FEED_PATH, serialize(feed)], [RSS_PATH, rss], ...files])
}
