import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { laptop, phone, screenshot, settled } from './screens'
import { heading, launchApp, openControlled, openUkraine, pointer, ukraine, writeEntryAndAnswer, type App } from './support'

/** What the test writes through the app before scanning, so every view has its records to show. */
const writing = {
  entry: 'Peace for the cities.',
  answer: 'A ceasefire held for a week.',
  draft: 'For the families waiting at the border, still being written',
  request: 'Healing for Aunt Miriam',
}

interface View {
  /** Names its screenshots: test-results/screens/<name>-<width>-<scheme>.png */
  name: string
  path: string
  title: string | RegExp
  /** What has to be on screen before it is scanned or photographed: its records, not only its heading. */
  content: (page: Page) => Locator[]
}

/** Each view, filled with the records written below. */
const views: View[] = [
  {
    name: 'today',
    path: '/',
    title: 'Today',
    content: page => [
      page.getByRole('region', { name: 'Prayed today' }).getByText(/for leaders to prioritize genuine peace/),
      page.getByRole('article', { name: /ask God to protect the innocent/ }),
      page.getByRole('article', { name: writing.request }),
    ],
  },
  {
    name: 'my-prayers',
    path: '/prayers',
    title: 'My prayers',
    content: page => [page.getByRole('article', { name: writing.request }).getByText('Psalm 46:1')],
  },
  {
    name: 'briefings',
    path: '/briefings',
    title: 'Briefings',
    content: (page) => {
      const item = page.getByRole('link', { name: new RegExp(`^${ukraine.title}`) })
      return ['1 journal entry', '1 answered', '1 prayer'].map(badge => item.getByText(badge, { exact: true }))
    },
  },
  {
    name: 'briefing',
    path: `/briefings/${ukraine.id}`,
    title: ukraine.title,
    content: page => [
      pointer(page, 1).getByRole('listitem').getByText(writing.entry),
      pointer(page, 1).getByText(writing.answer),
      pointer(page, 1).getByText(/Prayed 1 time, last /),
      pointer(page, 2).getByText(/^Restored your unsaved draft from /),
    ],
  },
  {
    name: 'pray-through-briefing',
    path: `/pray/${ukraine.id}`,
    title: ukraine.title,
    content: page => [
      page.getByText(/^Pointer 1 of \d+$/),
      pointer(page, 1).getByText(/Prayed 1 time, last /),
      pointer(page, 1).getByText(writing.entry),
    ],
  },
  {
    name: 'pray-through-today',
    path: '/pray/today',
    title: 'Today',
    content: page => [
      page.getByText(/^Item 1 of \d+$/),
      page.getByRole('article').getByRole('button', { name: 'I prayed for this' }),
    ],
  },
  {
    name: 'journal',
    path: '/journal',
    title: 'Journal',
    content: page => [
      page.getByRole('main').getByRole('listitem').getByText(writing.entry),
      page.getByRole('region', { name: 'Unfinished writing' }).getByText(writing.draft),
      page.getByText('Your journal is kept only on this device.'),
    ],
  },
  {
    name: 'journal-search',
    path: '/journal?q=cities',
    title: 'Journal',
    // The entry found, its word marked.
    content: page => [page.getByRole('main').getByRole('listitem').locator('mark', { hasText: 'cities' })],
  },
  {
    name: 'answered',
    path: '/answered',
    title: 'Answered prayers',
    content: page => [page.getByRole('main').getByRole('listitem').getByText(writing.answer)],
  },
  {
    name: 'add',
    path: '/add',
    title: 'Add a briefing',
    content: page => [page.getByRole('textbox', { name: 'Briefing text' })],
  },
  {
    name: 'settings',
    path: '/settings',
    title: 'Settings',
    content: page => [
      page.getByText('No backup made on this device yet'),
      page.getByText('Your journal is kept only on this device.'),
      page.getByText(/^Selah is using /),
      page.getByText(/Selah last asked the browser to keep its data on /),
    ],
  },
  {
    name: 'thread',
    path: `/pointers/${ukraine.id}-p1`,
    title: 'Pray: for leaders to prioritize genuine peace',
    content: page => [page.locator('[data-thread-item]').nth(2)],
  },
  {
    name: 'on-this-day',
    path: '/on-this-day',
    title: 'On this day',
    content: page => [page.getByText(/^Nothing from /)],
  },
  {
    name: 'calendar',
    path: '/calendar',
    title: 'Days prayed',
    content: page => [page.getByRole('link', { name: /, prayed and written$/ })],
  },
  {
    name: 'calendar-year',
    path: `/calendar?year=${new Date().getFullYear()}`,
    title: 'Days prayed',
    content: page => [page.locator('td .mark.prayed')],
  },
  {
    name: 'not-found',
    path: '/no-such-page',
    title: 'Page not found',
    content: page => [page.getByRole('link', { name: 'Go to briefings' })],
  },
]

const schemes = ['light', 'dark'] as const

/** Opens a view in light and waits for its heading and its records. */
async function show(page: Page, view: View) {
  await page.emulateMedia({ colorScheme: 'light' })
  await page.goto(view.path)
  await heading(page, view.title)
  for (const shown of view.content(page)) await drawn(page, shown)
}

/**
 * Waits for a record to be drawn. The journal's virtual list draws only the rows near the screen,
 * and on a phone at the largest text its first rows start below it: read down a screen at a time,
 * as a person would, until the record is there.
 */
async function drawn(page: Page, shown: Locator) {
  const deadline = Date.now() + 15_000
  for (;;) {
    try {
      return await shown.waitFor({ timeout: 1_000 })
    }
    catch (error) {
      if (Date.now() > deadline) throw error
    }
    await page.evaluate(() => window.scrollBy(0, window.innerHeight * 0.8))
  }
}

/**
 * Violations as short lines, so a failure says what and where without a wall of JSON: the rule, its
 * impact, the element, and what is wrong with it (every failed check that must pass, and the first
 * of the ones any of which would do). Legacy mode runs axe.run in the page itself: the default
 * opens a blank page for every scan, which cost more than half the time here, and Selah has no frames.
 */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] }).analyze()
  return violations.flatMap(violation => violation.nodes.map((node) => {
    const wrong = [...node.all, ...node.none, ...node.any.slice(0, 1)].map(check => check.message)
    return `${violation.id} (${violation.impact}) ${node.target.join(' ')}: ${wrong.join('; ')}`
  }))
}

describe('accessibility', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('has no axe violations on any view, in light and dark, at the standard and the largest text size; photographs each', async () => {
    const { page } = app
    await openControlled(page)
    await openUkraine(page)
    await writeEntryAndAnswer(page, 1, writing)
    await pointer(page, 1).getByRole('button', { name: 'I prayed for this' }).click()
    await pointer(page, 1).getByText(/Prayed 1 time, last /).waitFor()
    await pointer(page, 2).getByRole('textbox', { name: /Journal/ }).fill(writing.draft)
    await pointer(page, 2).getByText('Draft saved on this device').waitFor()
    await page.goto('/prayers')
    await page.getByRole('button', { name: 'New request' }).click()
    await page.getByRole('textbox', { name: 'Request' }).fill(writing.request)
    await page.getByRole('textbox', { name: /Scripture/ }).fill('Psalm 46:1')
    await page.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('article', { name: writing.request }).waitFor()

    const found: string[] = []
    async function scan(where: string) {
      await settled(page)
      found.push(...(await violations(page)).map(line => `${where}: ${line}`))
    }

    // Standard text: scanned on a laptop's width; the same filled view photographed there and on a
    // phone's, in both schemes (the colours follow prefers-color-scheme at once, no reload).
    for (const view of views) {
      await page.setViewportSize(laptop)
      await show(page, view)
      for (const colorScheme of schemes) {
        await page.emulateMedia({ colorScheme })
        await scan(`${colorScheme} ${view.path}`)
        await screenshot(page, view.name, colorScheme)
      }
      await page.setViewportSize(phone)
      for (const colorScheme of ['dark', 'light'] as const) {
        await page.emulateMedia({ colorScheme })
        await settled(page)
        await screenshot(page, view.name, colorScheme)
      }
    }

    // The largest text, chosen once in Settings as a person would; it holds on every view after.
    // Scanned on a phone's width, where it has least room (the tab bar is there too).
    await page.goto('/settings')
    await heading(page, 'Settings')
    await page.getByRole('region', { name: 'Appearance' }).getByRole('group', { name: 'Text size' }).getByRole('radio', { name: 'Larger', exact: true }).check()
    for (const view of views) {
      await show(page, view)
      expect(await page.evaluate(() => document.documentElement.dataset.textSize), view.path).toBe('larger')
      for (const colorScheme of schemes) {
        await page.emulateMedia({ colorScheme })
        await scan(`${colorScheme} larger ${view.path}`)
      }
    }
    expect(found).toEqual([])
  }, 240_000)

  it('fits every label of the phone tab bar, each under its icon, at 320 and 360 px, without cutting one off', async () => {
    const { page } = app
    await page.setViewportSize({ width: 360, height: 740 })
    await openControlled(page)
    const nav = page.getByRole('navigation', { name: 'Main' })
    const links = nav.getByRole('link')
    // allInnerTexts does not wait: the live bar shows once Today has drawn (the kept first screen's is hidden from the accessibility tree).
    await links.last().waitFor()
    expect(await links.allInnerTexts()).toEqual(['Today', 'Briefings', 'My prayers', 'Journal', 'Settings'])
    for (const width of [320, 360]) {
      await page.setViewportSize({ width, height: 740 })
      const boxes = await links.evaluateAll(elements => elements.map((element) => {
        const box = element.getBoundingClientRect()
        const label = element.querySelector('span')!.getBoundingClientRect()
        const icon = element.querySelector('svg')!.getBoundingClientRect()
        return { text: element.textContent, overflows: element.scrollWidth > element.clientWidth, right: box.right, bottom: box.bottom, oneLine: label.height < 24, iconAbove: icon.bottom <= label.top + 1 }
      }))
      expect(boxes.filter(box => box.overflows || box.right > width || !box.oneLine || !box.iconAbove), `${width} px`).toEqual([])
      // One row, at the bottom of the screen.
      expect(new Set(boxes.map(box => Math.round(box.bottom))).size).toBe(1)
    }
    await links.filter({ hasText: 'Settings' }).click()
    await heading(page, 'Settings')
  })
})
