import { shallowRef } from 'vue'
import { requestPersistence } from '~/db/persistence'

const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const

/** "512 bytes", "1.2 MB", "3 GB": decimal units, the way devices report storage. */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes)
  let unit = 0
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000
    unit += 1
  }
  return new Intl.NumberFormat(undefined, {
    style: 'unit',
    unit: units[unit],
    unitDisplay: unit === 0 ? 'long' : 'short',
    maximumFractionDigits: value < 10 && unit > 0 ? 1 : 0,
  }).format(value)
}

/**
 * What the browser says about Selah's storage: whether it promised to keep the data
 * (`persisted`, null when it cannot say) and how much Selah uses (`usage` in bytes, null when unknown).
 * `ask()` asks the browser to keep the data and records the answer.
 */
export function useStorageStatus() {
  const storage = typeof navigator === 'undefined' ? undefined : navigator.storage
  const canAsk = typeof storage?.persist === 'function'
  const persisted = shallowRef<boolean | null>(null)
  const usage = shallowRef<number | null>(null)
  const asking = shallowRef(false)
  /** The answer to the last ask() in this view: undefined until asked. */
  const answer = shallowRef<boolean | undefined>()

  async function refresh() {
    try {
      if (typeof storage?.persisted === 'function') persisted.value = await storage.persisted()
    }
    catch {
      persisted.value = null
    }
    try {
      if (typeof storage?.estimate === 'function') usage.value = (await storage.estimate()).usage ?? null
    }
    catch {
      usage.value = null
    }
  }

  async function ask() {
    if (asking.value) return
    asking.value = true
    try {
      answer.value = await requestPersistence()
    }
    catch {
      // Recording the answer failed; refresh() below still shows what the browser decided.
    }
    finally {
      await refresh()
      asking.value = false
    }
  }

  void refresh()
  return { canAsk, persisted, usage, asking, answer, ask, refresh }
}
