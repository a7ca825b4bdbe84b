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
  })
})
