import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, openUkraine, ukraine, type App } from './support'

const entry = 'Thankful that talks go on at all.'
const draft = 'For the families at the border, still being written'

/** The step on screen: the article named by its h2. */
const step = (page: Page) => page.getByRole('main').getByRole('article')
const stepHeading = (page: Page, name: string | RegExp) => page.getByRole('heading', { level: 2, name }).waitFor()
const progress = (page: Page, text: string) => page.getByText(text, { exact: true }).waitFor()

/** A finger swiping right to left across `on`: the pointer events a phone sends. */
async function swipeLeft(on: Locator) {
  const box = (await on.boundingBox())!
  const y = box.y + box.height / 2
  const touch = { pointerId: 7, isPrimary: true, pointerType: 'touch', bubbles: true }
  await on.dispatchEvent('pointerdown', { ...touch, clientX: box.x + box.width - 10, clientY: y })
  await on.dispatchEvent('pointerup', { ...touch, clientX: box.x + box.width - 160, clientY: y + 12 })
}

/** Axe's findings in both colour schemes, as short lines. */
async function axeBothSchemes(page: Page): Promise<string[]> {
  const found: string[] = []
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme })
    const { violations } = await new AxeBuilder({ page }).analyze()
    found.push(...violations.flatMap(v => v.nodes.map(node => `${colorScheme} ${v.id}: ${node.target.join(' ')}`)))
  }
  await page.emulateMedia({ colorScheme: 'light' })
  return found
}

describe('pray-through mode offline', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('walks Today and a briefing one item at a time, by keys and swipe, keeping prayers, entries, drafts and its place', async () => {
    const { context, page } = app
    await openControlled(page)
    await context.setOffline(true)

    // From Today: its three pointers, frozen as they were when the walk opened.
    await page.getByRole('link', { name: 'Pray through these, one at a time' }).click()
    await page.waitForURL(/\/pray\/today$/)
    await stepHeading(page, 'Pointer 1: Pray')
    await progress(page, 'Item 1 of 3')
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0)
    await step(page).getByRole('button', { name: 'I prayed for this' }).click()
    await step(page).getByText(/^Prayed 1 time, last /).waitFor()
    await step(page).getByText('Recorded that you prayed.').waitFor()
    await progress(page, 'Item 1 of 3')

    await page.keyboard.press('ArrowRight')
    await stepHeading(page, 'Pointer 2: Pray')
    await progress(page, 'Item 2 of 3')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pointer 2: Pray')
    await swipeLeft(step(page).getByText(/ask God to protect the innocent/))
    await stepHeading(page, 'Pointer 3: Pray')
    await page.waitForURL(/\?at=.+-p3$/)

    const box = step(page).getByRole('textbox', { name: 'Journal entry for pointer 3' })
    await box.fill(entry)
    await step(page).getByRole('button', { name: 'Save entry' }).click()
    await step(page).getByText(entry).waitFor()
    await box.fill(draft)
    // Arrows belong to the box while it has focus.
    await page.keyboard.press('ArrowLeft')
    await step(page).getByText('Draft saved on this device').waitFor()
    await progress(page, 'Item 3 of 3')

    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await stepHeading(page, 'Pointer 3: Pray')
    await step(page).getByText(/^Restored your unsaved draft from /).waitFor()
    expect(await box.inputValue()).toBe(draft)
    await page.getByRole('link', { name: /^Close/ }).click()
    await heading(page, 'Today')
    await page.getByRole('region', { name: 'Prayed today' }).getByText(/for leaders to prioritize genuine peace/).waitFor()

    // From the briefing: each pointer, then its closing prayer; checked by axe on the way.
    await openUkraine(page)
    await page.getByRole('link', { name: 'Pray through, one pointer at a time' }).click()
    await heading(page, ukraine.title)
    await stepHeading(page, 'Pointer 1: Pray')
    await progress(page, 'Pointer 1 of 3')
    await step(page).getByText(/^Prayed 1 time, last /).waitFor()
    expect(await axeBothSchemes(page)).toEqual([])

    for (const n of [2, 3]) {
      await page.getByRole('button', { name: `Next: Pointer ${n}: Pray` }).click()
      await progress(page, `Pointer ${n} of 3`)
    }
    await page.getByRole('button', { name: 'Next: closing prayer' }).click()
    await stepHeading(page, 'Prayer for God’s Shield over Ukraine')
    await page.getByText('You have prayed through this briefing.').waitFor()
    await page.getByRole('link', { name: 'Back to the briefing', exact: true }).click()
    await heading(page, ukraine.title)
  }, 60_000)
})
