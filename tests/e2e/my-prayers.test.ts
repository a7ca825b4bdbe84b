import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, origin, type App } from './support'

const request = 'Healing for Aunt Miriam after her operation'
const entry = 'Spoke to her on the phone: quietly hopeful, and thankful for the nurses.'

describe('my prayers offline', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('adds a request, prays for it and journals about it offline; it survives a reload and is found in the Journal and its search', async () => {
    const { context, page } = app
    await openControlled(page)
    await context.setOffline(true)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My prayers' }).click()
    await heading(page, 'My prayers')
    await page.getByRole('button', { name: 'New request' }).click()
    await page.getByRole('textbox', { name: /Request/ }).fill(request)
    await page.getByRole('textbox', { name: /Scripture/ }).fill('Psalm 46:1')
    await page.getByRole('textbox', { name: 'Name of the new list' }).fill('Family')
    await page.getByRole('button', { name: 'Save', exact: true }).click()

    const card = page.getByRole('article', { name: request })
    await card.waitFor()
    await page.getByRole('heading', { level: 2, name: 'Family' }).waitFor()

    // Today brings it, and praying for it there moves it to Prayed today.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Today' }).click()
    await heading(page, 'Today')
    const lists = page.getByRole('region', { name: 'From your lists' })
    await lists.getByRole('article', { name: request }).getByRole('button', { name: 'I prayed for this' }).click()
    await page.getByRole('region', { name: 'Prayed today' }).getByText(request).waitFor()
    expect(await lists.getByText(request).count()).toBe(0)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My prayers' }).click()
    await card.getByText('Prayed 1 time').waitFor()
    await card.getByRole('textbox', { name: /Journal/ }).fill(entry)
    await card.getByRole('button', { name: /Save/ }).click()
    await card.getByText(entry).waitFor()

    // Copy (Chromium on Linux has no share sheet): only the request's words and scripture, and
    // nothing sent anywhere.
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    const sent = app.requests.length
    await card.getByRole('button', { name: 'Copy' }).click()
    await card.getByText('Copied.').waitFor()
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`Please pray with me: ${request} (Psalm 46:1)`)
    expect(app.requests.slice(sent)).toEqual([])

    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await card.getByText(entry).waitFor()
    await card.getByText('Prayed 1 time').waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click()
    await heading(page, 'Journal')
    await page.getByRole('main').getByText(entry).waitFor()
    await page.getByRole('searchbox', { name: /Search/ }).fill('miriam')
    await page.waitForURL(/\/journal\?q=miriam$/)
    await page.locator('[data-timeline-item] mark').first().waitFor()
    const found = await page.locator('[data-timeline-item]').allInnerTexts()
    expect(found.some(text => text.includes(entry))).toBe(true)

    // The thread of a request, from the search result, links back to its card.
    await page.goto(`/prayers`)
    await card.getByRole('link', { name: /See the whole thread/ }).click()
    await heading(page, request)
    await page.getByText('Your own request, in').getByRole('link', { name: 'My prayers: Family' }).click()
    await heading(page, 'My prayers')
  })
})
