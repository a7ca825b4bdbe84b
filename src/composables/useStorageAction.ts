import { shallowRef } from 'vue'
import { storageErrorMessage } from '~/db/errors'

/**
 * Runs a write through a db verb, one at a time: `busy` while it runs, and on failure `error`
 * in plain words. The caller's typed text is left alone, so nothing is lost to a failed save.
 */
export function useStorageAction() {
  const busy = shallowRef(false)
  const error = shallowRef<string | null>(null)

  /** Resolves true when the action succeeded; false when it failed or another was running. */
  async function run(action: () => Promise<unknown>): Promise<boolean> {
    if (busy.value) return false
    busy.value = true
    error.value = null
    try {
      await action()
      return true
    }
    catch (e) {
      error.value = storageErrorMessage(e)
      return false
    }
    finally {
      busy.value = false
    }
  }

  return { busy, error, run }
}
