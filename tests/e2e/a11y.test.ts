import { AxeBuilder } from '@axe-core/playwright'
import type { Locator, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, openUkraine, pointer, ukraine, writeEntryAndAnswer, type App } from './support'

/** What the test writes through the app before scanning, so every view has its records to show. */
const writing = {
  entry: 'Peace for the cities.',
  answer: 'A ceasefire held for a week.',
  draft: 'For the families waiting at the border, still being written',
  request: 'Healing for Aunt Miriam',
}

/** Each view, and what has to be on screen before it is scanned: its records, not only its heading. */
const views: { path: string, title: string, content: (page: Page) => Locator[] }[] = [
  {
    path: '/',
    title: 'Today',
    content: page => [
      page.getByRole('region', { name: 'Prayed today' }).getByText(/for leaders to prioritize genuine peace/),
      page.getByRole('article', { name: /ask God to protect the innocent/ }),
      page.getByRole('article', { name: writing.request }),
    ],
  },
  {
    path: '/prayers',
    title: 'My prayers',
    content: page => [page.getByRole('article', { name: writing.request }).getByText('Psalm 46:1')],
  },
  {
    path: '/briefings',
    title: 'Briefings',
    content: (page) => {
      const item = page.getByRole('link', { name: new RegExp(`^${ukraine.title}`) })
      return ['1 journal entry', '1 answered', '1 prayer'].map(badge => item.getByText(badge, { exact: true }))
    },
  },
  {
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
    path: '/journal',
    title: 'Journal',
    content: page => [
      page.getByRole('main').getByRole('listitem').getByText(writing.entry),
      page.getByRole('region', { name: 'Unfinished writing' }).getByText(writing.draft),
      page.getByText('Your journal is kept only on this device.'),
    ],
  },
  {
    path: '/answered',
    title: 'Answered prayers',
    content: page => [page.getByRole('main').getByRole('listitem').getByText(writing.answer)],
  },
  {
    path: '/add',
    title: 'Add a briefing',
    content: page => [page.getByRole('textbox', { name: 'Briefing text' })],
  },
  {
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
    path: `/pointers/${ukraine.id}-p1`,
    title: 'Pray: for leaders to prioritize genuine peace',
    content: page => [page.locator('[data-thread-item]').nth(2)],
  },
  {
    path: '/on-this-day',
    title: 'On this day',
    content: page => [page.getByText(/^Nothing from /)],
  },
  {
    path: '/calendar',
    title: 'Days prayed',
    content: page => [page.getByRole('link', { name: /, prayed and written$/ })],
  },
  {
    path: `/calendar?year=${new Date().getFullYear()}`,
    title: 'Days prayed',
    content: page => [page.locator('td .mark.prayed')],
  },
  {
    path: '/no-such-page',
    title: 'Page not found',
    content: page => [page.getByRole('link', { name: 'Go to briefings' })],
  },
]

/** Violations as short lines, so a failure says what and where without a wall of JSON. */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze()
  return violations.flatMap(violation => violation.nodes.map(node =>
    `${violation.id} (${violation.impact}): ${node.target.join(' ')}: ${node.failureSummary?.split('\n').slice(1).join(' ') ?? ''}`))
}

describe('accessibility', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('has no axe violations on any view, in light and in dark', async () => {
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
    for (const view of views) {
      await page.emulateMedia({ colorScheme: 'light' })
      await page.goto(view.path)
      await heading(page, view.title)
      for (const shown of view.content(page)) await shown.waitFor()
      // The same filled view in both schemes: the colours follow prefers-color-scheme at once.
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme })
        found.push(...(await violations(page)).map(line => `${colorScheme} ${view.path}: ${line}`))
      }
    }
    expect(found).toEqual([])
  }, 180_000)

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
