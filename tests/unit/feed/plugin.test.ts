// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createServer, preview } from 'vite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { writeDailyBriefings } from '~/cli/feed-fixture'
import { FEED_PATH, RSS_PATH } from '~/feed/format'
import { loadFeed, writeFeedFiles } from '~/feed/node/files'
import { briefingFeed } from '~/feed/node/plugin'
import { feedHeaders, IMMUTABLE } from '~/feed/node/serve'
import { feedOf } from './feed-helpers'

const root = mkdtempSync(path.join(tmpdir(), 'selah-plugin-'))
const BRIEFINGS = 'briefings'
afterAll(() => rmSync(root, { recursive: true, force: true }))

let files: Map<string, string>
beforeAll(async () => {
  await writeDailyBriefings(path.join(root, BRIEFINGS), 40, { endDate: '2025-01-20' })
  files = await loadFeed(path.join(root, BRIEFINGS), root)
  await writeFeedFiles(files, path.join(root, 'dist'))
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>')
}, 60_000)

const oneOf = (folder: string) => [...files.keys()].find((name) => name.startsWith(folder)) ?? ''
const config = (base: string) => ({
  root, base, configFile: false as const, logLevel: 'silent' as const,
  plugins: [briefingFeed({ dir: BRIEFINGS, title: 'Daily prayer' })],
})

describe('feedHeaders', () => {
  it('sends the feed documents to be revalidated and content-named files to be kept for a year', () => {
    expect(feedHeaders(FEED_PATH)).toEqual({ 'Content-Type': 'application/feed+json; charset=utf-8', 'Cache-Control': 'no-cache' })
    expect(feedHeaders(RSS_PATH)).toEqual({ 'Content-Type': 'application/rss+xml; charset=utf-8', 'Cache-Control': 'no-cache' })
    expect(feedHeaders('feed/archive/2025.0123456789abcdef.json')).toEqual({ 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': IMMUTABLE })
    expect(feedHeaders('feed/briefings/2025-01-01-x.0123456789abcdef.json')?.['Cache-Control']).toBe('public, max-age=31536000, immutable')
    expect(feedHeaders('feed/index.json')).toBeNull()
    expect(feedHeaders('feed/briefings/2025-01-01-x.json')).toBeNull()
  })
})

/** What a reader's sync sees from a server: each kind of file with its headers, then a 304. */
async function expectFeedServed(origin: string) {
  const feed = await fetch(`${origin}${FEED_PATH}`)
  expect(feed.status).toBe(200)
  expect(feed.headers.get('content-type')).toBe('application/feed+json; charset=utf-8')
  expect(feed.headers.get('cache-control')).toBe('no-cache')
  expect(feed.headers.get('content-encoding')).toBe('gzip')
  // The dev server builds its own copy (another time, another title): the same briefings and pages.
  const [served, built] = [feedOf(new Map([[FEED_PATH, await feed.text()]])), feedOf(files)]
  expect(served.items.map((item) => item._selah.path)).toEqual(built.items.map((item) => item._selah.path))
  expect(served._selah.archives).toEqual(built._selah.archives)
  const etag = feed.headers.get('etag') ?? ''
  expect(etag).not.toBe('')
  const again = await fetch(`${origin}${FEED_PATH}`, { headers: { 'If-None-Match': etag } })
  expect([again.status, await again.text()]).toEqual([304, ''])

  const rss = await fetch(`${origin}${RSS_PATH}`)
  expect([rss.status, rss.headers.get('content-type'), rss.headers.get('cache-control')]).toEqual([200, 'application/rss+xml; charset=utf-8', 'no-cache'])
  for (const folder of ['feed/archive/', 'feed/briefings/']) {
    const response = await fetch(`${origin}${oneOf(folder)}`)
    expect([response.status, response.headers.get('content-type'), response.headers.get('cache-control')]).toEqual([200, 'application/json; charset=utf-8', IMMUTABLE])
    expect(await response.text()).toBe(files.get(oneOf(folder)))
  }
  const missing = await fetch(`${origin}feed/briefings/gone.0123456789abcdef.json`)
  expect(missing.status).toBe(404)
  expect(missing.headers.get('cache-control')).toBe('no-cache')
}

describe('the plugin on vite preview', () => {
  it('serves the built feed files with their headers', { timeout: 30_000 }, async () => {
    const server = await preview({ ...config('/'), preview: { host: '127.0.0.1', port: 0 } })
    try {
      await expectFeedServed(`http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`)
    } finally {
      await server.close()
    }
  })
})

describe('the plugin on the dev server', () => {
  it('serves the feed from memory below the base, and links it from index.html', { timeout: 30_000 }, async () => {
    const server = await createServer({ ...config('/app/'), server: { host: '127.0.0.1', port: 0, ws: false } })
    try {
      await server.listen()
      await expectFeedServed(`http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}/app/`)
      const html = await server.transformIndexHtml('/', '<!doctype html><html><head></head><body></body></html>')
      expect(html).toContain('<link rel="alternate" type="application/feed+json" title="Daily prayer" href="/app/feed/feed.json">')
      expect(html).toContain('<link rel="alternate" type="application/rss+xml" title="Daily prayer" href="/app/feed/feed.xml">')
    } finally {
      await server.close()
    }
  })
})
