import { watch } from 'vue'

/**
 * Resolves once `condition()` is true, or after `timeout` ms. Used after a write so the view
 * swaps from the form to the saved words only when liveQuery has delivered them (no flicker).
 */
export function until(condition: () => boolean, timeout = 1000): Promise<void> {
  if (condition()) return Promise.resolve()
  return new Promise((resolve) => {
    const done = () => {
      stop()
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(done, timeout)
    const stop = watch(condition, (ok) => { if (ok) done() })
  })
}
