import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, origin, pointer, storedKeys, ukraine, type App } from './support'

// Refused outright: a text without prayer points is not refused any more, it is offered to tick.
const malformed = `Date: 2025-02-30
A title with a date that does not exist

Only an article paragraph.

Prayer Points
- Pray for peace.
`

/** A plain email: no heading, no numbered list, nothing Selah can tell the prayer points by. */
const letter = `Letter from Kisumu

Dear friends, thank you for praying with us this month.
Please pray for the new clinic and its two nurses.
We give thanks for rain on the farms after the dry season.
With love, Grace
`
const NURSES = 'Please pray for the new clinic and its two nurses.'
const RAIN = 'We give thanks for rain on the farms after the dry season.'

const pasted = `Date: 2025-10-01
Sudan: Aid Reaches El Fasher

Aid convoys reached the city this week after months of siege.

Prayer Points
* Praise: for the drivers who risked their lives. "Cast all your anxiety on him because he cares for you." 1 Peter 5:7
* Pray for food and medicine to reach every family.

A Prayer for Sudan
Lord, be near to the hungry and the afraid. Amen
`

/** From the briefing list, once the shipped briefing is in it, the way a person goes to the paste screen. */
async function goToAddBriefing(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click()
  await page.getByRole('link', { name: new RegExp(`^${ukraine.title}`) }).waitFor()
  await page.getByRole('main').getByRole('link', { name: 'Add a briefing' }).click()
  await heading(page, 'Add a briefing')
}

describe('adding a briefing by hand', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('refuses a malformed text in plain words, then saves and lists a valid one as added by hand', async () => {
    const { page } = app
    await openControlled(page)
    await goToAddBriefing(page)

    const text = page.getByRole('textbox', { name: 'Briefing text' })
    await text.fill(malformed)
    await page.getByRole('button', { name: 'Preview' }).click()
    const alert = page.getByRole('alert').filter({ hasText: /not a real date/ })
    await alert.waitFor()
    expect(await alert.innerText()).not.toMatch(/Error:|undefined|at \w+ \(/)
    expect(await page.getByRole('button', { name: 'Save briefing' }).count()).toBe(0)
    expect(await storedKeys(page, 'briefings')).toEqual([ukraine.id])

    await text.fill(pasted)
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.getByRole('main').getByText('Sudan: Aid Reaches El Fasher').waitFor()
    await page.getByRole('button', { name: 'Save briefing' }).click()
    await heading(page, 'Sudan: Aid Reaches El Fasher')
    expect(page.url()).toMatch(/\/briefings\/2025-10-01-sudan-aid-reaches-el-fasher$/)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click()
    await heading(page, 'Briefings')
    const item = page.getByRole('listitem').filter({ has: page.getByRole('link', { name: /^Sudan: Aid Reaches El Fasher/ }) })
    await item.getByText('Added by hand').waitFor()
    expect(await storedKeys(page, 'briefings')).toEqual(['2025-09-05-ukraine-putin-rejects-peace-force', '2025-10-01-sudan-aid-reaches-el-fasher'])
  })

  it('offline, lets a person tick the prayer points of a plain email, saves them, and prays for the first', async () => {
    const { page, context } = app
    await openControlled(page)
    await context.setOffline(true)
    await goToAddBriefing(page)

    await page.getByRole('textbox', { name: 'Briefing text' }).fill(letter)
    await page.getByRole('button', { name: 'Preview' }).click()
    const picker = page.getByRole('region', { name: 'Selah could not find the prayer points' })
    await picker.waitFor()
    expect(await picker.getByRole('heading', { level: 2 }).evaluate(el => el === document.activeElement)).toBe(true)
    expect(await picker.getByRole('textbox', { name: 'Title' }).inputValue()).toBe('Letter from Kisumu')
    expect(await picker.getByRole('group', { name: 'Tick the lines that are prayer points' }).getByRole('checkbox').count()).toBe(4)

    await page.getByRole('button', { name: 'Save briefing' }).click()
    await page.getByRole('alert').filter({ hasText: 'Tick at least one line that is a prayer point.' }).waitFor()
    const { violations } = await new AxeBuilder({ page }).analyze()
    expect(violations.flatMap(violation => violation.nodes.map(node => `${violation.id}: ${node.target.join(' ')}`))).toEqual([])
    await page.getByRole('checkbox', { name: NURSES }).check()
    await page.getByRole('checkbox', { name: RAIN }).check()
    await page.getByRole('button', { name: 'Save briefing' }).click()

    await heading(page, 'Letter from Kisumu')
    expect(page.url()).toMatch(/\/briefings\/letter-from-kisumu$/)
    await page.getByRole('main').getByText('Added by hand').waitFor()
    expect(await page.getByRole('article', { name: /^Pointer \d/ }).count()).toBe(2)
    await pointer(page, 1).getByText(NURSES).waitFor()
    await pointer(page, 2).getByText(RAIN).waitFor()
    await page.getByRole('main').getByText('With love, Grace').waitFor()

    await pointer(page, 1).getByRole('button', { name: 'I prayed for this' }).click()
    await pointer(page, 1).getByText(/Prayed 1 time, last /).waitFor()
    expect(await storedKeys(page, 'briefings')).toEqual([ukraine.id, 'letter-from-kisumu'])
  })

  it('refuses a 10 MB paste at once, and the box keeps the words it had', async () => {
    const { page, context } = app
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    await openControlled(page, '/add')
    await heading(page, 'Add a briefing')
    const text = page.getByRole('textbox', { name: 'Briefing text' })
    await text.fill('My notes so far')
    await page.evaluate(() => navigator.clipboard.writeText(`Title\n${'A line of a very long paste.\n'.repeat(350_000)}`))
    const pressed = Date.now()
    await text.press('Control+V')
    await page.getByRole('alert').filter({ hasText: 'This text is too long to be one briefing. Paste one briefing at a time.' }).waitFor()
    await page.evaluate(() => new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve))))
    // Let into the box, the paste froze this page for 7-10 s before its next frame (measured here).
    expect(Date.now() - pressed).toBeLessThan(3000)
    expect(await text.inputValue()).toBe('My notes so far')
  })
})
