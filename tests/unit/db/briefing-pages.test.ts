import fc from 'fast-check'
import { liveQuery } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { db } from '~/db'
import { markAnswered } from '~/db/answers'
import { briefingPageKey, readBriefingPage, type BriefingSummary } from '~/db/briefing-pages'
import { markBriefingOpened, mirrorBriefings } from '~/db/briefings'
import { addEntry } from '~/db/entries'
import { FIRST_PAGE, type PageRange } from '~/db/index-pages'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import type { ArchivedBriefing, StoredBriefing } from '~/db/types'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-09-06T08:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

const older = makeBriefing({ id: '2025-09-01-older', date: '2025-09-01' })
const newer = makeBriefing({ id: '2025-09-05-newer', date: '2025-09-05' })
const ids = (summaries: BriefingSummary[]) => summaries.map(summary => summary.briefing.id)

/** A stored row written straight into the table, for lists of any shape. */
function stored(id: string, sortDate: string, addedAt: string): StoredBriefing {
  return { ...makeBriefing({ id, date: sortDate }), source: 'feed', hash: id, addedAt, updatedAt: addedAt, openedAt: null, sortDate }
}

/** An archive line: a briefing the feed lists that is not on this device. */
function archived(id: string, date: string): ArchivedBriefing {
  return { id, title: `Archived ${id}`, date, sortDate: date, addedAt: '', year: date.slice(0, 4), hash: 'h', pointerCount: 3, bytes: 4000, path: `feed/briefings/${id}.0123456789abcdef.json` }
}

/** Every page from the top, each ending where the last row read ends, as the list reads them. */
async function readAllPages(limit: number): Promise<{ rows: BriefingSummary[], ranges: PageRange[] }> {
  const rows: BriefingSummary[] = []
  const ranges: PageRange[] = []
  let range: PageRange = FIRST_PAGE
  for (;;) {
    const page = await readBriefingPage(range, limit)
    rows.push(...page)
    if (page.length < limit) return { rows, ranges: [...ranges, range] }
    const through = briefingPageKey(page[page.length - 1]!)
    ranges.push({ ...range, through })
    range = { after: through, through: null }
  }
}

describe('readBriefingPage', () => {
  it('lists newest first: by date, then by arrival for the same day', async () => {
    await mirrorBriefings([{ briefing: older, hash: 'o' }, { briefing: newer, hash: 'n' }], 'feed')
    vi.setSystemTime(new Date('2025-09-06T09:00:00.000Z'))
    // Undated, added on 2025-09-06: the newest day, arriving after the others.
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'undated', date: null }), hash: 'u' }], 'pasted')
    vi.setSystemTime(new Date('2025-09-06T10:00:00.000Z'))
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'same-day', date: '2025-09-06' }), hash: 's' }], 'feed')
    expect(ids(await readBriefingPage(FIRST_PAGE, 10))).toEqual(['same-day', 'undated', newer.id, older.id])
  })

  it('carries what a row shows, not the article, and counts entries, answers and prayers per briefing', async () => {
    await mirrorBriefings([{ briefing: older, hash: 'o' }, { briefing: newer, hash: 'n' }], 'feed')
    const [p1, p2] = newer.pointers.map(pointer => snapshotOf(newer, pointer))
    await addEntry(p1!, 'one')
    await addEntry(p1!, 'two')
    await addEntry(p2!, 'three')
    await markAnswered(p2!, 'answered')
    await recordPrayed(p1!)
    await addEntry(snapshotOf(older, older.pointers[0]!), 'elsewhere')
    await markBriefingOpened(newer.id)
    const [first, second] = await readBriefingPage(FIRST_PAGE, 10)
    expect(first).toEqual({
      briefing: { id: newer.id, title: newer.title, date: '2025-09-05', sortDate: '2025-09-05', addedAt: '2025-09-06T08:00:00.000Z', source: 'feed', openedAt: '2025-09-06T08:00:00.000Z', pointerCount: 2 },
      entryCount: 3, answeredCount: 1, prayedCount: 1, isNew: false, onDevice: true,
    })
    expect(second).toMatchObject({ entryCount: 1, answeredCount: 0, prayedCount: 0, isNew: true })
  })

  it('pages by key: rows that share a day and an arrival go by id, none skipped or repeated', async () => {
    // One sync stores several briefings of the same day at the same moment.
    await db.briefings.bulkPut([
      stored('a', '2025-09-05', 't1'), stored('b', '2025-09-05', 't1'), stored('c', '2025-09-05', 't1'),
      stored('d', '2025-09-05', 't0'), stored('e', '2025-09-04', 't9'), stored('f', '2025-09-04', 't9'),
    ])
    const expected = ['c', 'b', 'a', 'd', 'f', 'e']
    for (const limit of [1, 2, 3, 4, 7]) expect(ids((await readAllPages(limit)).rows), `pages of ${limit}`).toEqual(expected)
    // A page bounded by its last row reads the same rows again.
    const first = await readBriefingPage(FIRST_PAGE, 2)
    expect(ids(await readBriefingPage({ after: null, through: briefingPageKey(first[1]!) }, 2))).toEqual(['c', 'b'])
    expect(ids(await readBriefingPage({ after: briefingPageKey(first[0]!), through: briefingPageKey(first[1]!) }, 2))).toEqual(['b'])
  })

  it('pages cover every row once, in order, whatever the rows and the page size (property)', async () => {
    // Stored briefings and the archive's lines for those not on this device ('' as their arrival), mixed.
    const row = fc.record({
      id: fc.stringMatching(/^[a-e]{1,3}$/),
      day: fc.constantFrom('2025-01-01', '2025-01-02', '2025-01-03'),
      time: fc.constantFrom('t0', 't1', 't2', ''),
    })
    await fc.assert(fc.asyncProperty(fc.uniqueArray(row, { selector: r => r.id, maxLength: 25 }), fc.integer({ min: 1, max: 6 }), async (rows, limit) => {
      await Promise.all([db.briefings.clear(), db.archive.clear()])
      await db.briefings.bulkPut(rows.filter(r => r.time).map(r => stored(r.id, r.day, r.time)))
      await db.archive.bulkPut(rows.filter(r => !r.time).map(r => archived(r.id, r.day)))
      const expected = [...rows]
        .sort((a, b) => b.day.localeCompare(a.day) || b.time.localeCompare(a.time) || (b.id < a.id ? -1 : 1))
        .map(r => r.id)
      const { rows: read, ranges } = await readAllPages(limit)
      expect(ids(read)).toEqual(expected)
      // The bounded ranges the list keeps re-read exactly their own rows.
      const again = await Promise.all(ranges.map(range => readBriefingPage(range, limit)))
      expect(ids(again.flat())).toEqual(expected)
    }), { numRuns: 40 })
  })

  it('re-reads a page, live, when one of its briefings is written about, opened, or a briefing arrives in its range', async () => {
    await mirrorBriefings([{ briefing: older, hash: 'o' }, { briefing: newer, hash: 'n' }], 'feed')
    const range = { after: null, through: briefingPageKey((await readBriefingPage(FIRST_PAGE, 1))[0]!) }
    let latest: BriefingSummary[] = []
    let runs = 0
    const subscription = liveQuery(() => { runs++; return readBriefingPage(range, 1) }).subscribe(page => { latest = page })
    onTestFinished(() => subscription.unsubscribe())
    await vi.waitFor(() => expect(ids(latest)).toEqual([newer.id]))

    await addEntry(snapshotOf(newer, newer.pointers[0]!), 'words')
    await vi.waitFor(() => expect(latest[0]?.entryCount).toBe(1))
    await markBriefingOpened(newer.id)
    await vi.waitFor(() => expect(latest[0]?.isNew).toBe(false))
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'newest', date: '2025-09-06' }), hash: 'x' }], 'feed')
    await vi.waitFor(() => expect(ids(latest)).toEqual(['newest', newer.id]))

    // A write about a briefing on another page leaves this one alone.
    const before = runs
    await addEntry(snapshotOf(older, older.pointers[0]!), 'elsewhere')
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(runs).toBe(before)
  })

  it('lists the archive\'s lines among the stored briefings by date, marked as not on this device, and drops a line once its briefing arrives', async () => {
    await mirrorBriefings([{ briefing: older, hash: 'o' }, { briefing: newer, hash: 'n' }], 'feed')
    await db.archive.bulkPut([archived('2025-09-03-between', '2025-09-03'), archived('2025-09-05-same-day', '2025-09-05'), archived('2024-01-01-last-year', '2024-01-01')])
    const page = await readBriefingPage(FIRST_PAGE, 10)
    expect(ids(page)).toEqual([newer.id, '2025-09-05-same-day', '2025-09-03-between', older.id, '2024-01-01-last-year'])
    expect(page.map(summary => summary.onDevice)).toEqual([true, false, false, true, false])
    expect(page[1]).toMatchObject({ briefing: { title: 'Archived 2025-09-05-same-day', pointerCount: 3, source: 'feed' }, isNew: false, entryCount: 0 })
    // A first page of 2 takes the newest two of both sources.
    expect(ids(await readBriefingPage(FIRST_PAGE, 2))).toEqual([newer.id, '2025-09-05-same-day'])

    await mirrorBriefings([{ briefing: makeBriefing({ id: '2025-09-03-between', date: '2025-09-03' }), hash: 'b' }], 'feed')
    const after = await readBriefingPage(FIRST_PAGE, 10)
    expect(ids(after)).toEqual([newer.id, '2025-09-05-same-day', '2025-09-03-between', older.id, '2024-01-01-last-year'])
    expect(after[2]!.onDevice).toBe(true)
    expect(await db.archive.get('2025-09-03-between')).toBeUndefined()
  })
})
