import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest'
import { writeDailyBriefings } from '../../src/cli/feed-fixture'
import { loadFeed } from '../../src/feed/node/files'
import { serve, type Server } from '../../src/cli/preview'
import { heading, launchApp, openControlled, storedKeys, type App } from './support'

/**
 * A ministry eight years in: 3,000 daily briefings, built into the feed as the build does it and
 * served with the tests' own production build by `vite preview` (its caching headers and 304s).
 */
const COUNT = 3000
const END = '2026-11-30'
let server: Server
let root: string
let newestTitle: string
let oldest: { title: string, id: string }

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'selah-archive-'))
  const briefings = join(root, 'briefings')
  const dist = join(root, 'dist')
  await writeDailyBriefings(briefings, COUNT, { endDate: END })
  const files = await loadFeed(briefings, root, { siteUrl: 'http://127.0.0.1/' })
  await cp(inject('dist'), dist, { recursive: true })
  await rm(join(dist, 'feed'), { recursive: true, force: true })
  for (const [path, text] of files) {
    await mkdir(dirname(join(dist, path)), { recursive: true })
    await writeFile(join(dist, path), text)
  }
  const feed = JSON.parse(files.get('feed/feed.json')!) as { items: { title: string }[], _selah: { archives: { path: string }[] } }
  newestTitle = feed.items[0]!.title
  const oldestPage = JSON.parse(files.get(feed._selah.archives.at(-1)!.path)!) as { briefings: { title: string, id: string }[] }
  oldest = oldestPage.briefings.at(-1)!
  server = await serve(dist)
}, 120_000)
afterAll(async () => {
  server?.stop()
  await rm(root, { recursive: true, force: true })
})

const items = (page: Page) => page.locator('[data-briefing-item]')

/** The briefing opens with no signal: it is on this device. */
async function opensOffline({ page, context }: App, briefing: { id: string, title: string }) {
  await openControlled(page, `/briefings/${briefing.id}`)
  await context.setOffline(true)
  await page.reload()
  await heading(page, briefing.title)
}

describe('a ministry\'s archive of eight years', () => {
  let app: App
  beforeEach(async () => { app = await launchApp({ origin: server.origin }) })
  afterEach(async () => { await app.close() })

  it('shows the newest briefing from a few small requests, keeps the last month offline, and says which older ones are not here', async () => {
    const { page, context } = app
    const feedRequests: string[] = []
    let bytes = 0
    page.on('response', async (response) => {
      if (!new URL(response.url()).pathname.startsWith('/feed/')) return
      feedRequests.push(response.url())
      bytes += (await response.body().catch(() => Buffer.alloc(0))).length
    })
    await page.goto('/briefings')
    await items(page).first().getByText(newestTitle).waitFor()
    // The newest briefing comes in feed.json; the first visit reads no archive page.
    expect(feedRequests.map(url => new URL(url).pathname)).toEqual(['/feed/feed.json'])
    expect(bytes).toBeLessThan(300_000)

    // Offline afterwards: the month kept is readable, and the list says what is not on this device.
    await openControlled(page, '/briefings')
    await page.getByText('1 new briefing arrived.').or(page.getByText(/new briefings arrived/)).or(items(page).first()).first().waitFor()
    await context.setOffline(true)
    await page.reload()
    await items(page).first().getByText(newestTitle).waitFor()
    expect(await items(page).count()).toBeLessThanOrEqual(31)
    await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
    await page.getByText(/^Briefings from 2018 to 2026 are in the ministry’s archive and not on this device\. Connect to the internet to list them\.$/).waitFor()
    await items(page).last().getByRole('link').click()
    await page.getByRole('heading', { name: 'Prayer pointers' }).waitFor()
  }, 120_000)

  it('lists older briefings from the archive as the reader scrolls, finds any title, and opens an archived one online', async () => {
    const { page } = app
    await page.goto('/briefings')
    await items(page).first().getByText(newestTitle).waitFor()
    // Scrolling past the month kept lists the year's other briefings, marked as not on this device.
    for (let i = 0; i < 20 && !(await page.getByText('Not on this device').first().isVisible()); i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.waitForTimeout(200)
    }
    await page.getByText('Not on this device').first().waitFor()

    // Every title of eight years can be found: the search reads the archive pages.
    await page.getByRole('searchbox', { name: /Find a briefing/ }).fill(oldest.title)
    const found = items(page).filter({ hasText: oldest.title }).first()
    await found.waitFor()
    expect(await found.innerText()).toContain('Not on this device')
    await found.getByRole('link').click()
    await heading(page, oldest.title)
    await page.getByRole('heading', { name: 'Prayer pointers' }).waitFor()

    // Opened once, it is kept: offline it opens again.
    await opensOffline(app, oldest)
  }, 120_000)

  it('keeps the whole archive on this device, saying its size first and showing progress', async () => {
    const { page } = app
    await page.goto('/settings')
    await page.getByRole('button', { name: 'Keep the whole archive on this device' }).click()
    const offer = page.getByText(/^The archive holds [\d,]+ briefings that are not on this device: [\d.]+ MB to download\.$/)
    await offer.waitFor({ timeout: 30_000 })
    const count = Number(/holds ([\d,]+)/.exec(await offer.innerText())![1]!.replace(/,/g, ''))
    expect(count).toBeGreaterThan(COUNT - 40)
    await page.getByRole('button', { name: /^Download [\d.]+ MB$/ }).click()
    await page.getByRole('progressbar', { name: 'Downloading the archive' }).waitFor()
    await page.getByText('The whole archive is kept on this device, and every new briefing with it.').waitFor({ timeout: 90_000 })
    expect(await storedKeys(page, 'briefings')).toHaveLength(COUNT)

    // Offline, the oldest briefing of all opens.
    await opensOffline(app, oldest)
  }, 150_000)

  it('keeps the briefings already here, and says so plainly, when the feed is cut short', async () => {
    const { page } = app
    await page.goto('/briefings')
    await items(page).first().getByText(newestTitle).waitFor()
    // The list shows them as soon as feed.json is read; wait until they are stored too.
    await expect.poll(async () => (await storedKeys(page, 'briefings')).length).toBeGreaterThan(30)
    await page.route('**/feed/feed.json', async (route) => {
      const response = await route.fetch()
      await route.fulfill({ response, body: (await response.text()).slice(0, 1000) })
    })
    await page.reload()
    await page.getByText('The briefing feed could not be read: it is not valid JSON, or it was cut short.').waitFor()
    await items(page).first().getByText(newestTitle).waitFor()
  }, 60_000)
})
