import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { collectDialogs, heading, launchApp, openControlled, openUkraine, pointer, ukraine, within, type App } from './support'

const dist = inject('dist')
const marker = '<meta name="selah-build" content="next">'

/**
 * Publishes a "next version" in place: a changed index.html and a service worker whose precache
 * revision for it changed, which is all a browser needs to see an update. Returns the undo.
 */
function publishNextVersion(): () => void {
  const files = ['index.html', 'sw.js'].map(name => ({ path: join(dist, name), text: readFileSync(join(dist, name), 'utf8') }))
  const [html, sw] = files as [typeof files[0], typeof files[0]]
  const revision = /(\burl["']?\s*:\s*"index\.html"\s*,\s*["']?revision["']?\s*:\s*")([^"]+)"/
  if (!revision.test(sw.text)) throw new Error('dist/sw.js does not precache index.html with a revision')
  writeFileSync(html.path, html.text.replace('</head>', `${marker}</head>`))
  writeFileSync(sw.path, sw.text.replace(revision, '$1$2-next"'))
  return () => files.forEach(file => writeFileSync(file.path, file.text))
}

/**
 * Records, in every page of the context, each message a page sends a service worker: telling the
 * waiting version to take over (workbox's SKIP_WAITING) is what starts an update's reload.
 */
function watchMessagesToWorkers(context: BrowserContext) {
  return context.addInitScript(() => {
    const sent: unknown[] = []
    Object.assign(window, { messagesToWorkers: sent })
    const post = ServiceWorker.prototype.postMessage as (this: ServiceWorker, ...args: unknown[]) => void
    ServiceWorker.prototype.postMessage = function (this: ServiceWorker, ...args: unknown[]) {
      sent.push(args[0])
      post.apply(this, args)
    }
  })
}

/** What this page has told its service workers so far. */
function messagesToWorkers(page: Page): Promise<unknown[]> {
  return page.evaluate(() => (window as unknown as { messagesToWorkers: unknown[] }).messagesToWorkers)
}

/** The state of the version waiting to take over, or null when none is. */
function waitingVersion(page: Page): Promise<string | null> {
  return page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting?.state ?? null)
}

describe('updating the app', () => {
  let app: App
  let dialogs: string[]
  let restore = () => {}
  beforeEach(async () => {
    app = await launchApp()
    // Accepted, so a wrong "leave this page?" lets the update go on and fails the check of dialogs.
    dialogs = collectDialogs(app.page, { accept: true })
  })
  afterEach(async () => {
    restore()
    await app.close()
  })

  async function offerNextVersion(page: App['page']) {
    restore = publishNextVersion()
    await within(20_000, 'the service worker update check', page.evaluate(async () => { await (await navigator.serviceWorker.ready).update() }))
    return page.getByRole('status').filter({ hasText: 'A new version of Selah is ready.' })
  }

  it('keeps words being written as a draft through the update, and brings them back', async () => {
    const { page } = app
    const words = 'Half a prayer, not saved yet'
    await openControlled(page)
    await openUkraine(page)
    const journal = pointer(page, 1).getByRole('textbox', { name: /Journal/ })
    await journal.fill(words)

    const prompt = await offerNextVersion(page)
    await prompt.getByText('Your unfinished writing will be kept as a draft and be here after the update.').waitFor()
    // "Update now" stores the draft (if the typing pause has not already) before it reloads.
    await prompt.getByRole('button', { name: 'Update now' }).click()
    await page.locator('meta[name="selah-build"]').waitFor({ state: 'attached' })
    await heading(page, ukraine.title)
    await pointer(page, 1).getByText(/^Restored your unsaved draft from /).waitFor()
    expect(await journal.inputValue()).toBe(words)
    // The words were safe, so the tab's own "leave this page?" guard had nothing to ask.
    expect(dialogs).toEqual([])

    await pointer(page, 1).getByRole('button', { name: /Save/ }).click()
    await pointer(page, 1).getByRole('listitem').getByText(words).waitFor()
    expect(await journal.inputValue()).toBe('')
  })

  it('asks before updating over words it cannot keep as a draft, and reloads at once when told to', async () => {
    const { context, page } = app
    const words = 'A pasted briefing, not saved yet'
    await watchMessagesToWorkers(context)
    let loads = 0
    page.on('load', () => { loads++ })
    await openControlled(page, '/briefings')
    await page.getByRole('main').getByRole('link', { name: 'Add a briefing' }).click()
    await heading(page, 'Add a briefing')
    const text = page.getByRole('textbox', { name: 'Briefing text' })
    await text.fill(words)

    const prompt = await offerNextVersion(page)
    await prompt.getByText('Save what you are writing first; updating reloads the page.').waitFor()
    await prompt.getByRole('button', { name: 'Update now' }).click()
    await prompt.getByRole('button', { name: 'Keep writing' }).click()
    // The prompt as it was before "Update now" is the press's last step. An update starts by
    // telling the waiting version to take over, in the same task, so by now it would have been told.
    await prompt.getByRole('button', { name: 'Update now' }).waitFor()
    expect(await messagesToWorkers(page)).toEqual([])
    expect(await waitingVersion(page)).toBe('installed')
    expect(await text.inputValue()).toBe(words)
    expect(await page.locator('meta[name="selah-build"]').count()).toBe(0)
    const loadsBeforeUpdating = loads

    await prompt.getByRole('button', { name: 'Update now' }).click()
    await prompt.getByRole('button', { name: 'Update and lose unsaved text' }).click()
    // The choice was made in the prompt: the tab's own "leave this page?" guard must not ask again.
    await page.locator('meta[name="selah-build"]').waitFor({ state: 'attached' })
    await heading(page, 'Add a briefing')
    await page.waitForLoadState('load')
    expect(dialogs).toEqual([])
    // One reload, the one chosen: "Keep writing" started none of its own.
    expect(loads - loadsBeforeUpdating).toBe(1)
  })
})
