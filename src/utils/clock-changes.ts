import { addDays, DAY, firstDay, offsetMinutes, wallTimeExists } from './time-zones'

/** A day on which a daily time does not happen on the clock, because the clocks go forward then. */
export interface SkippedTime {
  /** 'YYYY-MM-DD' in the zone. */
  day: string
  /** How far the clocks jump: 60 in most places, 30 on Lord Howe Island. */
  minutes: number
}

export interface SkippedTimeQuery {
  /** 'HH:MM' */
  time: string
  timeZone: string
  now: Date
  /** How far ahead to look; a year by default. */
  days?: number
}

/**
 * The first day within the coming year (from the first time `time` comes) on which it is skipped
 * by the clocks going forward; null when it always happens. One offset per day is read, and only
 * the days around a change are looked at closely, so a year costs about 370 Intl calls.
 */
export function findSkippedTime({ time, timeZone, now, days = 366 }: SkippedTimeQuery): SkippedTime | null {
  const start = firstDay(time, now, timeZone)
  const last = addDays(start, days - 1)
  const startAt = Date.parse(`${start}T00:00:00Z`)
  let before = offsetMinutes(timeZone, startAt - DAY)
  for (let i = 0; i <= days; i++) {
    const after = offsetMinutes(timeZone, startAt + i * DAY)
    if (after > before) {
      // The change came in the 24 hours before this UTC midnight: on one of these local days,
      // whichever side of UTC the zone lies.
      for (const day of [addDays(start, i - 2), addDays(start, i - 1), addDays(start, i)]) {
        if (day >= start && day <= last && !wallTimeExists(timeZone, day, time)) return { day, minutes: after - before }
      }
    }
    before = after
  }
  return null
}
