import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, openUkraine, pointer, storedSetting, ukraine, writeEntryAndAnswer, type App } from './support'

interface PersistenceWatch {
  /** Calls the page made to navigator.storage.persist(). */
  asks: number
  /** Reads of the stored answer (the 'persistence' setting) begun, and answered and acted on. */
  readsBegun: number
  readsDone: number
}

/**
 * Watches, in every page of the context, the browser being asked to keep Selah's data, and the
 * reads of the stored answer that decide whether to ask. A read counts as done one task after its
 * result: by then the promises it resolved have run, and with them any ask that followed.
 */
function watchPersistence(context: BrowserContext) {
  return context.addInitScript(() => {
    const watch = { asks: 0, readsBegun: 0, readsDone: 0 }
    Object.assign(window, { persistenceWatch: watch })
    const persist = StorageManager.prototype.persist
    StorageManager.prototype.persist = function (this: StorageManager) {
      watch.asks++
      return persist.call(this)
    }
    const get = IDBObjectStore.prototype.get
    IDBObjectStore.prototype.get = function (this: IDBObjectStore, query: IDBValidKey | IDBKeyRange) {
      const request = get.call(this, query)
      if (this.name === 'settings' && query === 'persistence') {
        watch.readsBegun++
        request.addEventListener('success', () => setTimeout(() => { watch.readsDone++ }))
      }
      return request
    }
  })
}

function persistenceWatch(page: Page): Promise<PersistenceWatch> {
  return page.evaluate(() => ({ ...(window as unknown as { persistenceWatch: PersistenceWatch }).persistenceWatch }))
}

describe('journal offline', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('keeps an entry and an answered note written offline across an offline reload', async () => {
    const { context, page } = app
    const entry = 'Written with no signal: peace for Kyiv tonight.'
    const answer = 'Answered offline: talks resumed this week.'
    await openControlled(page)
    await openUkraine(page)

    await context.setOffline(true)
    await writeEntryAndAnswer(page, 1, { entry, answer })

    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await heading(page, ukraine.title)
    await pointer(page, 1).getByText(entry).waitFor()
    await pointer(page, 1).getByText(answer).waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click()
    await heading(page, 'Journal')
    await page.getByRole('main').getByText(entry).waitFor()

    await page.getByRole('navigation', { name: 'Look back' }).getByRole('link', { name: 'Answered prayers' }).click()
    await heading(page, 'Answered prayers')
    await page.getByRole('main').getByText(answer).waitFor()
  })

  it('asks the browser to keep its data once, after the first saved entry, not when the page opens', async () => {
    const { context, page } = app
    await watchPersistence(context)
    await page.goto('/')
    await openUkraine(page)
    const card = pointer(page, 1)
    const journal = card.getByRole('textbox', { name: /Journal/ })
    await journal.fill('The first entry')

    // Whenever an ask on opening would have happened, its time is stored: it must come after this.
    const beforeFirstSave = await page.evaluate(() => Date.now())
    await card.getByRole('button', { name: 'Save entry' }).click()
    await card.getByRole('listitem').getByText('The first entry').waitFor()
    // Headless Chromium always answers false: what matters is that it was asked, and when.
    await expect.poll(() => storedSetting(page, 'persistence')).toMatchObject({ granted: expect.any(Boolean) })
    const asked = await storedSetting(page, 'persistence') as { askedAt: string }
    expect(Date.parse(asked.askedAt)).toBeGreaterThanOrEqual(beforeFirstSave)
    expect((await persistenceWatch(page)).asks).toBe(1)

    // A later entry reads the stored answer and leaves it there. Wait until that read, begun
    // after every read so far, has been answered and acted on, then count the asks.
    const { readsBegun } = await persistenceWatch(page)
    await journal.fill('A second entry')
    await card.getByRole('button', { name: 'Save entry' }).click()
    await card.getByRole('listitem').getByText('A second entry').waitFor()
    await page.waitForFunction(
      begun => (window as unknown as { persistenceWatch: PersistenceWatch }).persistenceWatch.readsDone > begun,
      readsBegun,
    )
    expect((await persistenceWatch(page)).asks).toBe(1)
    expect(await storedSetting(page, 'persistence')).toEqual(asked)
  })
})
