import { parse, safeParse } from 'valibot'
import { describe, expect, it } from 'vitest'
import { contentHash } from '~/briefings/ids'
import { buildFeed, DEFAULT_SITE_URL } from '~/feed/build'
import {
  ArchivePageSchema, briefingDocumentPath, briefingFromItem, FEED_PATH, FeedItemSchema, FeedSchema, RSS_PATH,
} from '~/feed/format'
import { SHARED_NAME, SHARED_TEXT } from '../briefings/parse-helpers'
import { build, dailySources, documentOf, feedOf, GENERATED_AT, pagesOf, pathsUnder, small, source, text } from './feed-helpers'

const SHARED_ID = '2025-09-05-ukraine-putin-rejects-peace-force'
const utf8Bytes = (value: string) => new TextEncoder().encode(value).length

describe('buildFeed', () => {
  const sources = [
    source('undated-b.txt', small('Beta')),
    source(SHARED_NAME, SHARED_TEXT),
    source('2025-10-01-b.txt', small('Sudan')),
    source('2024-12-31-a.txt', small('Gaza')),
    source('2025-10-01-a.txt', small('Gaza')),
    source('undated-a.txt', small('Alpha')),
  ]

  it('writes feed.json, feed.xml, one archive page per year and one document per briefing', async () => {
    const files = await build(sources)
    expect(pathsUnder(files, 'feed/briefings/')).toHaveLength(6)
    expect(pathsUnder(files, 'feed/archive/').map((path) => path.replace(/\.[0-9a-f]{16}\.json$/, ''))).toEqual([
      'feed/archive/2024', 'feed/archive/2025', 'feed/archive/undated',
    ])
    expect(files.has(FEED_PATH) && files.has(RSS_PATH)).toBe(true)
    expect(files.size).toBe(6 + 3 + 2)
    for (const value of files.values()) expect(value.endsWith('\n')).toBe(true)
  })

  it('writes the same bytes for the same briefings: no clock in the files, so a redeploy keeps every reader\'s 304', async () => {
    const first = await buildFeed(sources)
    await new Promise(resolve => setTimeout(resolve, 5))
    expect(await buildFeed(sources)).toEqual(first)
    expect(feedOf(first)._selah.generatedAt).toBe('2025-10-01T00:00:00.000Z')
  })

  it('lists briefings newest first, then by title, undated last', async () => {
    const feed = feedOf(await build(sources))
    expect(feed.items.map((item) => item.id)).toEqual([
      '2025-10-01-gaza', '2025-10-01-sudan', SHARED_ID, '2024-12-31-gaza', 'alpha', 'beta',
    ])
  })

  it('writes a JSON Feed 1.1 whose _selah part the app reads', async () => {
    const files = await build(sources, { siteUrl: 'https://prayer.example.org/selah/', title: 'Daily prayer', description: 'Pray daily.' })
    const json = JSON.parse(text(files, FEED_PATH)) as Record<string, unknown>
    expect(safeParse(FeedSchema, json).success).toBe(true)
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Daily prayer',
      description: 'Pray daily.',
      home_page_url: 'https://prayer.example.org/selah/',
      feed_url: 'https://prayer.example.org/selah/feed/feed.json',
      language: 'en',
      _selah: { format: 'selah-feed', version: 2, generatedAt: GENERATED_AT },
    })
    const item = feedOf(files).items[2]
    expect(item).toMatchObject({
      id: SHARED_ID,
      url: `https://prayer.example.org/selah/briefings/${SHARED_ID}`,
      title: 'Ukraine: Putin Rejects Peace Force',
      date_published: '2025-09-05T00:00:00Z',
    })
    expect(item?.content_text.split('\n\n')).toHaveLength(8)
    expect(item?._selah.pointers).toHaveLength(3)
    expect(feedOf(files).items.find((entry) => entry.id === 'alpha')).not.toHaveProperty('date_published')
  })

  it('gives each briefing a document holding the very item feed.json carries, named by the briefing hash', async () => {
    const files = await build(sources)
    const feed = feedOf(files)
    for (const item of feed.items) {
      const briefing = sources.find((entry) => entry.briefing.id === item.id)?.briefing
      const hash = await contentHash(briefing)
      expect(item._selah).toMatchObject({ hash, path: briefingDocumentPath(item.id, hash) })
      expect(JSON.parse(text(files, item._selah.path))).toEqual(JSON.parse(JSON.stringify(item)))
    }
  })

  it('gives back exactly the parsed briefing through briefingFromItem, the shipped one and generated ones', async () => {
    const all = [source(SHARED_NAME, SHARED_TEXT), ...dailySources('2025-06-01', '2025-08-31'), ...sources.slice(2)]
    const files = await build(all)
    for (const { briefing } of all) {
      const hash = await contentHash(briefing)
      const item = documentOf(files, briefingDocumentPath(briefing.id, hash))
      expect(briefingFromItem(item)).toEqual(briefing)
      expect(await contentHash(briefingFromItem(item))).toBe(hash)
    }
  })

  it('gives every archive line the byte size of its document, and every link the sum of its page', async () => {
    const files = await build(sources)
    const feed = feedOf(files)
    for (const [i, page] of pagesOf(files).entries()) {
      expect(safeParse(ArchivePageSchema, JSON.parse(text(files, feed._selah.archives[i]!.path))).success).toBe(true)
      for (const line of page.briefings) expect(line.bytes).toBe(utf8Bytes(text(files, line.path)))
      expect(feed._selah.archives[i]).toMatchObject({
        year: page.year,
        count: page.briefings.length,
        bytes: page.briefings.reduce((sum, line) => sum + line.bytes, 0),
      })
    }
  })

  it('counts bytes of any script as UTF-8 does', async () => {
    const files = await build([source('2025-01-02-x.txt', small('Ελπίδα 希望 🙏 café', 'Emoji 🙏🏽 and “quotes” — dashes.'))])
    const [line] = pagesOf(files)[0]?.briefings ?? []
    expect(line?.bytes).toBe(utf8Bytes(text(files, line?.path ?? '')))
  })

  it('validates every document against the feed item schema', async () => {
    const files = await build(sources)
    for (const path of pathsUnder(files, 'feed/briefings/')) {
      expect(safeParse(FeedItemSchema, JSON.parse(text(files, path))).success).toBe(true)
      expect(parse(FeedItemSchema, JSON.parse(text(files, path))).url).toMatch(new RegExp(`^${DEFAULT_SITE_URL}briefings/`))
    }
  })

  it('refuses a site address that does not end with a slash', async () => {
    await expect(build(sources, { siteUrl: 'https://example.org/selah' })).rejects.toThrow(
      `The site address "https://example.org/selah" must be a full http(s) address that ends with '/'`,
    )
    await expect(build(sources, { siteUrl: '/selah/' })).rejects.toThrow('must be a full http(s) address')
  })

  it('fails on two files with the same id, naming both', async () => {
    await expect(build([source('a.txt', small('Same')), source('b.txt', small('Same'))])).rejects.toThrow(
      'a.txt and b.txt both give the briefing id "same": change the title or the date of one of them.',
    )
  })

  it('builds an empty feed from no briefings', async () => {
    const files = await build([])
    expect(feedOf(files)).toMatchObject({ items: [], _selah: { archives: [] } })
    expect([...files.keys()]).toEqual([FEED_PATH, RSS_PATH])
  })
})
