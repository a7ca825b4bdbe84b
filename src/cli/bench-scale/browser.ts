import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { pageScript, within } from './in-page'
import { watchFirstSeen, watchReads } from './page-timing'

/** Debian's Chromium with the flags tests/e2e/chromium.ts uses on these machines (node-only code cannot import tests/). */
const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
const flags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // performance.memory with real figures rather than rounded buckets.
  '--enable-precise-memory-info',
]

/** The selectors whose first appearance a page load records, for cold starts: Today's first item, or its empty card. */
export const COLD_SELECTORS = ['[data-today-item], [data-today-empty]']

export interface Browser {
  context: BrowserContext
  page: Page
  /** Throws the current page away (it may be stuck in a long task) and opens a new one at `path`. */
  freshPage: (path: string) => Promise<Page>
  heapMB: () => Promise<number>
  close: () => Promise<void>
}

/** A persistent profile, like an installed app's: a fresh one in a temp dir, gone afterwards, unless `kept` names one to keep. */
export async function launch(origin: string, kept: string | null = null): Promise<Browser> {
  if (!existsSync(chromiumPath)) throw new Error(`Chromium was not found at ${chromiumPath}. Install it (apt-get install chromium) or set CHROMIUM_PATH.`)
  const profile = kept ?? await mkdtemp(join(tmpdir(), 'selah-bench-scale-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: flags,
    baseURL: origin,
    viewport: { width: 1000, height: 800 },
    acceptDownloads: true,
  })
  await context.addInitScript({ content: pageScript(watchFirstSeen, COLD_SELECTORS) })
  await context.addInitScript({ content: pageScript(watchReads, null) })
  const browser: Browser = {
    context,
    page: context.pages()[0] ?? await context.newPage(),
    async freshPage(path) {
      const old = browser.page
      browser.page = await context.newPage()
      await within(10_000, 'a stuck page to close', old.close()).catch(() => {})
      await browser.page.goto(path, { timeout: 60_000 })
      // The router hears the next pushState only once the app has mounted.
      await browser.page.locator('h1').first().waitFor({ timeout: 30_000 }).catch(() => {})
      return browser.page
    },
    async heapMB() {
      const cdp = await context.newCDPSession(browser.page)
      try {
        await cdp.send('HeapProfiler.collectGarbage')
        const { usedSize } = await cdp.send('Runtime.getHeapUsage')
        return usedSize / 1024 / 1024
      }
      finally {
        await cdp.detach().catch(() => {})
      }
    },
    async close() {
      await within(15_000, 'Chromium to close', context.close()).catch(() => {})
      if (!kept) await rm(profile, { recursive: true, force: true })
    },
  }
  return browser
}
