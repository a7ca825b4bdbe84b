import { liveQuery } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { db } from '~/db'
import { countAnsweredByMonth, countAnsweredByYear } from '~/db/answer-stats'
import { answeredPageKey, markAnswered, readAnsweredPage, unmarkAnswered, type AnsweredRow } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { FIRST_PAGE, type PageRange } from '~/db/index-pages'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import type { AnsweredNote } from '~/db/types'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }))
afterEach(() => vi.useRealTimers())

const briefing = makeBriefing()
const [leaders, families] = briefing.pointers.map(pointer => snapshotOf(briefing, pointer)) as [ReturnType<typeof snapshotOf>, ReturnType<typeof snapshotOf>]
const at = (iso: string) => vi.setSystemTime(new Date(iso))
const notes = (rows: AnsweredRow[]) => rows.map(row => row.answer.pointerId)

/** An answered note written straight into the table, answered at `answeredAt`. */
function note(pointerId: string, answeredAt: string): AnsweredNote {
  return { ...leaders, pointerId, note: pointerId, answeredAt, editedAt: answeredAt }
}

describe('readAnsweredPage', () => {
  it('pages by key, newest first; notes answered at the same moment go by pointer id, none skipped or repeated', async () => {
    await db.answers.bulkPut([note('a', 't2'), note('b', 't2'), note('c', 't1'), note('d', 't2'), note('e', 't0')])
    const expected = ['d', 'b', 'a', 'c', 'e']
    for (const limit of [1, 2, 3, 5]) {
      const read: AnsweredRow[] = []
      let range: PageRange = FIRST_PAGE
      for (;;) {
        const page = await readAnsweredPage(range, limit)
        read.push(...page)
        if (page.length < limit) break
        range = { after: answeredPageKey(page[page.length - 1]!), through: null }
      }
      expect(notes(read), `pages of ${limit}`).toEqual(expected)
    }
  })

  it('says when the prayer began: the first entry or prayer before the answer, or null', async () => {
    at('2025-01-10T09:00:00.000Z')
    await recordPrayed(leaders)
    at('2025-02-01T09:00:00.000Z')
    await addEntry(leaders, 'still praying')
    at('2025-04-10T09:00:00.000Z')
    await markAnswered(leaders, 'peace talks')
    // Answered with nothing before it; an entry written afterwards does not count.
    await markAnswered(families, 'home again')
    at('2025-05-01T09:00:00.000Z')
    await addEntry(families, 'thankful')
    const rows = await readAnsweredPage(FIRST_PAGE, 10)
    expect(rows.map(row => [row.answer.note, row.firstPrayedAt])).toEqual([
      ['home again', null],
      ['peace talks', '2025-01-10T09:00:00.000Z'],
    ])
  })

  it('follows its page live: a new answer, an earlier entry, an unmarked answer', async () => {
    at('2025-03-01T09:00:00.000Z')
    await markAnswered(leaders, 'first')
    let latest: AnsweredRow[] = []
    const subscription = liveQuery(() => readAnsweredPage(FIRST_PAGE, 10)).subscribe((rows) => { latest = rows })
    onTestFinished(() => subscription.unsubscribe())
    await vi.waitFor(() => expect(notes(latest)).toEqual([leaders.pointerId]))
    at('2025-03-02T09:00:00.000Z')
    await markAnswered(families, 'second')
    await vi.waitFor(() => expect(notes(latest)).toEqual([families.pointerId, leaders.pointerId]))
    // Back-dated by a restore: a prayer from before the answer now counts.
    await db.prayed.put({ ...leaders, id: 'restored', prayedAt: '2025-01-01T09:00:00.000Z' })
    await vi.waitFor(() => expect(latest[1]?.firstPrayedAt).toBe('2025-01-01T09:00:00.000Z'))
    await unmarkAnswered(families.pointerId)
    await vi.waitFor(() => expect(notes(latest)).toEqual([leaders.pointerId]))
  })
})

describe('answered over time', () => {
  // Local times, as the person's calendar sees them.
  const local = (y: number, m: number, d: number) => new Date(y, m - 1, d, 12).toISOString()

  it('counts answers per local year, newest first, quiet years included, and per month of a year', async () => {
    expect(await countAnsweredByYear()).toEqual([])
    await db.answers.bulkPut([
      note('a', local(2021, 12, 31)), note('b', local(2023, 1, 1)), note('c', local(2023, 1, 31)),
      note('d', local(2023, 11, 5)), note('e', local(2024, 6, 1)),
    ])
    expect(await countAnsweredByYear()).toEqual([
      { period: 2024, count: 1 }, { period: 2023, count: 3 }, { period: 2022, count: 0 }, { period: 2021, count: 1 },
    ])
    const months = await countAnsweredByMonth(2023)
    expect(months).toHaveLength(12)
    expect(months.filter(month => month.count)).toEqual([{ period: 1, count: 2 }, { period: 11, count: 1 }])
    // Midnight at the start of a month belongs to that month, not the one before.
    await db.answers.put(note('f', new Date(2023, 1, 1).toISOString()))
    expect((await countAnsweredByMonth(2023))[1]).toEqual({ period: 2, count: 1 })
  })
})
