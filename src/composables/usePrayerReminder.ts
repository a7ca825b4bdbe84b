import { useEventListener } from '@vueuse/core'
import { onScopeDispose, watch } from 'vue'
import { getSetting } from '~/db/settings'
import { dayKey } from '~/utils/dates'
import { useLiveQuery } from './useLiveQuery'

// A device asleep holds timers back: a reminder this late is worse than none.
const TOO_LATE = 30 * 60_000

/**
 * The next moment this device's clock shows `time` ('HH:MM') after `now`. On the day the clocks
 * skip it, Date lands after the gap, where the calendar rings too.
 */
export function nextPrayerTime(time: string, now: Date): Date {
  const [hours = 0, minutes = 0] = time.split(':').map(Number)
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate(), hours, minutes)
  return today > now ? today : new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, hours, minutes)
}

async function showReminder(due: Date): Promise<void> {
  const title = 'Pray with Selah'
  // One tag a day: two open tabs show one notification.
  const options = { body: 'It is your daily prayer time.', tag: `selah-prayer-${dayKey(due)}`, icon: `${import.meta.env.BASE_URL}pwa-192x192.png` }
  // Chrome on Android refuses `new Notification` in a page; the worker's registration shows it
  // there. getRegistration, not `ready`: `ready` never settles where no worker is registered.
  const registration = await navigator.serviceWorker?.getRegistration()
  if (registration) await registration.showNotification(title, options)
  else new Notification(title, options)
}

/**
 * While Selah is open, a notification at the daily prayer time when the person asked for one:
 * a single timeout to the next time, set again after it rings, when the setting changes, and when
 * the page is seen again (the device may have slept). Nothing polls; everything stops with the scope.
 */
export function usePrayerReminder(): void {
  const { data: setting } = useLiveQuery(() => getSetting('prayerTime'))
  let timer: ReturnType<typeof setTimeout> | undefined

  function arm(after = new Date()) {
    clearTimeout(timer)
    timer = undefined
    const { time, notify } = setting.value ?? {}
    if (!time || !notify || typeof Notification === 'undefined' || Notification.permission !== 'granted') return
    const due = nextPrayerTime(time, after)
    timer = setTimeout(() => ring(due), Math.max(0, due.getTime() - Date.now()))
  }

  function ring(due: Date) {
    if (Date.now() - due.getTime() < TOO_LATE) void showReminder(due).catch(error => console.warn('The prayer reminder could not be shown', error))
    // From a minute past: a timer that fired a moment early must not ring twice.
    arm(new Date(Math.max(Date.now(), due.getTime() + 60_000)))
  }

  watch(setting, () => arm())
  useEventListener(document, 'visibilitychange', () => document.visibilityState === 'visible' && arm())
  onScopeDispose(() => clearTimeout(timer))
}
