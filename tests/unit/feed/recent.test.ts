import { describe, expect, it } from 'vitest'
import { RECENT_DAYS, RECENT_MAX, RECENT_MIN, recentCount } from '~/feed/build'
import { build, dailySources, feedOf, small, source } from './feed-helpers'

const DAY_MS = 86_400_000
const daysBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10)
/** Briefing dates, newest first, `every` days apart. */
const dated = (count: number, every: number, newest = '2025-10-01') => Array.from({ length: count }, (_, i) => ({ date: daysBefore(newest, i * every) }))

describe('the recent window (what feed.json and feed.xml carry whole)', () => {
  it('is every briefing dated in the 31 days that end with the newest one', () => {
    expect(RECENT_DAYS).toBe(31)
    expect(recentCount(dated(3000, 1))).toBe(31)
    expect(recentCount(dated(100, 2))).toBe(16)
  })

  it('holds at least the newest ten, dated or not', () => {
    expect(RECENT_MIN).toBe(10)
    expect(recentCount(dated(100, 7))).toBe(10)
    expect(recentCount([...dated(3, 1), ...Array.from({ length: 20 }, () => ({ date: null }))])).toBe(10)
    expect(recentCount(Array.from({ length: 20 }, () => ({ date: null })))).toBe(10)
    // A long pause: the newest briefing, then nothing for a year.
    expect(recentCount([{ date: '2025-10-01' }, ...dated(50, 1, '2024-09-01')])).toBe(10)
  })

  it('holds at most sixty, however busy the month', () => {
    expect(RECENT_MAX).toBe(60)
    expect(recentCount(dated(200, 0))).toBe(60)
    expect(recentCount(Array.from({ length: 120 }, (_, i) => ({ date: daysBefore('2025-10-01', Math.floor(i / 3)) })))).toBe(60)
  })

  it('is everything when there are fewer briefings than that', () => {
    expect(recentCount([])).toBe(0)
    expect(recentCount(dated(4, 30))).toBe(4)
  })

  it('is what buildFeed puts in feed.json, newest first', async () => {
    const daily = feedOf(await build(dailySources('2025-06-01', '2025-10-01')))
    expect(daily.items.map((item) => item._selah.date)).toEqual(dated(31, 1).map(({ date }) => date))

    const monthly = [...Array.from({ length: 14 }, (_, i) => source(`${daysBefore('2025-10-01', i * 30)}-m.txt`, small(`Month ${i}`)))]
    const feed = feedOf(await build([...monthly, source('undated.txt', small('Undated'))]))
    expect(feed.items).toHaveLength(10)
    expect(feed.items[0]?._selah.date).toBe('2025-10-01')
    expect(feed._selah.archives.reduce((sum, link) => sum + link.count, 0)).toBe(15)
  })
})
