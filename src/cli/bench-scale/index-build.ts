import { inPage } from './in-page'
import { addMetric, type Bench } from './measure'

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

/**
 * Reloads the freshly seeded app, whose search index is not built yet: the app builds it
 * in the background. Times the build, and how soon the first screen shows meanwhile.
 */
export async function measureIndexBuild(bench: Bench, records: number): Promise<void> {
  const { options, browser } = bench
  const build = addMetric(bench, 'index-build', 'building the index from nothing', 'ms', { max: 30_000 })
  const usable = addMetric(bench, 'usable-while-indexing', 'first screen while the index builds', 'ms', { max: 100 })
  const page = browser.page
  await page.goto('/', { waitUntil: 'commit' })
  const outcome = await inPage<IndexOutcome>(page, options.indexLimitMs + 60_000, 'the search index to build', watchIndex, options.indexLimitMs)
    .catch((error: Error) => error.message.split('\n')[0]!)
  const seen = await page.evaluate('window.__benchSeen?.["[data-briefing-item]"] ?? null').catch(() => null) as number | null
  if (seen === null) Object.assign(usable, { status: 'timeout', reason: 'no [data-briefing-item] during the build' })
  else usable.values.push(seen)
  build.detail = { records }
  if (typeof outcome === 'string') Object.assign(build, { status: 'n/a', reason: outcome })
  else if (outcome.built) build.values.push(outcome.at)
  else Object.assign(build, { status: 'timeout', reason: `not built after ${options.indexLimitMs / 1000} s` })
  bench.log(`  index build: ${build.values[0] ? `${(build.values[0] / 1000).toFixed(1)} s` : build.reason}`)
}
