import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, origin, storedSetting, within, type App } from './support'

async function openSettings(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await heading(page, 'Settings')
  return page.getByRole('region', { name: 'Daily prayer time' })
}

describe('daily prayer time', () => {
  let app: App | undefined
  let dir: string
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'selah-e2e-reminders-')) })
  afterEach(async () => {
    await app?.close()
    app = undefined
    await rm(dir, { recursive: true, force: true })
  })

  it('offline, a chosen time becomes a daily calendar file with an alarm, and is still chosen after a reload', async () => {
    app = await launchApp()
    const { context, page } = app
    await openControlled(page)
    await context.setOffline(true)

    await openSettings(page)
    const time = page.getByLabel('Prayer time', { exact: true })
    await time.fill('07:15')
    await expect.poll(() => storedSetting(page, 'prayerTime')).toEqual({ time: '07:15', notify: false })

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add to calendar' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('selah-prayer-time.ics')
    const path = join(dir, download.suggestedFilename())
    await download.saveAs(path)
    const text = await readFile(path, 'utf8')
    expect(text).toContain('\r\nRRULE:FREQ=DAILY\r\n')
    expect(text).toContain('\r\nBEGIN:VALARM\r\n')
    expect(text).toMatch(/\r\nDTSTART:\d{8}T071500\r\n/)
    await page.getByRole('status').filter({ hasText: 'Saved selah-prayer-time.ics.' }).waitFor()

    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await heading(page, 'Settings')
    await expect.poll(() => time.inputValue()).toBe('07:15')
  })
  it('says when the clocks skip the time in the device’s zone, and that a refused notification stays off', async () => {
    app = await launchApp()
    const { context, page } = app
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'America/New_York' })
    await openControlled(page)
    // As after a person blocked notifications for the site: the browser answers 'denied' without asking.
    await cdp.send('Browser.setPermission', { permission: { name: 'notifications' }, setting: 'denied', origin })
    const section = await openSettings(page)

    await section.getByLabel('Prayer time', { exact: true }).fill('02:30')
    await section.getByText(/the clocks go forward and 02:30 does not happen; your calendar will remind you an hour later that day, at 03:30\./).waitFor()
    const box = section.getByRole('checkbox', { name: 'Also remind me with a notification while Selah is open' })
    await box.click()
    await section.getByRole('alert').filter({ hasText: /^Notifications are blocked for Selah/ }).waitFor()
    expect(await box.isChecked()).toBe(false)

    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme })
      const { violations } = await new AxeBuilder({ page }).include('main section').analyze()
      expect(violations.map(v => `${colorScheme}: ${v.id} ${v.nodes.map(n => n.target.join(' ')).join(', ')}`)).toEqual([])
    }
  })

  it('with permission, shows the notification at the time through the service worker while Selah is open', async () => {
    app = await launchApp()
    const { context, page } = app
    await context.grantPermissions(['notifications'], { origin })
    // 07:14:30 on this machine's clock, as the page sees it: the page's timers then move on request.
    const now = new Date()
    await page.clock.install({ time: new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 7, 14, 30) })
    await openControlled(page)
    const section = await openSettings(page)
    await section.getByLabel('Prayer time', { exact: true }).fill('07:15')
    await section.getByRole('checkbox', { name: 'Also remind me with a notification while Selah is open' }).check()
    await expect.poll(() => storedSetting(page, 'prayerTime')).toEqual({ time: '07:15', notify: true })

    // The app arms its timer once its live read of the setting has answered, a moment after the
    // write: move the page's clock on in steps, so a timer armed late still comes due.
    const shown = async () => {
      await page.clock.runFor(5_000)
      return within(5000, 'the notifications', page.evaluate(async () => {
        const registration = await navigator.serviceWorker.ready
        return (await registration.getNotifications()).map(({ title, tag }) => ({ title, tag }))
      }))
    }
    await expect.poll(shown, { timeout: 20_000, interval: 100 }).toEqual([{ title: 'Pray with Selah', tag: expect.stringMatching(/^selah-prayer-\d{4}-\d{2}-\d{2}$/) }])
  })
})
