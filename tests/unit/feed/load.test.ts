// @vitest-environment node
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { writeDailyBriefings } from '~/cli/feed-fixture'
import { DEFAULT_SITE_URL } from '~/feed/build'
import { loadFeed, siteUrlFromEnv } from '~/feed/node/files'
import { SHARED_NAME, SHARED_TEXT } from '../briefings/parse-helpers'
import { feedOf, pagesOf, pathsUnder } from './feed-helpers'

const root = mkdtempSync(path.join(tmpdir(), 'selah-feed-'))
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('loadFeed (what the build plugin runs)', () => {
  it('builds 3,000 daily briefings and the shipped one into one small feed and its archive', { timeout: 120_000 }, async () => {
    const dir = path.join(root, 'years')
    await writeDailyBriefings(dir, 3000, { endDate: '2025-10-01' })
    writeFileSync(path.join(dir, SHARED_NAME), SHARED_TEXT)
    writeFileSync(path.join(dir, 'README.md'), 'not a briefing, and not a .txt file')

    const files = await loadFeed(dir, root, { generatedAt: '2025-10-02T00:00:00Z' })
    const feed = feedOf(files)
    expect(pathsUnder(files, 'feed/briefings/')).toHaveLength(3001)
    expect(feed._selah.archives.map((link) => [link.year, link.count])).toEqual([
      ['2025', 275], ['2024', 366], ['2023', 365], ['2022', 365], ['2021', 365], ['2020', 366], ['2019', 365], ['2018', 365], ['2017', 169],
    ])
    expect(pathsUnder(files, 'feed/archive/')).toHaveLength(9)
    expect(files.size).toBe(3001 + 9 + 2)
    expect(feed.items).toHaveLength(32)
    expect(feed.items[0]?.id.startsWith('2025-10-01-')).toBe(true)
    expect(pagesOf(files).flatMap((page) => page.briefings)).toHaveLength(3001)
    // What every sync revalidates stays small however long the archive grows.
    expect(new TextEncoder().encode(files.get('feed/feed.json')).length).toBeLessThan(200_000)
  })

  it('stops at the first bad file by name, with file:line: message, among many good ones', { timeout: 60_000 }, async () => {
    const dir = path.join(root, 'bad')
    const names = await writeDailyBriefings(dir, 300, { endDate: '2025-10-01' })
    const [firstBad, laterBad] = [names[140]!, names[260]!]
    writeFileSync(path.join(dir, firstBad), 'Title\n\nPrayer Points\n')
    writeFileSync(path.join(dir, laterBad), 'Date: 2025-02-30\nTitle\nPrayer Points\n- Pray\n')
    await expect(loadFeed(dir, root)).rejects.toThrow(
      `bad/${firstBad}:3: No prayer pointers follow the heading 'Prayer Points' on line 3: add one '- ' line per pointer.`,
    )
    writeFileSync(path.join(dir, firstBad), 'Title\nPrayer Points\n- Pray\n')
    await expect(loadFeed(dir, root)).rejects.toThrow(`bad/${laterBad}:1: The date on line 1, 2025-02-30, is not a real date.`)
  })

  it('names a file it cannot read', async () => {
    const dir = path.join(root, 'folder')
    mkdirSync(path.join(dir, 'not-a-file.txt'), { recursive: true })
    await expect(loadFeed(dir, root)).rejects.toThrow('folder/not-a-file.txt: is a folder, not a text file.')
  })
})

describe('siteUrlFromEnv', () => {
  it('takes SELAH_SITE_URL, or the local preview server', () => {
    expect(siteUrlFromEnv({})).toBe(DEFAULT_SITE_URL)
    expect(siteUrlFromEnv({ SELAH_SITE_URL: '' })).toBe('http://localhost:4173/')
    expect(siteUrlFromEnv({ SELAH_SITE_URL: 'https://prayer.example.org/selah/' })).toBe('https://prayer.example.org/selah/')
    expect(() => siteUrlFromEnv({ SELAH_SITE_URL: 'https://prayer.example.org/selah' })).toThrow(
      'SELAH_SITE_URL is "https://prayer.example.org/selah": set it to the full address the app is published at, ending with \'/\'',
    )
  })
})
