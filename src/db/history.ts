import { dayKey } from '~/utils/dates'
import { db } from './index'
import { answeredItem, oldestFirst, prayedItem, writtenItem } from './thread'
import type { TimelineItem } from './timeline'
import { timed } from './timing'

/**
 * Looking back over the years: what happened on today's date in earlier years, and which days of
 * a month or year something was prayed or written. Every read is a range over a time index,
 * bounded by local days (the day the person saw on their calendar), never a walk over every row.
 */

export interface OnThisDayYear {
  year: number
  /** Oldest first within the day. */
  events: TimelineItem[]
}

/** A span of local time, start included, end excluded. */
export interface LocalSpan {
  start: Date
  end: Date
}

const isLeapYear = (year: number) => new Date(year, 1, 29).getMonth() === 1

/**
 * The local day in `year` that matches today's month and day. 29 February has no match in
 * other years, so those years give 28 February; and on 28 February of a year with no
 * 29th, leap years give both days, so what was written on a 29th still comes round.
 */
export function sameDayIn(year: number, today: Date): LocalSpan {
  const month = today.getMonth()
  const day = today.getDate()
  if (month === 1 && day === 29 && !isLeapYear(year)) return { start: new Date(year, 1, 28), end: new Date(year, 2, 1) }
  if (month === 1 && day === 28 && !isLeapYear(today.getFullYear()) && isLeapYear(year)) {
    return { start: new Date(year, 1, 28), end: new Date(year, 2, 1) }
  }
  return { start: new Date(year, month, day), end: new Date(year, month, day + 1) }
}

/** Local dates as the ISO strings the time indexes hold. */
const isoRange = (span: LocalSpan): [string, string] => [span.start.toISOString(), span.end.toISOString()]

/** The local year of the oldest record, or null for an empty journal. */
async function firstYear(): Promise<number | null> {
  const [entry, prayed, answer] = await Promise.all([
    db.entries.orderBy('createdAt').first(),
    db.prayed.orderBy('prayedAt').first(),
    db.answers.orderBy('answeredAt').first(),
  ])
  const times = [entry?.createdAt, prayed?.prayedAt, answer?.answeredAt].filter(time => time !== undefined)
  return times.length ? Math.min(...times.map(time => new Date(time).getFullYear())) : null
}

/** Today's date in each year from last year back to `oldest`, newest first, as ISO bounds. */
function earlierSameDays(today: Date, oldest: number): { year: number, from: string, to: string }[] {
  const days: { year: number, from: string, to: string }[] = []
  for (let year = today.getFullYear() - 1; year >= oldest; year--) {
    const [from, to] = isoRange(sameDayIn(year, today))
    days.push({ year, from, to })
  }
  return days
}

/**
 * Everything written, prayed and answered on today's date in each earlier year, newest year
 * first; years with nothing are left out. One indexed range per table per year.
 */
export async function loadOnThisDay(today: Date = new Date()): Promise<OnThisDayYear[]> {
  return timed('on-this-day', () => db.transaction('r', [db.entries, db.prayed, db.answers], async () => {
    const oldest = await firstYear()
    if (oldest === null) return []
    const found = await Promise.all(earlierSameDays(today, oldest).map(async ({ year, from, to }) => {
      const [entries, prayed, answers] = await Promise.all([
        db.entries.where('createdAt').between(from, to, true, false).toArray(),
        db.prayed.where('prayedAt').between(from, to, true, false).toArray(),
        db.answers.where('answeredAt').between(from, to, true, false).toArray(),
      ])
      const events = [...entries.map(writtenItem), ...prayed.map(prayedItem), ...answers.map(answeredItem)]
      return { year, events: events.sort(oldestFirst) }
    }))
    return found.filter(year => year.events.length > 0)
  }))
}

/**
 * How many things were written, prayed and answered on today's date in earlier years: the same
 * ranges as loadOnThisDay, counted on the time indexes without reading a record.
 */
export async function countOnThisDay(today: Date = new Date()): Promise<number> {
  return db.transaction('r', [db.entries, db.prayed, db.answers], async () => {
    const oldest = await firstYear()
    if (oldest === null) return 0
    const counts = earlierSameDays(today, oldest).flatMap(({ from, to }) => [
      db.entries.where('createdAt').between(from, to, true, false).count(),
      db.prayed.where('prayedAt').between(from, to, true, false).count(),
      db.answers.where('answeredAt').between(from, to, true, false).count(),
    ])
    return (await Promise.all(counts)).reduce((sum, count) => sum + count, 0)
  })
}

/** What a calendar day holds: something prayed (a tap of "I prayed for this"), something written. */
export interface DayMarks {
  prayed: boolean
  written: boolean
}

/** Each local day of `span`, as its YYYY-MM-DD key and its ISO bounds. */
function daysOf(span: LocalSpan): { key: string, from: string, to: string }[] {
  const days = []
  for (let day = span.start; day < span.end;) {
    const next = new Date(day.getFullYear(), day.getMonth(), day.getDate() + 1)
    days.push({ key: dayKey(day), from: day.toISOString(), to: next.toISOString() })
    day = next
  }
  return days
}

/**
 * The local days (YYYY-MM-DD) in `span` on which something was prayed or written. One count of
 * the time index per day and table, reading no record and no key: a year of a long journal holds
 * thousands of keys, and walking them with a cursor (all a keys-only read can do in IndexedDB)
 * took half a second at 100,000 entries; the 730 counts of a year take a fraction of that.
 */
export async function loadDaysMarked(span: LocalSpan): Promise<Map<string, DayMarks>> {
  const days = daysOf(span)
  const counts = await db.transaction('r', [db.entries, db.prayed], () => Promise.all(days.map(({ from, to }) => Promise.all([
    db.prayed.where('prayedAt').between(from, to, true, false).count(),
    db.entries.where('createdAt').between(from, to, true, false).count(),
  ]))))
  const marked = new Map<string, DayMarks>()
  days.forEach(({ key }, i) => {
    const [prayed, written] = counts[i]!
    if (prayed || written) marked.set(key, { prayed: prayed > 0, written: written > 0 })
  })
  return marked
}
