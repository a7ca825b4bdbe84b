import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openUkraine, pointer, type App } from './support'

/** The shipped briefing's first pointer, as its thread's heading reads. */
const firstPointer = /^Pray: for leaders to prioritize genuine peace/

/**
 * Moves the entry with `text` back `years` years to noon on today's date (28 February for a
 * 29th), straight in the app's IndexedDB: the way a record from an earlier year comes to exist.
 */
function moveEntryBack(page: Page, text: string, years: number): Promise<string> {
  return page.evaluate(({ text, years }) => new Promise<string>((resolve, reject) => {
    const now = new Date()
    const day = now.getMonth() === 1 && now.getDate() === 29 ? 28 : now.getDate()
    const at = new Date(now.getFullYear() - years, now.getMonth(), day, 12).toISOString()
    const open = indexedDB.open('selah')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const database = open.result
      const transaction = database.transaction('entries', 'readwrite')
      const cursorRequest = transaction.objectStore('entries').openCursor()
      let moved = 0
      cursorRequest.onsuccess = () => {
        const cursor = cursorRequest.result
        if (!cursor) return
        if (cursor.value.text === text) {
          cursor.update({ ...cursor.value, createdAt: at, editedAt: at })
          moved++
        }
        cursor.continue()
      }
      transaction.oncomplete = () => {
        database.close()
        if (moved === 1) resolve(at)
        else reject(new Error(`Expected one entry reading "${text}", found ${moved}`))
      }
      transaction.onerror = () => reject(transaction.error)
    }
  }), { text, years })
}

/** Axe's violations on the page as it is, in light and in dark (a11y.test.ts scans the empty view). */
async function violations(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const { violations } = await new AxeBuilder({ page }).analyze()
    found.push(...violations.flatMap(violation => violation.nodes.map(node => `${colorScheme}: ${violation.id}: ${node.target.join(' ')}`)))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

/** The kinds of the thread's items, in the order on screen. */
const threadKinds = (page: Page) => page.locator('[data-thread-item]').evaluateAll(items => items.map(item => item.getAttribute('data-kind')))

async function writeEntry(page: Page, n: number, text: string) {
  const card = pointer(page, n)
  await card.getByRole('textbox', { name: /Journal/ }).fill(text)
  await card.getByRole('button', { name: /Save/ }).click()
  await card.getByRole('listitem').getByText(text).waitFor()
}

describe('looking back', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('gathers a pointer’s entry and prayer into its thread, and brings back last year’s words on this day', async () => {
    const { page } = app
    const today = 'Peace for Kyiv tonight.'
    const lastYear = 'Written a year ago today: for the displaced.'
    await page.goto('/')
    await openUkraine(page)
    await writeEntry(page, 1, today)
    await pointer(page, 1).getByRole('button', { name: 'I prayed for this' }).click()
    await pointer(page, 1).getByText(/Prayed 1 time, last /).waitFor()

    await pointer(page, 1).getByRole('link', { name: 'See the whole thread' }).click()
    await heading(page, firstPointer)
    await expect.poll(() => threadKinds(page)).toEqual(['written', 'prayed'])
    await expect(page.locator('[data-thread-item]').first().textContent()).resolves.toContain(today)
    await expect(page.locator('[data-thread-item] time').count()).resolves.toBe(2)

    // A second entry, moved to this date last year.
    await page.goBack()
    await heading(page, /^Ukraine/)
    await writeEntry(page, 1, lastYear)
    await moveEntryBack(page, lastYear, 1)

    await page.goto('/')
    const card = page.getByRole('link', { name: 'On this day: 1 thing from earlier years' })
    await card.click()
    await heading(page, 'On this day')
    const item = page.locator('li[data-on-this-day-item]')
    await expect.poll(() => item.count()).toBe(1)
    await item.getByText(lastYear).waitFor()
    await page.getByRole('heading', { level: 2, name: new RegExp(`^${new Date().getFullYear() - 1}`) }).waitFor()
    expect(await violations(page)).toEqual([])

    await item.getByRole('link', { name: firstPointer }).click()
    await heading(page, firstPointer)
    await expect.poll(() => threadKinds(page)).toEqual(['written', 'written', 'prayed'])
    await expect(page.locator('[data-thread-item]').first().textContent()).resolves.toContain(lastYear)
  })
})
