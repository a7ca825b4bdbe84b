import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { heading, launchApp, openControlled, openUkraine, pointer, ukraine, within, type App } from './support'

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
  let restore = () => {}
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => {
    restore()
    await app.close()
  })

  it('offers a new version, and never reloads over unsaved words without asking', async () => {
    const { page } = app
    const words = 'Half a prayer, not saved yet'
    await openControlled(page)
    await openUkraine(page)
    const journal = pointer(page, 1).getByRole('textbox', { name: /Journal/ })
    await journal.fill(words)

    restore = publishNextVersion()
    await within(20_000, 'the service worker update check', page.evaluate(async () => { await (await navigator.serviceWorker.ready).update() }))
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Selah is ready.' })
    await prompt.getByText('Save what you are writing first; updating reloads the page.').waitFor()

    await prompt.getByRole('button', { name: 'Update now' }).click()
    await prompt.getByRole('button', { name: 'Keep writing' }).click()
    expect(await journal.inputValue()).toBe(words)
    expect(await page.locator('meta[name="selah-build"]').count()).toBe(0)

    await pointer(page, 1).getByRole('button', { name: /Save/ }).click()
    await pointer(page, 1).getByText(words).waitFor()
    await prompt.getByRole('button', { name: 'Update now' }).click()
    await page.locator('meta[name="selah-build"]').waitFor({ state: 'attached' })
    await heading(page, ukraine.title)
    await pointer(page, 1).getByText(words).waitFor()
  })

  it('reloads into the new version at once when the person chooses to lose unsaved words', async () => {
    const { page } = app
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.type())
      void dialog.dismiss()
    })
    await openControlled(page)
    await openUkraine(page)
    await pointer(page, 1).getByRole('textbox', { name: /Journal/ }).fill('Words the person lets go')

    restore = publishNextVersion()
    await within(20_000, 'the service worker update check', page.evaluate(async () => { await (await navigator.serviceWorker.ready).update() }))
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Selah is ready.' })
    await prompt.getByRole('button', { name: 'Update now' }).click()
    await prompt.getByRole('button', { name: 'Update and lose unsaved text' }).click()
    // The choice was made in the prompt: the tab's own "leave this page?" guard must not ask again.
    await page.locator('meta[name="selah-build"]').waitFor({ state: 'attached' })
    expect(dialogs).toEqual([])
  })
})
