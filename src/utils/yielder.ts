interface Scheduler { yield?: () => Promise<void> }

/**
 * A function to call between small pieces of long work: about every `everyMs` of work it gives the
 * browser a turn (to paint a progress bar, to answer a tap), so a backup, a restore or the search
 * index's build never freezes the page. scheduler.yield() where the browser has it: a timer's
 * turn can wait behind every other task.
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
