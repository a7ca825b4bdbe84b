/**
 * How Selah holds up with thirty years of journal: 100,000 entries, 2,000 briefings, 50,000 prayed
 * taps and 5,000 answered notes, a share of them about the person's own 1,620 requests in 6 lists
 * (120 still active), seeded into a fresh Chromium profile, then every view timed
 * (median of --runs) beside the same query on raw IndexedDB. Prints a table; writes a JSON summary.
 *
 * Usage: npm run bench:scale [-- --entries 5000 --briefings 200 --runs 2] (--help lists options)
 * The npm script holds /tmp/selah-browser.lock (flock) for the whole run: other agents' browser
 * tests take the same lock, so the figures are not shared with another Chromium. Run directly
 * (npx tsx src/cli/bench-scale.ts), it takes no lock: wrap it in flock yourself.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { measureBackup } from './bench-scale/backup'
import { launch, type Browser } from './bench-scale/browser'
import { measureIndexBuild } from './bench-scale/index-build'
import { measureAddEntry, measureScroll, measureSearch } from './bench-scale/interactions'
import type { Bench } from './bench-scale/measure'
import { parseOptions, type Group, type Options } from './bench-scale/options'
import { planJournal } from './bench-scale/plan'
import { humanReport, machineReport, writeJson } from './bench-scale/report'
import { seedJournal, type Seeded } from './bench-scale/seed'
import { build, exitOnSignals, root, serve, type Server } from './preview'
import { createCorpus } from './bench-scale/text'
import { measureColdStart, measureFilters, measureViews, type Subjects } from './bench-scale/views'

/**
 * A kept profile still has the last build's service worker, which would go on serving the last
 * build: remove it and its caches (the journal in IndexedDB stays), then let this build's worker
 * install and take the page, as on a first visit. Through the browser's own storage controls, not
 * the page's unregister(): a worker unregistered from a page lives on while that page is open, and
 * the app's register() brings it back with its caches gone, so that every file came from the
 * network. The new worker's precache is checked.
 */
async function freshServiceWorker(browser: Browser, origin: string): Promise<void> {
  const page = browser.page
  const cdp = await browser.context.newCDPSession(page)
  await page.goto('about:blank')
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' })
  await cdp.detach()
  await page.goto('/')
  // Active once it has precached this build; a page loaded before that is not yet under it.
  await page.evaluate('navigator.serviceWorker.ready.then(() => true)')
  await page.reload()
  if (!await page.evaluate('navigator.serviceWorker.controller !== null')) throw new Error('This build\'s service worker did not take the page.')
  const precached = await page.evaluate(`(async () => {
    const name = (await caches.keys()).find(key => key.startsWith('workbox-precache'))
    return name ? (await (await caches.open(name)).keys()).length : 0
  })()`)
  if (!precached) throw new Error('This build\'s service worker took the page without precaching the app: the start would be measured from the network.')
  await page.waitForLoadState('networkidle').catch(() => {})
}

/**
 * A kept profile may hold a journal that the last run restored (its last step), whose search index
 * the app rebuilds in the background: let that finish in an open page first, or the figures share
 * the machine with it (and search falls back to reading records in time order meanwhile).
 */
async function finishSearchIndex(browser: Browser, log: (line: string) => void): Promise<void> {
  const page = browser.page
  const started = Date.now()
  for (let check = 0; ; check++) {
    const built = await page.evaluate(`(async () => {
      if (!window.__selahReads) await window.__selahLoadReads?.()
      return window.__selahReads ? window.__selahReads.searchIndexBuilt() : true
    })()`)
    if (built) return
    if (check === 0) log('Waiting for the app to finish the search index the last run\'s restore left to rebuild…')
    if (Date.now() - started > 300_000) throw new Error('The kept journal\'s search index was still being built after 5 minutes.')
    await page.waitForTimeout(2000)
  }
}

/** Where a kept profile's journal is served: IndexedDB belongs to an origin, port included. */
const KEPT_PROFILE_PORT = 4191

async function main(options: Options) {
  // With --json - the JSON alone goes to stdout, so it can be piped; people read stderr.
  const log = options.json === '-' ? (line: string) => console.error(line) : (line: string) => console.log(line)
  const dist = options.dist ?? `${root}node_modules/.cache/bench-scale/dist`
  if (options.build) {
    log(`Building the app into ${dist}…`)
    await build(dist, { VITE_SELAH_BENCH: '1' })
  }
  else if (!existsSync(`${dist}/index.html`)) throw new Error(`--no-build: there is no build in ${dist}. Run once without --no-build.`)

  let server: Server | null = null
  let browser: Browser | null = null
  try {
    exitOnSignals()
    // A kept profile's journal lives at one origin: serve it on the same port every time.
    server = await serve(dist, options.profile ? KEPT_PROFILE_PORT : 0)
    if (options.profile && !server.origin.endsWith(`:${KEPT_PROFILE_PORT}`)) throw new Error(`--profile needs port ${KEPT_PROFILE_PORT}, where its journal was seeded; it is taken.`)
    if (options.profile) mkdirSync(options.profile, { recursive: true })
    browser = await launch(server.origin, options.profile)
    const bench: Bench = { browser, options, metrics: [], log }
    const plan = planJournal(options)
    const journal = JSON.stringify({ entries: plan.entries, briefings: plan.briefings.length, prayed: plan.prayed, answers: plan.answers, years: plan.years, seed: plan.seed, requests: plan.requests })
    const marker = options.profile ? join(options.profile, 'selah-bench-seeded.json') : null
    const kept = marker && existsSync(marker) ? JSON.parse(readFileSync(marker, 'utf8')) as { journal: string, seeded: Seeded } : null
    if (kept && kept.journal !== journal) throw new Error(`The profile in ${options.profile} holds another journal (${kept.journal}); use another folder.`)
    let seeded: Seeded
    if (kept) {
      seeded = kept.seeded
      log(`Reusing the journal seeded in ${options.profile}. Measuring (${options.runs} runs each)…`)
      await freshServiceWorker(browser, server.origin)
      await finishSearchIndex(browser, log)
    }
    else {
      const n = (count: number) => count.toLocaleString('en')
      const own = plan.requests
      log(`Seeding ${n(plan.entries)} entries, ${n(plan.briefings.length)} briefings, ${n(plan.prayed)} prayed taps and ${n(plan.answers)} answered notes over ${plan.years} years, `
        + `with ${n(own.active)} active and ${n(own.archived)} archived requests of the person's own in ${n(own.lists)} lists (${n(own.entries)} of the entries, `
        + `${n(own.prayed)} of the prayed taps and ${n(own.answers)} of the answers are about them)…`)
      seeded = await seedJournal(bench, plan)
      log(`Seeded in ${(seeded.ms / 1000).toFixed(1)} s. Measuring (${options.runs} runs each)…`)
      await measureIndexBuild(bench, plan.entries + plan.prayed + plan.answers)
      if (marker) writeFileSync(marker, JSON.stringify({ journal, seeded }))
    }

    const year = new Date(plan.startMs + plan.spanMs).getFullYear() - Math.ceil(plan.years / 3)
    const subjects: Subjects = {
      ...seeded.newest,
      newestBriefingId: plan.briefings.at(-1)!.id,
      year,
      years: plan.years,
      planted: createCorpus(plan.seed).PLANTED,
      startedAt: new Date(plan.startMs).toISOString(),
    }
    const groups: [Group, () => Promise<void>][] = [
      ['cold', () => measureColdStart(bench)],
      ['views', () => measureViews(bench, subjects)],
      ['filters', () => measureFilters(bench, subjects)],
      ['search', () => measureSearch(bench, subjects)],
      ['scroll', () => measureScroll(bench, subjects)],
      ['add', () => measureAddEntry(bench, subjects)],
      // Last: a restore replaces the journal.
      ['backup', () => measureBackup(bench)],
    ]
    for (const [group, measure] of groups) if (options.only.includes(group)) await measure()

    log(`\n${humanReport(bench.metrics)}`)
    const summary = machineReport(bench.metrics, {
      options,
      chromium: browser.context.browser()?.version() ?? 'unknown',
      seeded: { entries: plan.entries, briefings: plan.briefings.length, prayed: plan.prayed, answers: plan.answers, requests: plan.requests, ms: seeded.ms },
    })
    writeJson(summary, options.json)
    if (options.json !== '-') log(`\nJSON summary: ${options.json}`)
  }
  finally {
    await browser?.close()
    server?.stop()
  }
}

let options: Options
try {
  options = parseOptions(process.argv.slice(2))
}
catch (error) {
  console.error((error as Error).message)
  process.exit(2)
}
main(options).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
