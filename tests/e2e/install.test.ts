import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { launchApp, openControlled, type App } from './support'

describe('installing', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('meets every installability check Chromium makes, and offers its own install button', async () => {
    const { context, page } = app
    await openControlled(page)
    const cdp = await context.newCDPSession(page)
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    // Chromium fires beforeinstallprompt for an installable app, even headless.
    await page.getByRole('button', { name: 'Install Selah' }).waitFor()
    // Settings explains installing and offers the same offer.
    await page.getByRole('link', { name: 'Settings' }).click()
    const section = page.getByRole('region', { name: 'Install Selah' })
    await section.getByRole('button', { name: 'Install Selah' }).waitFor()
  })
})
