import * as v from 'valibot'
import { briefingFields } from '../briefings/schema.ts'
import type { Briefing } from '../briefings/types.ts'

/**
 * The static feed the build writes and the app reads (README, "Publishing a feed"). It is files,
 * so it scales with whatever host serves it, and it costs a reader the same after eight years of
 * daily briefings as after one week:
 *
 *   feed/feed.json                     JSON Feed 1.1: the recent briefings, whole, newest first,
 *                                      and (in `_selah.archives`) where the archive pages are.
 *                                      Changes with every new briefing: revalidate it (no-cache).
 *   feed/feed.xml                      RSS 2.0: the same recent briefings, for any feed reader.
 *   feed/archive/<year>.<hash>.json    ArchivePage: one line per briefing of that year (or
 *                                      `undated`), newest first. Named by its content: never changes.
 *   feed/briefings/<id>.<hash>.json    One briefing, as the same JSON Feed item feed.json carries.
 *                                      Named by its content: never changes.
 *
 * A JSON Feed item carries the article as `content_text` (paragraphs separated by a blank line)
 * and what only Selah needs (pointers, scripture, closing prayer, hash) in its `_selah` object,
 * which other feed readers ignore. Everything is validated here, at the border, before anything
 * reaches the app or the database.
 */
export const FEED_VERSION = 2
export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

export { FEED_PATH } from './request.ts'
export const RSS_PATH = 'feed/feed.xml'

const { isoDate, text, id, pointers, prayer } = briefingFields
const hash = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/))
const count = v.pipe(v.number(), v.integer(), v.minValue(0))
/** `YYYY`, or `undated` for briefings without a date. */
const year = v.pipe(v.string(), v.regex(/^(\d{4}|undated)$/))
const briefingPath = v.pipe(v.string(), v.regex(/^feed\/briefings\/[a-z0-9-]+\.[0-9a-f]{16}\.json$/))
const archivePath = v.pipe(v.string(), v.regex(/^feed\/archive\/(\d{4}|undated)\.[0-9a-f]{16}\.json$/))

export const FeedItemSchema = v.object({
  id,
  url: v.optional(v.string()),
  title: text,
  content_text: v.string(),
  date_published: v.optional(v.string()),
  _selah: v.object({
    hash,
    path: briefingPath,
    date: v.nullable(isoDate),
    pointers,
    prayer,
  }),
})

export const ArchiveLinkSchema = v.object({
  year,
  path: archivePath,
  /** Briefings listed on the page. */
  count,
  /** What fetching every briefing of that page costs, in bytes (shown before "keep the whole archive"). */
  bytes: count,
})

export const FeedSchema = v.object({
  version: v.literal(JSON_FEED_VERSION),
  title: v.string(),
  items: v.array(FeedItemSchema),
  _selah: v.object({
    format: v.literal('selah-feed'),
    version: v.literal(FEED_VERSION),
    generatedAt: v.string(),
    /** Newest year first; `undated` last. Together they list every briefing, the recent ones too. */
    archives: v.array(ArchiveLinkSchema),
  }),
})

export const ArchiveItemSchema = v.object({
  id,
  title: text,
  date: v.nullable(isoDate),
  hash,
  pointerCount: count,
  /** Size of its briefing document. */
  bytes: count,
  path: briefingPath,
})

export const ArchivePageSchema = v.object({
  format: v.literal('selah-archive'),
  version: v.literal(FEED_VERSION),
  year,
  briefings: v.array(ArchiveItemSchema),
})

export type FeedItem = v.InferOutput<typeof FeedItemSchema>
export type Feed = v.InferOutput<typeof FeedSchema>
export type ArchiveLink = v.InferOutput<typeof ArchiveLinkSchema>
export type ArchiveItem = v.InferOutput<typeof ArchiveItemSchema>
export type ArchivePage = v.InferOutput<typeof ArchivePageSchema>

export function briefingDocumentPath(briefingId: string, briefingHash: string): string {
  return `feed/briefings/${briefingId}.${briefingHash}.json`
}

export function archivePagePath(pageYear: string, pageHash: string): string {
  return `feed/archive/${pageYear}.${pageHash}.json`
}

/** The year page a briefing is listed on. */
export function archiveYear(date: string | null): string {
  return date ? date.slice(0, 4) : 'undated'
}

/** The article as one text: paragraphs separated by a blank line. */
export function articleText(paragraphs: readonly string[]): string {
  return paragraphs.join('\n\n')
}

/** A feed item back into the briefing it was built from. */
export function briefingFromItem(item: FeedItem): Briefing {
  const paragraphs = item.content_text === '' ? [] : item.content_text.split(/\n{2,}/)
  const { date, pointers: itemPointers, prayer: itemPrayer } = item._selah
  return { id: item.id, title: item.title, date, paragraphs, pointers: itemPointers, prayer: itemPrayer }
}
