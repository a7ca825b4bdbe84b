import { plural } from '~/utils/words'

const DAY = 24 * 60 * 60 * 1000

/** Days since the epoch of the local calendar day of `date`, so "the next day" is the calendar's. */
function dayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY)
}

/** Whole calendar months from `start` to `end`: 5 March to 4 April is not yet a month. */
function wholeMonths(start: Date, end: Date): number {
  const months = (end.getFullYear() - start.getFullYear()) * 12 + end.getMonth() - start.getMonth()
  return end.getDate() < start.getDate() ? months - 1 : months
}

/** "3 days", "5 weeks", "4 months", "2 years and 1 month": the span in its plainest unit. */
function span(start: Date, end: Date): string {
  const days = dayNumber(end) - dayNumber(start)
  if (days < 14) return plural(days, 'day', 'days')
  if (days < 60) return plural(Math.round(days / 7), 'week', 'weeks')
  const months = wholeMonths(start, end)
  if (months < 24) return plural(months, 'month', 'months')
  const years = Math.floor(months / 12)
  const rest = months % 12
  return rest ? `${plural(years, 'year', 'years')} and ${plural(rest, 'month', 'months')}` : plural(years, 'year', 'years')
}

/**
 * How long a prayer waited for its answer, in plain words: "Answered 3 months after you first
 * prayed". Null when nothing was written or prayed about it before the answer.
 */
export function howLongItTook(firstPrayedAt: string | null, answeredAt: string): string | null {
  if (!firstPrayedAt || firstPrayedAt > answeredAt) return null
  const start = new Date(firstPrayedAt)
  const end = new Date(answeredAt)
  const days = dayNumber(end) - dayNumber(start)
  if (days === 0) return 'Answered the same day you first prayed'
  if (days === 1) return 'Answered the day after you first prayed'
  return `Answered ${span(start, end)} after you first prayed`
}
