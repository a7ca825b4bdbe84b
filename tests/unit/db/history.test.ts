import type { DBCore, Middleware } from 'dexie'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { markAnswered } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { countOnThisDay, loadDaysMarked, loadOnThisDay, sameDayIn } from '~/db/history'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { makeBriefing, useFreshDatabase } from './helpers'

/** Counts the index range queries each table answers, to prove one per year per table. */
const queries: string[] = []
const queryLog: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'query-log',
  create: down => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      return { ...table, query: (req) => { queries.push(`${name}.${req.query.index.name}`); return table.query(req) } }
    },
  }),
}
db.use(queryLog)
useFreshDatabase()

beforeEach(() => {
  queries.length = 0
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => vi.useRealTimers())

const briefing = makeBriefing()
const pointers = briefing.pointers.map(pointer => snapshotOf(briefing, pointer))
const pointer = pointers[0]!
const p2 = pointers[1]!

/** Local time in the zone under test: `local(2025, 9, 5, 23, 50)` is 23:50 on 5 September there. */
const local = (year: number, month: number, day: number, hour = 12, minute = 0) => new Date(year, month - 1, day, hour, minute)
const write = (when: Date, text: string) => { vi.setSystemTime(when); return addEntry(pointer, text) }
const pray = (when: Date) => { vi.setSystemTime(when); return recordPrayed(pointer) }
const answer = (when: Date, note: string) => { vi.setSystemTime(when); return markAnswered(p2, note) }

// One zone behind UTC and one ahead, as in tests/unit/utils/dates.test.ts. history.ts reads the
// zone at run time (Date's local fields), so setting TZ is enough: no module needs reloading.
for (const zone of ['America/Los_Angeles', 'Pacific/Auckland']) {
  describe(`looking back in ${zone}`, () => {
    const savedZone = process.env.TZ
    beforeAll(() => { process.env.TZ = zone })
    afterAll(() => {
      if (savedZone === undefined) delete process.env.TZ
      else process.env.TZ = savedZone
    })

    it('really runs in that zone', () => {
      expect(new Date(2025, 0, 15).getTimezoneOffset()).not.toBe(0)
    })

    it('finds what happened on today’s local date in each earlier year, newest year first', async () => {
      await write(local(2018, 1, 10), 'the oldest entry, on another day')
      const early = await write(local(2025, 9, 5, 0, 10), 'just after midnight')
      const late = await write(local(2025, 9, 5, 23, 50), 'just before midnight')
      await write(local(2025, 9, 4, 23, 50), 'the evening before')
      await write(local(2025, 9, 6, 0, 0), 'the next midnight')
      const prayed = await pray(local(2020, 9, 5, 7))
      const answered = await answer(local(2019, 9, 5, 21), 'answered years ago')
      await write(local(2026, 9, 5, 6), 'earlier today: this year is not looked back on')

      const today = local(2026, 9, 5, 10)
      queries.length = 0
      const years = await loadOnThisDay(today)
      expect(years.map(({ year, events }) => [year, events.map(event => event.key)])).toEqual([
        [2025, [`written:${early.id}`, `written:${late.id}`]],
        [2020, [`prayed:${prayed.id}`]],
        [2019, [`answered:${answered.pointerId}`]],
      ])
      // Per table: one read of its oldest record, then a range for each year from 2018 to 2025.
      expect(queries.filter(query => query === 'entries.createdAt')).toHaveLength(1 + 8)
      expect(queries.filter(query => query === 'prayed.prayedAt')).toHaveLength(1 + 8)
      expect(queries.filter(query => query === 'answers.answeredAt')).toHaveLength(1 + 8)
      expect(queries).toHaveLength(3 * (1 + 8))
      // The briefing list's card counts the same ranges without reading a record.
      expect(await countOnThisDay(today)).toBe(4)
      expect(await countOnThisDay(local(2026, 9, 6, 10))).toBe(1)
      expect(await countOnThisDay(local(2026, 3, 1, 10))).toBe(0)
    })

    it('marks the local days of a month on which something was prayed or written', async () => {
      await write(local(2026, 11, 30, 23, 59), 'the month before')
      await pray(local(2026, 12, 1, 0, 5))
      await write(local(2026, 12, 3, 23, 30), 'late on the third')
      await pray(local(2026, 12, 3, 8))
      await write(local(2026, 12, 31, 23, 59), 'the last minute of the month')
      await write(local(2027, 1, 1, 0, 0), 'the next month')

      const days = await loadDaysMarked({ start: local(2026, 12, 1, 0), end: local(2027, 1, 1, 0) })
      expect(Object.fromEntries(days)).toEqual({
        '2026-12-01': { prayed: true, written: false },
        '2026-12-03': { prayed: true, written: true },
        '2026-12-31': { prayed: false, written: true },
      })
      const year = await loadDaysMarked({ start: local(2027, 1, 1, 0), end: local(2028, 1, 1, 0) })
      expect([...year.keys()]).toEqual(['2027-01-01'])
    })
  })
}

describe('on this day around 29 February', () => {
  it('shows 28 February of other years on a 29th, and the leap years’ 29th only', async () => {
    const leapDay = await write(local(2024, 2, 29), 'on the leap day')
    await write(local(2024, 2, 28), 'the day before the leap day')
    const plainYear = await write(local(2027, 2, 28), 'the last day of February 2027')
    await write(local(2027, 3, 1), 'the first of March')

    const years = await loadOnThisDay(local(2028, 2, 29))
    expect(years.map(({ year, events }) => [year, events.map(event => event.key)])).toEqual([
      [2027, [`written:${plainYear.id}`]],
      [2024, [`written:${leapDay.id}`]],
    ])
  })

  it('brings back a leap day on 28 February of a year without one', async () => {
    const before = await write(local(2024, 2, 28), 'the day before the leap day')
    const leapDay = await write(local(2024, 2, 29), 'on the leap day')
    await write(local(2024, 3, 1), 'the first of March')
    const years = await loadOnThisDay(local(2027, 2, 28))
    expect(years).toEqual([{ year: 2024, events: [expect.objectContaining({ key: `written:${before.id}` }), expect.objectContaining({ key: `written:${leapDay.id}` })] }])
  })

  it('keeps to the day itself on 28 February of a leap year', () => {
    const span = sameDayIn(2024, local(2028, 2, 28))
    expect([span.start, span.end]).toEqual([local(2024, 2, 28, 0), local(2024, 2, 29, 0)])
  })
})

describe('on this day with nothing to show', () => {
  it('answers an empty list for an empty journal or one begun this year', async () => {
    expect(await loadOnThisDay(local(2026, 9, 5))).toEqual([])
    await write(local(2026, 1, 2), 'the first entry ever')
    expect(await loadOnThisDay(local(2026, 9, 5))).toEqual([])
  })
})
