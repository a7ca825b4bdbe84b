/**
 * How long the app's own reads and writes take, put in the browser's performance timeline as User
 * Timing measures named `selah:<name>` (the Performance panel of the browser's tools shows them,
 * and `npm run bench:scale` compares them with the same query on raw IndexedDB). Only the latest
 * measure of each name is kept, so a long session does not pile them up. Timing never changes
 * what the work returns or throws. It also knows whether any such work is under way
 * (`noReadsRunning`), for background work that should step aside.
 */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  running++
  try {
    return await work()
  }
  finally {
    measure(`selah:${name}`, start)
    if (--running === 0) for (const resolve of waiting.splice(0)) resolve()
  }
}

/** Timed reads and writes under way, and who waits for none to be. */
let running = 0
const waiting: (() => void)[] = []

/**
 * Resolves once none of the reads and writes timed here is under way: background work that reads
 * the whole journal (the search index's build) waits for it before each request, so a view's
 * reads do not queue behind its pages in IndexedDB.
 */
export function noReadsRunning(): Promise<void> {
  return running === 0 ? Promise.resolve() : new Promise(resolve => waiting.push(resolve))
}

function measure(name: string, start: number) {
  try {
    performance.clearMeasures(name)
    performance.measure(name, { start, end: performance.now() })
  }
  catch {
    // A runtime without User Timing Level 3 has nothing to show the figure in.
  }
}
