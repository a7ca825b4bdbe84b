import { getSetting, setSetting } from './settings'

/**
 * Asking the browser to keep Selah's data (navigator.storage.persist) when it runs low on space.
 * Browsers decide by their own rules (Chromium answers from engagement and installation, Firefox
 * shows a prompt), so Selah asks once after the first saved entry, never on first paint, and again
 * only when the person presses the button in Settings. The answer is stored in the settings table.
 */

function canAsk(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.persist === 'function'
}

/** Asks now and records the answer. Resolves to whether the browser agreed (false when it cannot ask). */
export async function requestPersistence(): Promise<boolean> {
  if (!canAsk()) return false
  let granted = false
  try {
    granted = await navigator.storage.persist()
  }
  catch {
    // Some browsers refuse in private windows; that is a "no", not an error to show.
  }
  await setSetting('persistence', { askedAt: new Date().toISOString(), granted })
  return granted
}

/** Asks only if this device has never been asked. Never throws: it runs after a save that already succeeded. */
export async function requestPersistenceOnce(): Promise<void> {
  try {
    if (!canAsk()) return
    const { askedAt } = await getSetting('persistence')
    if (askedAt) return
    await requestPersistence()
  }
  catch {
    // Storage trouble here must not spoil the save that triggered it.
  }
}
