import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, openUkraine, pointer, storedSetting, ukraine, writeEntryAndAnswer, type App } from './support'

describe('journal offline', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('keeps an entry and an answered note written offline across an offline reload', async () => {
    const { context, page } = app
    const entry = 'Written with no signal: peace for Kyiv tonight.'
    const answer = 'Answered offline: talks resumed this week.'
    await openControlled(page)
    await openUkraine(page)
    // Durable storage is asked for once there is something to lose, never on first paint.
    expect(await storedSetting(page, 'persistence')).toBeUndefined()

    await context.setOffline(true)
    await writeEntryAndAnswer(page, 1, { entry, answer })
    // Headless Chromium always answers false: what matters is that it was asked, once.
    await expect.poll(() => storedSetting(page, 'persistence')).toMatchObject({ granted: expect.any(Boolean) })
    const asked = await storedSetting(page, 'persistence') as { askedAt: string }
    expect(asked.askedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/)

    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await heading(page, ukraine.title)
    await pointer(page, 1).getByText(entry).waitFor()
    await pointer(page, 1).getByText(answer).waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click()
    await heading(page, 'Journal')
    await page.getByRole('main').getByText(entry).waitFor()

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Answered' }).click()
    await heading(page, 'Answered prayers')
    await page.getByRole('main').getByText(answer).waitFor()
  })
})
