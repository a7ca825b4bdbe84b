/** Month grids, weekday names and the calendar's URL values, all in the person's own locale through Intl. */

/** A month: `month` is 0 (January) to 11. */
export interface MonthRef {
  year: number
  month: number
}

/** "2026-12" from ?month=, or null when it is missing or not a month. */
export function parseMonth(value: unknown): MonthRef | null {
  const match = typeof value === 'string' ? /^([1-9]\d{3})-(\d{2})$/.exec(value) : null
  if (!match) return null
  const month = Number(match[2]) - 1
  return month >= 0 && month <= 11 ? { year: Number(match[1]), month } : null
}

/** "2026" from ?year=, or null. */
export function parseYear(value: unknown): number | null {
  return typeof value === 'string' && /^[1-9]\d{3}$/.test(value) ? Number(value) : null
}

export const monthParam = ({ year, month }: MonthRef) => `${year}-${String(month + 1).padStart(2, '0')}`

/** The month `delta` months after `ref` (before, when negative). */
export function addMonths(ref: MonthRef, delta: number): MonthRef {
  const date = new Date(ref.year, ref.month + delta, 1)
  return { year: date.getFullYear(), month: date.getMonth() }
}

/** The day a week starts on where the person lives (0 Sunday … 6 Saturday); Monday when the browser cannot say. */
export function firstDayOfWeek(): number {
  try {
    const locale = new Intl.Locale(navigator.language) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number }
      weekInfo?: { firstDay: number }
    }
    const firstDay = locale.getWeekInfo?.().firstDay ?? locale.weekInfo?.firstDay
    return firstDay ? firstDay % 7 : 1
  }
  catch {
    return 1
  }
}

export interface Weekday {
  narrow: string
  short: string
  long: string
}

/** The seven weekday names, starting at `firstDay`. 4 January 1970 was a Sunday. */
export function weekdays(firstDay: number): Weekday[] {
  const [narrow, short, long] = (['narrow', 'short', 'long'] as const).map(weekday => new Intl.DateTimeFormat(undefined, { weekday }))
  return Array.from({ length: 7 }, (_, i) => {
    const date = new Date(1970, 0, 4 + ((firstDay + i) % 7))
    return { narrow: narrow!.format(date), short: short!.format(date), long: long!.format(date) }
  })
}

/** The weeks of a month as rows of seven day numbers, with null before the 1st and after the last. */
export function monthWeeks({ year, month }: MonthRef, firstDay: number): (number | null)[][] {
  const lead = (new Date(year, month, 1).getDay() - firstDay + 7) % 7
  const length = new Date(year, month + 1, 0).getDate()
  const cells: (number | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => i + 1)]
  while (cells.length % 7) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, week) => cells.slice(week * 7, week * 7 + 7))
}

const monthName = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' })
const dayName = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' })

/** "December 2026" */
export const formatMonthOf = ({ year, month }: MonthRef) => monthName.format(new Date(year, month, 1))

/** "3 December 2026" (or the locale's order). */
export const formatDayOf = ({ year, month }: MonthRef, day: number) => dayName.format(new Date(year, month, day))
