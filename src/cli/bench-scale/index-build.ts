import { inPage } from './in-page'
import { addMetric, navigate, type Bench } from './measure'

interface IndexOutcome {
  built: boolean
  /** ms since this page load started. */
  at: number
}

/**
 * Polls the settings row that says whether the app's search index is built, on a raw connection
 * of its own. The build keeps its progress in memory and writes the index in one transaction at
 * the end, so there is nothing to watch in between.
 */
async function watchIndex(limitMs: number): Promise<IndexOutcome> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('selah')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const read = () => new Promise<{ value?: { built?: boolean } } | undefined>((resolve, reject) => {
    const request = db.transaction('settings').objectStore('settings').get('searchIndex')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
  try {
    for (;;) {
      const state = (await read())?.value
      const now = performance.now()
      // No row at all is a built index too (src/db/search-index.ts, searchIndexState).
      if (!state || state.built !== false) return { built: true, at: now }
      if (now > limitMs) return { built: false, at: now }
      await new Promise(resolve => setTimeout(resolve, 100))
    }
  }
  finally {
    db.close()
  }
}

/** The app starts its build this long after the database opens (main.ts), plus a little. */
const BUILD_STARTS_MS = 2500

/**
 * Reloads the freshly seeded app, whose search index is not built yet: the app builds it in the
 * background. Times the build, and meanwhile the person's use of the app: client-side visits to
 * the Journal and back to the briefing list at /briefings (once untimed, to load their code), each
 * until its first item shows, for as long as the build runs. Only visits that ended before the
 * build did count.
 */
export async function measureIndexBuild(bench: Bench, records: number): Promise<void> {
  const { options, browser } = bench
  const build = addMetric(bench, 'index-build', 'building the index from nothing', 'ms', { max: 30_000 })
  const visits = [
    { url: '/journal', selector: '[data-timeline-item]', metric: addMetric(bench, 'timeline-while-indexing', 'timeline first screen while the index builds', 'ms', { max: 100 }) },
    { url: '/briefings', selector: '[data-briefing-item]', metric: addMetric(bench, 'briefings-while-indexing', 'briefing list while the index builds', 'ms', { max: 100 }) },
  ]
  const page = browser.page
  await page.goto('/', { waitUntil: 'commit' })
  let finished = false
  const watching = inPage<IndexOutcome>(page, options.indexLimitMs + 60_000, 'the search index to build', watchIndex, options.indexLimitMs)
    .catch((error: Error) => error.message.split('\n')[0]!)
    .finally(() => { finished = true })
  await page.waitForTimeout(BUILD_STARTS_MS)
  // Warm, as every other first screen here is: the Journal's code is loaded before the timed visits.
  for (const { url, selector } of visits) await navigate(bench, url, selector).catch(() => null)
  for (let visit = 0; !finished && visit < options.runs * visits.length; visit++) {
    const { url, selector, metric } = visits[visit % visits.length]!
    const ms = await navigate(bench, url, selector).catch(() => null)
    if (ms !== null && !finished) metric.values.push(ms)
  }
  const outcome = await watching
  for (const { metric } of visits) {
    if (!metric.values.length) Object.assign(metric, { status: 'n/a', reason: 'the build ended before a visit did' })
  }
  build.detail = { records }
  if (typeof outcome === 'string') Object.assign(build, { status: 'n/a', reason: outcome })
  else if (outcome.built) build.values.push(outcome.at)
  else Object.assign(build, { status: 'timeout', reason: `not built after ${options.indexLimitMs / 1000} s` })
  bench.log(`  index build: ${build.values[0] ? `${(build.values[0] / 1000).toFixed(1)} s` : build.reason}`)
  for (const { url, metric } of visits) bench.log(`  ${url} meanwhile: ${metric.values.map(ms => ms.toFixed(1)).join(', ') || metric.reason}`)
}
