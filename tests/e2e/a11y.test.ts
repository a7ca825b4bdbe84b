import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, openUkraine, ukraine, writeEntryAndAnswer, type App } from './support'

const views = [
  { path: '/', title: 'Briefings' },
  { path: `/briefings/${ukraine.id}`, title: ukraine.title },
  { path: '/journal', title: 'Journal' },
  { path: '/answered', title: 'Answered prayers' },
  { path: '/add', title: 'Add a briefing' },
  { path: '/settings', title: 'Settings' },
  { path: '/no-such-page', title: /./ },
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
    await writeEntryAndAnswer(page, 1, { entry: 'Peace for the cities.', answer: 'A ceasefire held for a week.' })

    const found: string[] = []
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      for (const view of views) {
        await page.goto(view.path)
        await heading(page, view.title)
        found.push(...(await violations(page)).map(line => `${colorScheme} ${view.path}: ${line}`))
      }
    }
    expect(found).toEqual([])
  }, 180_000)

  it('fits every label of the phone tab bar at 360 px, without cutting one off', async () => {
    const { page } = app
    await page.setViewportSize({ width: 360, height: 740 })
    await openControlled(page)
    const nav = page.getByRole('navigation', { name: 'Main' })
    const links = nav.getByRole('link')
    expect(await links.allInnerTexts()).toEqual(['Briefings', 'Journal', 'Answered', 'Add a briefing', 'Settings'])
    const boxes = await links.evaluateAll(elements => elements.map((element) => {
      const box = element.getBoundingClientRect()
      return { text: element.textContent, overflows: element.scrollWidth > element.clientWidth, right: box.right, bottom: box.bottom }
    }))
    expect(boxes.filter(box => box.overflows || box.right > 360)).toEqual([])
    // One row, at the bottom of the screen.
    expect(new Set(boxes.map(box => Math.round(box.bottom))).size).toBe(1)
    await links.filter({ hasText: 'Settings' }).click()
    await heading(page, 'Settings')
  })
})
