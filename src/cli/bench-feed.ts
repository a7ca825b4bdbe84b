/**
 * Times the feed at the size a ministry reaches after eight years of daily briefings, as a new
 * reader meets it: builds the feed of N generated briefings (plus the app, unless --no-build),
 * serves both with `vite preview`, and in Chromium with a fresh profile measures
 *   - the feed's build time for N files;
 *   - a first visit: feed requests and bytes until the newest briefing is on screen, and the time
 *     from navigation start (the page's own clock, as the browser counts a page's paint times);
 *   - a sync with nothing new: requests and bytes on the wire (a reload, the app syncing on start);
 *   - opening an archived briefing online: from the click to its pointers on screen.
 * Medians of --runs fresh profiles. Prints a table, and a JSON summary as the last line.
 * Usage (hold the shared browser lock):
 *   flock /tmp/selah-browser.lock npx tsx src/cli/bench-feed.ts [--count 3000] [--runs 5] [--no-build]
 */
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { loadFeed } from '../feed/node/files'
import { writeDailyBriefings } from './feed-fixture'
import { build, exitOnSignals, root, serve } from './preview'

const { values } = parseArgs({
  options: {
    'count': { type: 'string', default: '3000' },
    'runs': { type: 'string', default: '5' },
    'no-build': { type: 'boolean', default: false },
  },
})
const count = Number(values.count)
const runs = Number(values.runs)
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const flags = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

interface Wire {
  requests: number
  bytes: number
}

/** Feed requests seen from the network (page and service worker), with the bytes each took on the wire. */
function watchFeed(context: BrowserContext): { take: () => Wire, statuses: number[] } {
  let wire: Wire = { requests: 0, bytes: 0 }
  const statuses: number[] = []
  context.on('requestfinished', async (request) => {
    if (!new URL(request.url()).pathname.startsWith('/feed/')) return
    // A request the service worker answered from its cache never reached the network.
    const response = await request.response()
    if (!response || response.fromServiceWorker()) return
    const sizes = await request.sizes().catch(() => null)
    wire.requests++
    wire.bytes += sizes ? sizes.responseBodySize + sizes.responseHeadersSize : 0
    statuses.push(response.status())
  })
  return { take: () => { const taken = wire; wire = { requests: 0, bytes: 0 }; return taken }, statuses }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function settle(page: Page, ms = 1500) {
  await page.waitForLoadState('networkidle').catch(() => {})
  await page.waitForTimeout(ms)
}

async function oneRun(origin: string, newest: string, archived: { id: string, title: string }) {
  const profile = await mkdtemp(join(tmpdir(), 'selah-bench-feed-'))
  const context = await chromium.launchPersistentContext(profile, { executablePath: chromiumPath, headless: true, args: flags, baseURL: origin, viewport: { width: 1000, height: 800 } })
  try {
    const feed = watchFeed(context)
    // When the newest briefing's row first appears, by the page's own clock (from navigation start).
    await context.addInitScript({ content: `new MutationObserver((_, observer) => {
      const row = document.querySelector('[data-briefing-item]')
      if (row && row.textContent.includes(${JSON.stringify(newest)})) { window.__newestShown = performance.now(); observer.disconnect() }
    }).observe(document, { subtree: true, childList: true, characterData: true })` })
    const page = context.pages()[0] ?? await context.newPage()
    await page.goto('/')
    await page.locator('[data-briefing-item]').first().getByText(newest).waitFor({ timeout: 60_000 })
    const firstScreenMs = Math.round(await page.evaluate('window.__newestShown') as number)
    const beforeNewest = feed.take()
    await settle(page)
    const afterSettle = feed.take()
    // Wait for the service worker, then a sync with nothing new: the reload syncs on start.
    await page.evaluate('navigator.serviceWorker.ready.then(() => true)')
    await page.reload()
    await settle(page)
    feed.take()
    await page.reload()
    await page.locator('[data-briefing-item]').first().waitFor()
    await settle(page)
    const sync = feed.take()
    // An archived briefing, found by its title and opened online.
    await page.getByRole('searchbox', { name: /Find a briefing/ }).fill(archived.title)
    const row = page.locator('[data-briefing-item]').filter({ hasText: archived.title }).first()
    await row.waitFor({ timeout: 60_000 })
    const clicked = Date.now()
    await row.getByRole('link').click()
    await page.getByRole('heading', { name: 'Prayer pointers' }).waitFor({ timeout: 30_000 })
    const openArchivedMs = Date.now() - clicked
    return { firstScreenMs, beforeNewest, firstVisit: { requests: beforeNewest.requests + afterSettle.requests, bytes: beforeNewest.bytes + afterSettle.bytes }, sync, syncStatuses: feed.statuses.slice(-sync.requests), openArchivedMs }
  }
  finally {
    await context.close().catch(() => {})
    await rm(profile, { recursive: true, force: true })
  }
}

async function main() {
  exitOnSignals()
  const work = await mkdtemp(join(tmpdir(), 'selah-bench-feed-'))
  const dist = join(root, 'dist')
  try {
    if (!values['no-build']) await build(dist)
    const briefings = join(work, 'briefings')
    await writeDailyBriefings(briefings, count, { endDate: new Date().toISOString().slice(0, 10) })
    const buildStarted = performance.now()
    const files = await loadFeed(briefings, work)
    const buildMs = performance.now() - buildStarted
    const served = join(work, 'dist')
    await cp(dist, served, { recursive: true })
    await rm(join(served, 'feed'), { recursive: true, force: true })
    let feedBytes = 0
    for (const [path, text] of files) {
      await mkdir(dirname(join(served, path)), { recursive: true })
      await writeFile(join(served, path), text)
      if (path === 'feed/feed.json') feedBytes = Buffer.byteLength(text)
    }
    const feed = JSON.parse(files.get('feed/feed.json')!) as { items: { title: string }[], _selah: { archives: { path: string }[] } }
    const oldestPage = JSON.parse(files.get(feed._selah.archives.at(-2)!.path)!) as { briefings: { id: string, title: string }[] }
    const archived = oldestPage.briefings[100]!
    const server = await serve(served)
    try {
      const results = []
      for (let run = 0; run < runs; run++) {
        results.push(await oneRun(server.origin, feed.items[0]!.title, archived))
        process.stderr.write(`run ${run + 1}/${runs} done\n`)
      }
      const summary = {
        briefings: count,
        files: files.size,
        buildMs: Math.round(buildMs),
        feedJsonBytes: feedBytes,
        firstScreenMs: median(results.map(r => r.firstScreenMs)),
        firstScreenRequests: median(results.map(r => r.beforeNewest.requests)),
        firstScreenBytes: median(results.map(r => r.beforeNewest.bytes)),
        firstVisitRequests: median(results.map(r => r.firstVisit.requests)),
        firstVisitBytes: median(results.map(r => r.firstVisit.bytes)),
        syncRequests: median(results.map(r => r.sync.requests)),
        syncBytes: median(results.map(r => r.sync.bytes)),
        syncStatuses: results.at(-1)!.syncStatuses,
        openArchivedMs: median(results.map(r => r.openArchivedMs)),
      }
      const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`
      const rows: [string, string, string, string][] = [
        ['feed build', `${(summary.buildMs / 1000).toFixed(1)} s for ${count.toLocaleString('en')} files (${summary.files.toLocaleString('en')} written)`, '', ''],
        ['newest briefing on screen, first visit', `${summary.firstScreenMs} ms`, 'not within 15 s', '< 1 s'],
        ['first visit before it shows', `${summary.firstScreenRequests} requests, ${kb(summary.firstScreenBytes)}`, '1,683 requests, 2.6 MB in 15 s', ''],
        ['whole first visit (settled)', `${summary.firstVisitRequests} requests, ${kb(summary.firstVisitBytes)}`, '3,054 requests, 13 MB', '≤ 20 requests, 300 KB'],
        ['sync with nothing new', `${summary.syncRequests} requests, ${kb(summary.syncBytes)} (${summary.syncStatuses.join(', ') || 'none'})`, '822 KB', '≤ 20 KB'],
        ['open an archived briefing online', `${summary.openArchivedMs} ms`, '', ''],
      ]
      console.log(`\nThe feed with ${count.toLocaleString('en')} daily briefings (medians of ${runs} fresh profiles)\n`)
      console.log(`  ${'measure'.padEnd(40)} ${'now'.padEnd(44)} ${'before'.padEnd(32)} target`)
      for (const [label, now, before, target] of rows) console.log(`  ${label.padEnd(40)} ${now.padEnd(44)} ${before.padEnd(32)} ${target}`)
      console.log(JSON.stringify(summary))
    }
    finally {
      server.stop()
    }
  }
  finally {
    await rm(work, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
