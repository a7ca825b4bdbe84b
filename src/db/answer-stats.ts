import { db } from './index'

/** How many prayers were answered in one stretch of the calendar. */
export interface AnsweredCount {
  /** The year, or the month 1..12 within the year asked about. */
  period: number
  count: number
}

/** The ISO time a local calendar month begins (months past 11 roll into the next year). */
function monthStart(year: number, month: number): string {
  return new Date(year, month, 1).toISOString()
}

/** Answers from `from` (inclusive) to `to` (exclusive): an indexed count, no record read. */
function countBetween(from: string, to: string): Promise<number> {
  return db.answers.where('answeredAt').between(from, to, true, false).count()
}

/** The first and last answeredAt, read from the ends of the index. */
async function answeredSpan(): Promise<[string, string] | null> {
  const [first, last] = await Promise.all([
    db.answers.orderBy('answeredAt').limit(1).keys(),
    db.answers.orderBy('answeredAt').reverse().limit(1).keys(),
  ])
  return first[0] && last[0] ? [String(first[0]), String(last[0])] : null
}

/**
 * Answered prayers per local calendar year, newest year first, from the first year with an answer
 * to the last (quiet years count 0). One indexed count per year: thirty years cost thirty counts,
 * however many answers they hold.
 */
export async function countAnsweredByYear(): Promise<AnsweredCount[]> {
  return db.transaction('r', db.answers, async () => {
    const span = await answeredSpan()
    if (!span) return []
    const [firstYear, lastYear] = span.map(iso => new Date(iso).getFullYear()) as [number, number]
    const years = Array.from({ length: lastYear - firstYear + 1 }, (_, i) => lastYear - i)
    const counts = await Promise.all(years.map(year => countBetween(monthStart(year, 0), monthStart(year + 1, 0))))
    return years.map((period, i) => ({ period, count: counts[i]! }))
  })
}

/** Answered prayers in each month (1..12) of a local calendar year. */
export async function countAnsweredByMonth(year: number): Promise<AnsweredCount[]> {
  return db.transaction('r', db.answers, async () => {
    const months = Array.from({ length: 12 }, (_, i) => i)
    const counts = await Promise.all(months.map(month => countBetween(monthStart(year, month), monthStart(year, month + 1))))
    return months.map(month => ({ period: month + 1, count: counts[month]! }))
  })
}
