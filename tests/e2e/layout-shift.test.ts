import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, type App } from './support'

interface Shift { value: number, at: number, sources: string[] }

declare global {
  interface Window {
    /** Every layout shift the page has had, as the browser's Layout Instability API reports them. */
    __shifts?: Shift[]
    /** When a notice first showed in the status area. */
    __noticeAt?: number
  }
}

/** Init script: records each layout shift not caused by input, with the elements that moved. */
function watchShifts(context: BrowserContext) {
  return context.addInitScript(() => {
    const shifts: Shift[] = []
    window.__shifts = shifts
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number, hadRecentInput: boolean, sources?: { node?: Node }[] })[]) {
        if (entry.hadRecentInput) continue
        const sources = (entry.sources ?? []).map(source => source.node instanceof Element ? `${source.node.localName}.${[...source.node.classList].join('.')}` : String(source.node?.nodeName))
        shifts.push({ value: entry.value, at: entry.startTime, sources })
      }
    }).observe({ type: 'layout-shift', buffered: true })
    const notices = new MutationObserver(() => {
      if (window.__noticeAt === undefined && document.querySelector('.status-area .status-box')) window.__noticeAt = performance.now()
    })
    notices.observe(document, { childList: true, subtree: true })
  })
}

const shifts = (page: Page) => page.evaluate(() => window.__shifts ?? [])
const total = (found: Shift[]) => found.reduce((sum, shift) => sum + shift.value, 0)

describe('nothing jumps', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('the notice that Selah works offline floats over the page and moves nothing', async () => {
    const { context, page } = app
    await watchShifts(context)
    await page.goto('/')
    await heading(page, 'Today')
    await page.getByText('Ready to work offline.').waitFor()
    await page.waitForTimeout(500)
    const found = await shifts(page)
    const noticeAt = await page.evaluate(() => window.__noticeAt!)
    expect(noticeAt).toBeGreaterThan(0)
    expect(found.filter(shift => shift.at >= noticeAt - 50), JSON.stringify(found)).toEqual([])

    // Closing it moves nothing either.
    const before = found.length
    await page.getByRole('button', { name: 'Close' }).click()
    await page.waitForTimeout(500)
    expect((await shifts(page)).slice(before)).toEqual([])
  })

  it('a start from the home screen, with the kept Today, has no layout shift at all', async () => {
    const { context, page } = app
    await openControlled(page)
    await page.locator('#app [data-today-item]').first().waitFor()
    await page.waitForFunction(() => localStorage.getItem('selah:first-screen') !== null)
    await watchShifts(context)
    for (const width of [390, 1280]) {
      await context.setOffline(true)
      const fresh = await context.newPage()
      await fresh.setViewportSize({ width, height: 800 })
      await fresh.goto('/')
      await fresh.waitForFunction(() => performance.getEntriesByName('selah:live-screen').length > 0)
      await fresh.waitForTimeout(1500)
      const found = await shifts(fresh)
      expect(total(found), `${width} px: ${JSON.stringify(found)}`).toBeLessThanOrEqual(0.02)
      await fresh.close()
      await context.setOffline(false)
    }
  })
})
