import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, storedKeys, ukraine, type App } from './support'

const malformed = `A title with nothing to pray

Only an article paragraph, and no prayer pointers heading at all.
`

const pasted = `Date: 2025-10-01
Sudan: Aid Reaches El Fasher

Aid convoys reached the city this week after months of siege.

Prayer Points
* Praise: for the drivers who risked their lives. "Cast all your anxiety on him because he cares for you." 1 Peter 5:7
* Pray for food and medicine to reach every family.

A Prayer for Sudan
Lord, be near to the hungry and the afraid. Amen
`

describe('adding a briefing by hand', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('refuses a malformed text in plain words, then saves and lists a valid one as added by hand', async () => {
    const { page } = app
    await openControlled(page)
    await page.getByRole('link', { name: new RegExp(`^${ukraine.title}`) }).waitFor()
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Add a briefing' }).click()
    await heading(page, 'Add a briefing')

    const text = page.getByRole('textbox', { name: 'Briefing text' })
    await text.fill(malformed)
    await page.getByRole('button', { name: 'Preview' }).click()
    const alert = page.getByRole('alert').filter({ hasText: /point/i })
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
})
