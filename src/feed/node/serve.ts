import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { gzipSync } from 'node:zlib'
import { FEED_PATH, RSS_PATH } from '../format.ts'

/**
 * How each kind of feed file is served (README, "Publishing a feed"): feed.json and feed.xml change
 * with every new briefing, so a cache must ask each time (no-cache: a 304 when nothing changed);
 * archive pages and briefing documents are named by their content, so they can be kept for a year.
 */
export const REVALIDATE = 'no-cache'
export const IMMUTABLE = 'public, max-age=31536000, immutable'

export interface FeedFileHeaders {
  'Content-Type': string
  'Cache-Control': string
}

const NAMED_BY_CONTENT = /^feed\/(?:archive|briefings)\/[a-z0-9-]+\.[0-9a-f]{16}\.json$/

/** The headers a feed file is served with, or null for a path that is none of the feed's files. */
export function feedHeaders(relative: string): FeedFileHeaders | null {
  if (relative === FEED_PATH) return { 'Content-Type': 'application/feed+json; charset=utf-8', 'Cache-Control': REVALIDATE }
  if (relative === RSS_PATH) return { 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': REVALIDATE }
  if (NAMED_BY_CONTENT.test(relative)) return { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': IMMUTABLE }
  return null
}

/** The path below `base` (`feed/…`), or null when the request is outside it. */
export function pathBelowBase(url: string | undefined, base: string): string | null {
  let pathname: string
  try {
    pathname = decodeURIComponent(new URL(url ?? '/', 'http://localhost').pathname)
  } catch {
    return null
  }
  const basePath = new URL(base, 'http://localhost').pathname
  return pathname.startsWith(basePath) ? pathname.slice(basePath.length) : null
}

function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  return !!ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}

/**
 * Answers with one feed file as a static host would: its headers, a strong ETag and a 304 when the
 * reader already has it, gzip when accepted. Vite's own compression skips application/feed+json,
 * so the feed is compressed here, for figures like those of a real host.
 */
export function sendFeedFile(req: IncomingMessage, res: ServerResponse, text: string, headers: FeedFileHeaders): void {
  const etag = `"${createHash('sha1').update(text).digest('hex').slice(0, 20)}"`
  res.setHeader('Content-Type', headers['Content-Type'])
  res.setHeader('Cache-Control', headers['Cache-Control'])
  res.setHeader('ETag', etag)
  res.setHeader('Vary', 'Accept-Encoding')
  if (matches(req.headers['if-none-match'], etag)) {
    res.statusCode = 304
    res.end()
    return
  }
  let body = Buffer.from(text)
  if (body.length >= 1024 && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
    body = gzipSync(body)
    res.setHeader('Content-Encoding', 'gzip')
  }
  res.setHeader('Content-Length', body.length)
  res.statusCode = 200
  res.end(req.method === 'HEAD' ? undefined : body)
}
