/** Dates and times in the user's own locale, through Intl. */

const dateTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit',
})
const dayOnly = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })
// Briefing dates are calendar days (YYYY-MM-DD): format them in UTC so no time zone shifts the day.
const calendarDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' })
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' })

/** "26 Nov 2026, 14:05" (or the locale's own order). */
export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso))
}

/** "26 Nov 2026" */
export function formatDay(iso: string): string {
  return dayOnly.format(new Date(iso))
}

/** "5 September 2025" for a briefing's YYYY-MM-DD date. */
export function formatCalendarDay(ymd: string): string {
  return calendarDay.format(new Date(`${ymd}T00:00:00Z`))
}

/** "November 2026", the heading of a month in the journal. */
export function formatMonth(iso: string): string {
  return monthYear.format(new Date(iso))
}

/** The local calendar day as YYYY-MM-DD, "2026-11-26": the day the person sees on their calendar. */
export function dayKey(date: Date): string {
  return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`
}

/** A key that sorts and groups by the local month: "2026-11". */
export function monthKey(iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`
}

const units: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
]

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago". */
export function formatRelative(iso: string, now = Date.now()): string {
  const seconds = Math.round((new Date(iso).getTime() - now) / 1000)
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.trunc(seconds / size), unit)
  }
  return 'just now'
}
