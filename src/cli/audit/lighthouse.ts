/** Lighthouse 12.8.2 through its Node API, in one Chromium per visit kind (chrome-launcher). */
import { launch, type LaunchedChrome } from 'chrome-launcher'
import lighthouse from 'lighthouse'
import type { Report } from './figures'

/** PWA-TESTING.md's flags: headless as root on these machines, with nothing that phones home. */
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo']

export interface Auditor {
  run: (url: string) => Promise<Report>
  close: () => Promise<void>
}

/**
 * `keepStorage` sets disableStorageReset: Lighthouse then leaves the origin's service worker,
 * caches and IndexedDB as the last run left them, instead of clearing them before each run.
 * Lighthouse's default mobile profile otherwise (Moto G Power, simulated slow 4G, 4x CPU).
 */
export async function openAuditor(keepStorage: boolean): Promise<Auditor> {
  const chrome: LaunchedChrome = await launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS, logLevel: 'silent' })
  process.once('exit', () => chrome.kill())
  return {
    async run(url) {
      const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES, disableStorageReset: keepStorage })
      if (!result) throw new Error(`Lighthouse returned no report for ${url}.`)
      if (result.lhr.runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${result.lhr.runtimeError.message}`)
      return result.lhr as unknown as Report
    },
    close: async () => chrome.kill(),
  }
}
