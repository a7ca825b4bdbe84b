/**
 * Wall-clock arithmetic in a named IANA time zone, with Intl alone: no zone database ships with
 * Selah, the browser's own is the one the person's clock and calendar use.
 */

const MINUTE = 60_000
export const DAY = 24 * 60 * MINUTE

/** The zone this device's clock is set to, e.g. 'Europe/London'. */
export function deviceTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone
}

const formatters = new Map<string, Intl.DateTimeFormat>()

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric',
    })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** The wall-clock time shown in `timeZone` at `instant` (whole minutes), as if it were a UTC time. */
function wallMinutes(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {}
  for (const { type, value } of formatterFor(timeZone).formatToParts(instant)) parts[type] = Number(value)
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!)
}

/** Minutes the zone is ahead of UTC at `instant`: 60 for London in summer, -300 for New York in winter. */
export function offsetMinutes(timeZone: string, instant: number): number {
  const minute = Math.floor(instant / MINUTE) * MINUTE
  return Math.round((wallMinutes(timeZone, minute) - minute) / MINUTE)
}

/** The day ('YYYY-MM-DD') and time ('HH:MM') a clock in `timeZone` shows at `instant`. */
export function wallClock(timeZone: string, instant: Date): { day: string, time: string } {
  const iso = new Date(wallMinutes(timeZone, instant.getTime())).toISOString()
  return { day: iso.slice(0, 10), time: iso.slice(11, 16) }
}

/** `day` ('YYYY-MM-DD') moved by whole calendar days. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10)
}

/**
 * Whether a clock in `timeZone` ever shows `time` ('HH:MM') on `day`: false inside the hour skipped
 * when the clocks go forward. A time shown twice when they go back exists.
 */
export function wallTimeExists(timeZone: string, day: string, time: string): boolean {
  const wall = Date.parse(`${day}T${time}:00Z`)
  // The offsets either side of any change that day: the wall time exists if one of them maps back to it.
  const offsets = new Set([offsetMinutes(timeZone, wall - DAY), offsetMinutes(timeZone, wall + DAY)])
  return [...offsets].some(offset => wallMinutes(timeZone, wall - offset * MINUTE) === wall)
}

/** The first day on which a daily `time` comes: today while it is still ahead, else tomorrow. */
export function firstDay(time: string, now: Date, timeZone: string): string {
  const clock = wallClock(timeZone, now)
  return clock.time < time ? clock.day : addDays(clock.day, 1)
}
