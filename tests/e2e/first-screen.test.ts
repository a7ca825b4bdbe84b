import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { launchApp, openControlled, ukraine, within, type App } from './support'

interface Box { top: number, left: number, width: number, height: number }

declare global {
  interface Window {
    /** Where the saved screen drew the heading and the first thing to pray for, the moment it appeared. */
    __saved?: { heading: Box, firstItem: Box, title: string, at: number }
  }
}

/** Init script: notes where the saved first screen's heading and first row are as soon as it is drawn. */
function watchSavedScreen() {
  const box = (element: Element | null) => {
    const { top, left, width, height } = element!.getBoundingClientRect()
    return { top, left, width, height }
  }
  const observer = new MutationObserver(() => {
    const screen = document.getElementById('first-screen')
    if (!screen) return
    observer.disconnect()
    const first = screen.querySelector('[data-today-item]')
    window.__saved = { heading: box(screen.querySelector('h1')), firstItem: box(first), title: first?.textContent ?? '', at: performance.now() }
  })
  observer.observe(document, { childList: true, subtree: true })
}

/** The shipped briefing's first pointer, the first thing Today offers. */
const firstPointer = 'for leaders to prioritize genuine peace'

/** Someone who has opened Selah before: Today has drawn once, and is kept. */
async function openedBefore({ page }: App) {
  await openControlled(page, '/')
  await page.locator('#app [data-today-item]').first().getByText(firstPointer).waitFor()
  await page.waitForFunction(() => localStorage.getItem('selah:first-screen') !== null)
}

describe('the saved first screen', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('opens the app on Today as it last looked, then the live Today takes its place without moving', async () => {
    const { context } = app
    await openedBefore(app)
    await context.addInitScript(watchSavedScreen)

    for (const width of [1000, 390]) {
      // Opened again as from the home screen: a new window, offline.
      await context.setOffline(true)
      const fresh = await context.newPage()
      await fresh.setViewportSize({ width, height: 800 })
      await fresh.goto('/')
      await within(10_000, 'the live Today', fresh.waitForFunction(() => performance.getEntriesByName('selah:live-screen').length > 0))
      const saved = await fresh.evaluate(() => window.__saved)
      expect(saved, `a saved screen at ${width} px`).toBeDefined()
      expect(saved!.title).toContain(firstPointer)

      // The live Today is the one in use, exactly where the saved one was.
      expect(await fresh.locator('#first-screen').count()).toBe(0)
      const live = fresh.locator('#app')
      const heading = await live.getByRole('heading', { level: 1, name: 'Today' }).boundingBox()
      const firstItem = await live.locator('[data-today-item]').first().boundingBox()
      for (const [name, before, after] of [['heading', saved!.heading, heading], ['first item', saved!.firstItem, firstItem]] as const) {
        expect(after, name).not.toBeNull()
        expect(Math.abs(after!.y - before.top), `${name} top at ${width} px`).toBeLessThan(1)
        expect(Math.abs(after!.x - before.left), `${name} left at ${width} px`).toBeLessThan(1)
        expect(Math.abs(after!.width - before.width), `${name} width at ${width} px`).toBeLessThan(1)
        expect(Math.abs(after!.height - before.height), `${name} height at ${width} px`).toBeLessThan(1)
      }
      await fresh.close()
      await context.setOffline(false)
    }
  })

  it('remembers a tap on the kept Today and opens that briefing once the app is there', async () => {
    const { context } = app
    await openedBefore(app)
    // A person who taps "In the briefing" the moment Today shows: before the app's code has run.
    await context.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const link = document.querySelector<HTMLAnchorElement>('#first-screen [data-today-item] a[href^="/briefings/"]')
        if (!link) return
        observer.disconnect()
        link.click()
      })
      observer.observe(document, { childList: true, subtree: true })
    })
    await context.setOffline(true)
    const fresh = await context.newPage()
    await fresh.goto('/')
    await fresh.getByRole('heading', { level: 1, name: ukraine.title }).waitFor()
    expect(new URL(fresh.url()).pathname).toBe(`/briefings/${ukraine.id}`)
    // It was the kept Today that took the tap: the live one was not there yet.
    expect(await fresh.evaluate(() => performance.getEntriesByName('selah:live-screen').length)).toBe(1)
  })
})
