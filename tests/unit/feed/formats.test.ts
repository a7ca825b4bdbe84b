import { parseJsonFeed, parseRssFeed } from 'feedsmith'
import { describe, expect, it } from 'vitest'
import { FEED_PATH, RSS_PATH } from '~/feed/format'
import { escapeXml, plainText } from '~/feed/rss'
import { SHARED_NAME, SHARED_TEXT } from '../briefings/parse-helpers'
import { build, dailySources, feedOf, small, source, text } from './feed-helpers'

// Read back by a feed parser that feed readers use, not by string matching: what a reader sees.
const SITE = 'https://prayer.example.org/'
const sources = [source(SHARED_NAME, SHARED_TEXT), ...dailySources('2025-08-01', '2025-10-01'), source('advent.txt', small('Advent'))]
const built = build(sources, { siteUrl: SITE, title: 'Daily prayer', description: 'News to pray through.' })

describe('feed.json, read by feedsmith as JSON Feed', () => {
  it('has the feed\'s title, links and the recent items in order', async () => {
    const files = await built
    const parsed = parseJsonFeed(text(files, FEED_PATH))
    expect(parsed).toMatchObject({ title: 'Daily prayer', home_page_url: SITE, feed_url: `${SITE}feed/feed.json`, description: 'News to pray through.', language: 'en' })
    const ours = feedOf(files).items
    const items = parsed.items ?? []
    // The 31 days up to 2025-10-01 hold a generated briefing each, and the shipped one.
    expect(items).toHaveLength(32)
    expect(items.map((item) => item.id)).toEqual(ours.map((item) => item.id))
    expect(items.map((item) => item.title)).toEqual(ours.map((item) => item.title))
    expect(items.map((item) => item.url)).toEqual(ours.map((item) => `${SITE}briefings/${item.id}`))
    expect(items[0]).toMatchObject({ id: ours[0]?.id, date_published: '2025-10-01T00:00:00Z' })
    expect(items.every((item, i) => item.content_text === ours[i]?.content_text)).toBe(true)
  })
})

describe('feed.xml, read by feedsmith as RSS 2.0', () => {
  it('has the channel, and the same recent items as feed.json with links, guids and dates', async () => {
    const files = await built
    const rss = parseRssFeed(text(files, RSS_PATH))
    const ours = feedOf(files).items
    expect(rss).toMatchObject({ title: 'Daily prayer', link: SITE, description: 'News to pray through.', language: 'en' })
    expect(rss.atom?.links?.[0]).toMatchObject({ href: `${SITE}feed/feed.xml`, rel: 'self', type: 'application/rss+xml' })
    expect(new Date(rss.lastBuildDate ?? '').toISOString()).toBe('2025-10-02T06:00:00.000Z')
    expect(rss.items).toHaveLength(ours.length)
    rss.items?.forEach((item, i) => {
      const ourItem = ours[i]!
      expect(item.title).toBe(ourItem.title)
      expect(item.link).toBe(`${SITE}briefings/${ourItem.id}`)
      expect(item.guid).toEqual({ value: ourItem.id, isPermaLink: false })
      expect(new Date(item.pubDate ?? '').toISOString()).toBe(`${ourItem._selah.date}T00:00:00.000Z`)
      expect(item.description).toBe(plainText(ourItem))
    })
  })

  it('describes a briefing as its article, then its pointers with scripture, then its prayer, as plain text', async () => {
    const files = await build([source(SHARED_NAME, SHARED_TEXT)])
    const [item] = parseRssFeed(text(files, RSS_PATH)).items ?? []
    const description = item?.description ?? ''
    expect(description.startsWith('At a summit in Paris, 26 allies of Ukraine')).toBe(true)
    expect(description).toContain('\n\nPrayer Pointers\n- Pray: for leaders to prioritize genuine peace over political posturing, that diplomacy would not be derailed by pride. “Blessed are the peacemakers, for they will be called children of God.” Matthew 5:9\n- Pray: ask God')
    expect(description.endsWith('Prayer for God’s Shield over Ukraine\nLord, we lift Ukraine before You. Bring a halt to violence, shield the innocent, and raise up Your Church as a testimony of hope. Let peace that only Christ can give take root in this land. Amen')).toBe(true)
    expect(item?.pubDate).toBe('Fri, 05 Sep 2025 00:00:00 GMT')
  })

  it('writes a scripture reference given without its words in brackets, with no empty quote', async () => {
    const files = await build([source('2025-01-01-x.txt', 'Refuge\nHow to pray\n1) Pray: for shelter (Psalm 46:1)')])
    const [item] = parseRssFeed(text(files, RSS_PATH)).items ?? []
    expect(item?.description).toBe('Prayer Pointers\n- Pray: for shelter (Psalm 46:1)')
  })

  it('carries markup characters as text, and leaves out what XML cannot hold', async () => {
    const title = 'Fish & chips <b>bold</b> "quoted" \'single\''
    const article = 'A line with ]]> and <script>alert(1)</script> & an &amp; entity.'
    const files = await build([source('2025-01-01-x.txt', `${title}\n${article}\nPrayer Pointers\n- Pray: for A&B <now>`)], { title: 'Q&A <feed>' })
    const xml = text(files, RSS_PATH)
    expect(xml).not.toContain('<b>')
    const rss = parseRssFeed(xml)
    expect(rss.title).toBe('Q&A <feed>')
    expect(rss.items?.[0]?.title).toBe(title)
    expect(rss.items?.[0]?.description).toBe(`${article}\n\nPrayer Pointers\n- Pray: for A&B <now>`)
    expect(parseJsonFeed(text(files, FEED_PATH)).items?.[0]?.title).toBe(title)

    // The parser already drops control characters; a briefing from elsewhere may still hold them.
    expect(escapeXml('a\u0001b\u000Bc\uD800d\uFFFEe 🙏')).toBe('abcde 🙏')
    const briefing = { ...(sources[0]!.briefing), id: 'odd', date: null, title: 'Bell\u0007 rings \uDC00' }
    const odd = parseRssFeed(text(await build([{ fileName: 'odd.txt', briefing }]), RSS_PATH))
    expect(odd.items?.[0]?.title).toBe('Bell rings')
  })

  it('leaves pubDate out for an undated briefing', async () => {
    const files = await build([source('advent.txt', small('Advent'))])
    const [item] = parseRssFeed(text(files, RSS_PATH)).items ?? []
    expect(item?.title).toBe('Advent')
    expect(item?.pubDate).toBeUndefined()
  })
})
