import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openUkraine, pointer, type App } from './support'

const OUTDATED = 'Selah was updated in another tab. Reload this page to keep going.'

describe('storage that cannot be used', () => {
  let app: App
  let pageErrors: string[]
  beforeEach(async () => {
    app = await launchApp()
    pageErrors = []
    app.page.on('pageerror', error => pageErrors.push(error.message))
  })
  afterEach(async () => { await app.close() })

  it('explains itself when the browser offers no IndexedDB at all, instead of a blank app', async () => {
    const { context, page } = app
    // As in a browser that withholds storage: the API is simply not there.
    await context.addInitScript(() => {
      Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true })
    })
    await page.goto('/')
    expect(await page.evaluate(() => window.indexedDB)).toBeUndefined()
    await heading(page, 'Selah cannot keep your journal in this browser')
    const main = page.getByRole('main')
    await main.getByText(/private or incognito/).first().waitFor()
    await main.getByRole('heading', { level: 2, name: 'What you can do' }).waitFor()
    expect(await main.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true)

    // Moving around keeps saying the same thing rather than showing views that cannot work.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click()
    await heading(page, 'Selah cannot keep your journal in this browser')
    expect(pageErrors).toEqual([])
  })

  it('shows a reload banner when another tab opens a newer database, and keeps working as far as it can', async () => {
    const { context, page } = app
    await page.goto('/')
    await openUkraine(page)
    await pointer(page, 1).getByRole('textbox', { name: /Journal/ }).fill('Words typed before the other tab updated.')

    // Another tab of the same origin opens "selah" at a version this code does not know.
    const other = await context.newPage()
    await other.goto('/feed/index.json')
    const version = await other.evaluate(() => new Promise<number>((resolve, reject) => {
      const open = indexedDB.open('selah', 100)
      open.onblocked = () => reject(new Error('blocked: the first tab kept its connection open'))
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        open.result.close()
        resolve(open.result.version)
      }
    }))
    expect(version).toBe(100)

    const banner = page.getByRole('alert').filter({ hasText: OUTDATED })
    await banner.waitFor()
    expect(await banner.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true)
    // The page is still there, with the words typed.
    await heading(page, /^Ukraine/)
    expect(await pointer(page, 1).getByRole('textbox', { name: /Journal/ }).inputValue()).toBe('Words typed before the other tab updated.')

    // Saving now says why it cannot, and keeps the words.
    await pointer(page, 1).getByRole('button', { name: 'Save entry' }).click()
    await pointer(page, 1).getByRole('alert').filter({ hasText: OUTDATED }).waitFor()
    expect(await pointer(page, 1).getByRole('textbox', { name: /Journal/ }).inputValue()).toBe('Words typed before the other tab updated.')
    // Other views still open under the banner (their reads wait: Dexie's liveQuery holds back
    // DatabaseClosedError, expecting a reopen that this tab deliberately never makes).
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click()
    await heading(page, 'Journal')
    await banner.waitFor()
    expect(pageErrors).toEqual([])

    // This build's code is older than the database now on the device: after a reload it says so.
    page.once('dialog', dialog => void dialog.accept())
    await banner.getByRole('button', { name: 'Reload' }).click()
    await heading(page, 'Selah needs to reload')
    await page.getByRole('main').getByText(/saved by a newer version of Selah/).waitFor()
    expect(pageErrors).toEqual([])
  })
})
