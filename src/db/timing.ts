/**
 * How long the app's own reads and writes take, put in the browser's performance timeline as User
 * Timing measures named `selah:<name>` (the Performance panel of the browser's tools shows them,
 * and `npm run bench:scale` compares them with the same query on raw IndexedDB). Only the latest
 * measure of each name is kept, so a long session does not pile them up. Timing never changes
 * what the work returns or throws.
 */
export async function timed<T>(name: string, work: () => Promise<T>): Promise<T> {
  const start = performance.now()
  try {
    return await work()
  }
  finally {
    measure(`selah:${name}`, start)
  }
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
