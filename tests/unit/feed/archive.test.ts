import { describe, expect, it } from 'vitest'
import type { FeedFiles, FeedSource } from '~/feed/build'
import { FEED_PATH, RSS_PATH } from '~/feed/format'
import { build, dailySources, feedOf, pagesOf, pathsUnder, small, source } from './feed-helpers'

/** Three years and a bit of daily briefings, and two undated ones. */
const archive = [
  ...dailySources('2023-11-15', '2025-10-01'),
  source('easter-vigil.txt', small('Easter vigil')),
  source('advent.txt', small('Advent')),
]

const pageNames = (files: FeedFiles) => Object.fromEntries(feedOf(files)._selah.archives.map((link) => [link.year, link.path]))
const names = (files: FeedFiles) => new Set(files.keys())
/** Files in `after` that `before` did not have, and the reverse. */
function changes(before: FeedFiles, after: FeedFiles) {
  const [a, b] = [names(before), names(after)]
  return { added: [...b].filter((name) => !a.has(name)).sort(), removed: [...a].filter((name) => !b.has(name)).sort() }
}

/** `source` with one word of its article changed, as an editor fixing a typo. */
function fixTypo({ fileName, briefing }: FeedSource): FeedSource {
  const [first = '', ...rest] = briefing.paragraphs
  return { fileName, briefing: { ...briefing, paragraphs: [`${first} (corrected)`, ...rest] } }
}

describe('archive pages', () => {
  it('list every briefing on exactly one page: newest year first, undated last, newest first on each', async () => {
    const files = await build(archive)
    const pages = pagesOf(files)
    expect(pages.map((page) => page.year)).toEqual(['2025', '2024', '2023', 'undated'])
    const listed = pages.flatMap((page) => page.briefings.map((line) => line.id))
    expect(listed).toHaveLength(archive.length)
    expect(new Set(listed)).toEqual(new Set(archive.map(({ briefing }) => briefing.id)))
    for (const page of pages.slice(0, 3)) {
      const dates = page.briefings.map((line) => line.date ?? '')
      expect(dates).toEqual([...dates].sort().reverse())
      expect(dates.every((date) => date.startsWith(page.year))).toBe(true)
    }
    expect(pages[3]?.briefings.map((line) => line.title)).toEqual(['Advent', 'Easter vigil'])
    // The recent briefings are on their year's page too: the pages alone list the whole archive.
    expect(pages[0]?.briefings.slice(0, 31).map((line) => line.id)).toEqual(feedOf(files).items.map((item) => item.id))
  })

  it('are named by their content: a rebuild with nothing new renames nothing', async () => {
    const first = await build(archive)
    const again = await build([...archive].reverse(), { generatedAt: '2026-01-01T00:00:00.000Z' })
    expect(changes(first, again)).toEqual({ added: [], removed: [] })
    for (const [name, value] of first) if (name !== FEED_PATH && name !== RSS_PATH) expect(again.get(name)).toBe(value)
  })

  it('keep last year\'s page when a briefing is added today; only this year\'s page is renamed', async () => {
    const before = await build(archive)
    const [today] = dailySources('2025-10-02', '2025-10-02')
    const after = await build([...archive, today!])
    const [was, now] = [pageNames(before), pageNames(after)]
    expect(now['2024']).toBe(was['2024'])
    expect(now['2023']).toBe(was['2023'])
    expect(now.undated).toBe(was.undated)
    expect(now['2025']).not.toBe(was['2025'])
    const { added, removed } = changes(before, after)
    expect(removed).toEqual([was['2025']])
    expect(added).toEqual([now['2025'], feedOf(after).items[0]?._selah.path].sort())
  })

  it('start a new page with the first briefing of a new year, leaving every older page alone', async () => {
    const before = await build(archive)
    const after = await build([...archive, ...dailySources('2026-01-01', '2026-01-01')])
    const [was, now] = [pageNames(before), pageNames(after)]
    expect(feedOf(after)._selah.archives.map((link) => link.year)).toEqual(['2026', '2025', '2024', '2023', 'undated'])
    expect(changes(before, after).removed).toEqual([])
    for (const year of ['2025', '2024', '2023', 'undated']) expect(now[year]).toBe(was[year])
  })

  it('rename only that year\'s page and that briefing\'s document when an old briefing is corrected', async () => {
    const before = await build(archive)
    const at = archive.findIndex(({ briefing }) => briefing.date === '2024-03-12')
    const edited = archive.map((entry, i) => (i === at ? fixTypo(entry) : entry))
    const after = await build(edited)
    const [was, now] = [pageNames(before), pageNames(after)]
    expect(now['2024']).not.toBe(was['2024'])
    for (const year of ['2025', '2023', 'undated']) expect(now[year]).toBe(was[year])
    const { added, removed } = changes(before, after)
    expect(removed).toHaveLength(2)
    expect(added).toHaveLength(2)
    expect(removed).toContain(was['2024'])
    expect(removed.find((name) => name.startsWith('feed/briefings/'))).toMatch(/^feed\/briefings\/2024-03-12-/)
    expect(added.find((name) => name.startsWith('feed/briefings/'))).toMatch(/^feed\/briefings\/2024-03-12-/)
    // Everything else is byte for byte the same.
    const untouched = pathsUnder(before, 'feed/').filter((name) => !removed.includes(name) && name !== FEED_PATH && name !== RSS_PATH)
    for (const name of untouched) expect(after.get(name)).toBe(before.get(name))
  })
})
