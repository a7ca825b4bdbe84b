import { calendarText, escapeText, floatingStamp, utcStamp } from './ics'
import { firstDay } from './time-zones'

export const PRAYER_CALENDAR_FILE = 'selah-prayer-time.ics'

// Stable, so that adding the file again after changing the time updates the one event where the
// calendar matches by UID (Apple, Outlook), instead of adding a second daily event.
const UID = 'daily-prayer-time@selah-prayer-journal'

export interface PrayerCalendarOptions {
  /** 'HH:MM', local */
  time: string
  now: Date
  /** The zone whose today and clock decide the first day: the device's. */
  timeZone: string
}

/**
 * A calendar file holding one daily event at `time`, with an alarm at its start, so the phone's
 * own calendar reminds the person every day, with Selah closed and nothing sent anywhere.
 *
 * DTSTART is floating local time (no TZID, no Z). A TZID needs a VTIMEZONE beside it (§3.2.19),
 * and calendars differ on one that is missing: Google and Apple look the IANA name up, Outlook
 * falls back to UTC or refuses the file, and a VTIMEZONE that Intl could describe only as a list
 * of this year's changes goes wrong in later years. A floating time is read by iOS, Google and
 * Outlook alike as that time on the phone's own clock, which is what "every day at 07:15" means,
 * also after a trip abroad. On the day the clocks skip it, calendars ring at the time after the gap.
 */
export function prayerCalendar({ time, now, timeZone }: PrayerCalendarOptions): string {
  return calendarText([
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Selah//Prayer journal//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    'BEGIN:VEVENT',
    `UID:${UID}`,
    `DTSTAMP:${utcStamp(now)}`,
    `DTSTART:${floatingStamp(firstDay(time, now, timeZone), time)}`,
    'DURATION:PT15M',
    'RRULE:FREQ=DAILY',
    `SUMMARY:${escapeText('Pray with Selah')}`,
    `DESCRIPTION:${escapeText('Time to pray. Open Selah on this device, and pray through today’s briefing; your journal is there too.')}`,
    'TRANSP:TRANSPARENT',
    'BEGIN:VALARM',
    'ACTION:DISPLAY',
    'TRIGGER:PT0M',
    `DESCRIPTION:${escapeText('Pray with Selah')}`,
    'END:VALARM',
    'END:VEVENT',
    'END:VCALENDAR',
  ])
}
