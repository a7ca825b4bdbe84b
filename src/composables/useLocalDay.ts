import { onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { dayKey } from '~/utils/dates'

/**
 * Today's local date (YYYY-MM-DD), which moves on at midnight while the page stays open. A timer
 * can sleep with the device, so the date is also looked at again whenever the page is shown.
 */
export function useLocalDay(): ShallowRef<string> {
  const day = shallowRef(dayKey(new Date()))
  let timer: ReturnType<typeof setTimeout> | undefined

  function check() {
    day.value = dayKey(new Date())
    clearTimeout(timer)
    const now = new Date()
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1)
    // A second past midnight, so a timer that fires a little early still lands on the new day.
    timer = setTimeout(check, midnight.getTime() - now.getTime() + 1000)
  }

  check()
  // A plain listener, not VueUse's: the first screen imports this, and VueUse is one module that
  // would bring there every helper of it the app uses anywhere.
  const onShow = () => document.visibilityState === 'visible' && check()
  document.addEventListener('visibilitychange', onShow)
  onScopeDispose(() => {
    clearTimeout(timer)
    document.removeEventListener('visibilitychange', onShow)
  })
  return day
}
