import type { SkippedTime } from '~/utils/clock-changes'

/** Words the "Daily prayer time" section shows. */

// The skipped day is a calendar day: formatted in UTC so no zone moves it.
const longDay = new Intl.DateTimeFormat(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })

function addMinutes(time: string, minutes: number): string {
  const [hours = 0, mins = 0] = time.split(':').map(Number)
  const total = (hours * 60 + mins + minutes) % (24 * 60)
  return `${String(Math.floor(total / 60)).padStart(2, '0')}:${String(total % 60).padStart(2, '0')}`
}

/** "On Sunday 28 March 2027 the clocks go forward and 01:30 does not happen; your calendar will remind you an hour later that day, at 02:30." */
export function describeSkippedTime(time: string, { day, minutes }: SkippedTime): string {
  const later = minutes === 60 ? 'an hour' : minutes === 30 ? 'half an hour' : `${minutes} minutes`
  const date = longDay.format(new Date(`${day}T00:00:00Z`))
  return `On ${date} the clocks go forward and ${time} does not happen; your calendar will remind you ${later} later that day, at ${addMinutes(time, minutes)}.`
}

export type RefusedPermission = 'unsupported' | 'denied' | 'default'

/** Why the notification box stays unticked, and what still works. */
export const REFUSED: Record<RefusedPermission, string> = {
  unsupported: 'This browser cannot show notifications from Selah. On iPhone and iPad they work only once Selah is added to the Home Screen. The calendar file reminds you either way.',
  denied: 'Notifications are blocked for Selah in this browser, so Selah cannot remind you that way. You can allow them in the browser’s settings for this site, or use the calendar file.',
  default: 'Selah was not allowed to show notifications, so this stays off. The calendar file still reminds you.',
}
