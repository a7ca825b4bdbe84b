import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
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

describe('updating the app', () => {
  let app: App
  let dialogs: string[]
  let restore = () => {}
  beforeEach(async () => {
    app = await launchApp()
    dialogs = collectDialogs(app.page)
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
    const { page } = app
    const words = 'A pasted briefing, not saved yet'
    await openControlled(page)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a briefing' }).click()
    await heading(page, 'Add a briefing')
    const text = page.getByRole('textbox', { name: 'Briefing text' })
    await text.fill(words)

    const prompt = await offerNextVersion(page)
    await prompt.getByText('Save what you are writing first; updating reloads the page.').waitFor()
    await prompt.getByRole('button', { name: 'Update now' }).click()
    await prompt.getByRole('button', { name: 'Keep writing' }).click()
    expect(await text.inputValue()).toBe(words)
    expect(await page.locator('meta[name="selah-build"]').count()).toBe(0)

    await prompt.getByRole('button', { name: 'Update now' }).click()
    await prompt.getByRole('button', { name: 'Update and lose unsaved text' }).click()
    // The choice was made in the prompt: the tab's own "leave this page?" guard must not ask again.
    await page.locator('meta[name="selah-build"]').waitFor({ state: 'attached' })
    await heading(page, 'Add a briefing')
    expect(dialogs).toEqual([])
  })
})
