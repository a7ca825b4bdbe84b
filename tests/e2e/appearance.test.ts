import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, pointer, ukraine, within, writeEntryAndAnswer, type App } from './support'

/** --bg of each theme (src/styles/main.css), as getComputedStyle reports it. */
const background = { light: 'rgb(250, 248, 243)', dark: 'rgb(22, 19, 31)' }

interface Look { theme: string | null, textSize: string | null, background: string, colorScheme: string, rootFontSize: string }

declare global {
  interface Window {
    /** How the page looked the moment the saved first screen was drawn, before the app's code ran. */
    __firstLook?: Look
  }
}

/** The page's look now: <html>'s attributes, the body's background, the colour scheme and the root font size. */
function lookOf(): Look {
  const html = document.documentElement
  return {
    theme: html.getAttribute('data-theme'),
    textSize: html.getAttribute('data-text-size'),
    background: getComputedStyle(document.body).backgroundColor,
    colorScheme: getComputedStyle(html).colorScheme,
    rootFontSize: getComputedStyle(html).fontSize,
  }
}

/** Init script: notes the look as soon as the saved first screen is in the page. */
function watchFirstScreen(look: typeof lookOf) {
  const observer = new MutationObserver(() => {
    if (!document.getElementById('first-screen') || !document.body) return
    observer.disconnect()
    window.__firstLook = look()
  })
  observer.observe(document, { childList: true, subtree: true })
}

const settingsLink = (page: Page) => page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' })

/** Opens Settings through the main navigation and chooses a theme and a text size, as a person would. */
async function choose(page: Page, theme: string, textSize: string) {
  await settingsLink(page).click()
  await heading(page, 'Settings')
  const appearance = page.getByRole('region', { name: 'Appearance' })
  await appearance.getByRole('group', { name: 'Theme' }).getByRole('radio', { name: theme, exact: true }).check()
  await appearance.getByRole('group', { name: 'Text size' }).getByRole('radio', { name: textSize, exact: true }).check()
}

/** Violations as short lines, so a failure says what and where without a wall of JSON. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations.flatMap(violation => violation.nodes.map(node =>
    `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`))
}

describe('appearance', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('keeps Dark and Larger from Settings across an offline start, from the saved first screen on', async () => {
    const { context, page } = app
    await openControlled(page, '/')
    await page.locator('#app [data-today-item]').first().waitFor()
    await choose(page, 'Dark', 'Larger')
    // At once, on a device set to light.
    expect(await page.evaluate(lookOf)).toEqual({ theme: 'dark', textSize: 'larger', background: background.dark, colorScheme: 'dark', rootFontSize: '20.8px' })

    // Today again, so it is kept as the next start's first screen.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click()
    await page.locator('#app [data-today-item]').first().waitFor()
    await page.waitForFunction(() => localStorage.getItem('selah:first-screen') !== null)

    // Opened again offline, as from the home screen.
    await context.setOffline(true)
    // Both functions go in as source: an argument to addInitScript travels as JSON, which holds no function.
    await context.addInitScript({ content: `(${watchFirstScreen.toString()})(${lookOf.toString()})` })
    const fresh = await context.newPage()
    const response = await fresh.goto('/')
    expect(response?.fromServiceWorker()).toBe(true)
    await within(10_000, 'the live Today', fresh.waitForFunction(() => performance.getEntriesByName('selah:live-screen').length > 0))
    const first = await fresh.evaluate(() => window.__firstLook)
    expect(first, 'the saved first screen was drawn').toBeDefined()
    expect(first).toEqual({ theme: 'dark', textSize: 'larger', background: background.dark, colorScheme: 'dark', rootFontSize: '20.8px' })
    expect(await fresh.evaluate(lookOf)).toEqual(first)
    // The browser's own bar is dark too, though the device is light.
    expect(await fresh.locator('meta[name="theme-color"][media="all"]').getAttribute('content')).toBe('#1d1830')

    // And Settings shows what is in force.
    await settingsLink(fresh).click()
    await heading(fresh, 'Settings')
    expect(await fresh.getByRole('radio', { name: 'Dark', exact: true }).isChecked()).toBe(true)
    expect(await fresh.getByRole('radio', { name: 'Larger', exact: true }).isChecked()).toBe(true)
    await fresh.close()
  })

  it('lets a chosen theme win over the device\'s, and gives the choice back to the device', async () => {
    const { page } = app
    await page.emulateMedia({ colorScheme: 'dark' })
    await openControlled(page, '/')
    expect(await page.evaluate(lookOf)).toMatchObject({ theme: null, textSize: 'standard', background: background.dark, rootFontSize: '16px' })
    await choose(page, 'Light', 'Large')
    expect(await page.evaluate(lookOf)).toEqual({ theme: 'light', textSize: 'large', background: background.light, colorScheme: 'light', rootFontSize: '18.4px' })
    await page.getByRole('radio', { name: 'Same as this device' }).check()
    expect(await page.evaluate(lookOf)).toMatchObject({ theme: null, background: background.dark, colorScheme: 'light dark' })
    await page.emulateMedia({ colorScheme: 'light' })
    expect(await page.evaluate(lookOf)).toMatchObject({ background: background.light })
  })

  it('keeps all five tabs of the phone tab bar on screen at the largest text size', async () => {
    const { page } = app
    await openControlled(page, '/')
    await choose(page, 'Dark', 'Larger')
    for (const width of [320, 360, 414]) {
      await page.setViewportSize({ width, height: 740 })
      const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link')
      await links.last().waitFor()
      const boxes = await links.evaluateAll(elements => elements.map((element) => {
        const box = element.getBoundingClientRect()
        return { text: element.textContent, left: box.left, right: box.right, overflows: element.scrollWidth > element.clientWidth }
      }))
      expect(boxes, `at ${width} px`).toHaveLength(5)
      expect(boxes.filter(box => box.left < 0 || box.right > width + 0.5 || box.overflows), `at ${width} px`).toEqual([])
    }
  })

  it('has no axe violations on Today, Settings and a briefing, dark at the largest text size', async () => {
    const { page } = app
    await openControlled(page, '/')
    await choose(page, 'Dark', 'Larger')
    await page.goto(`/briefings/${ukraine.id}`)
    await heading(page, ukraine.title)
    // An entry and an answer, so the briefing shows its badges and notes too.
    await writeEntryAndAnswer(page, 1, { entry: 'Peace for the cities.', answer: 'A ceasefire held for a week.' })

    const views: { path: string, title: string | RegExp, content: (page: Page) => Locator[] }[] = [
      { path: '/', title: 'Today', content: page => [page.locator('#app [data-today-item]').first()] },
      { path: '/settings', title: 'Settings', content: page => [page.getByText('No backup made on this device yet')] },
      { path: `/briefings/${ukraine.id}`, title: ukraine.title, content: page => [pointer(page, 1).getByText('A ceasefire held for a week.')] },
    ]
    const found: string[] = []
    for (const view of views) {
      await page.goto(view.path)
      await heading(page, view.title)
      for (const shown of view.content(page)) await shown.waitFor()
      expect(await page.evaluate(lookOf)).toMatchObject({ theme: 'dark', textSize: 'larger', background: background.dark })
      found.push(...(await violations(page)).map(line => `${view.path}: ${line}`))
    }
    expect(found).toEqual([])
  }, 120_000)
})
