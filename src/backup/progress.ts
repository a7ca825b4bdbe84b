/** How far a backup or a restore has come, for a progress bar. */
export type BackupPhase = 'exporting' | 'checking' | 'restoring'

export interface BackupProgress {
  phase: BackupPhase
  /** Records handled so far in this phase. */
  done: number
  /** Records in the whole journal (export) or the whole file (restore). */
  total: number
}

export type OnProgress = (progress: BackupProgress) => void

interface Scheduler { yield?: () => Promise<void> }

/**
 * A function to call between batches: about every `everyMs` of work it gives the browser a turn
 * (to paint the progress bar, to answer a tap), so a long export or restore never freezes the page.
 */
export function makeYielder(everyMs = 25): () => Promise<void> {
  let last = performance.now()
  return async () => {
    if (performance.now() - last < everyMs) return
    const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler
    await (scheduler?.yield ? scheduler.yield() : new Promise<void>(resolve => setTimeout(resolve, 0)))
    last = performance.now()
  }
}
