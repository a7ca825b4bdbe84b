import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, ukraine, type App } from './support'

/**
 * Back from another site puts the reader where they were, at once: the page comes out of the
 * back/forward cache as it was left. Chromium says through CDP when it could not keep a page.
 */
describe('back/forward cache', () => {
  let app: App
  beforeEach(async () => { app = await launchApp({ backForwardCache: true }) })
  afterEach(async () => { await app.close() })

  it('keeps every main view on leaving for another site, and gives it back on Back', async () => {
    const { page, context } = app
    const cdp = await context.newCDPSession(page)
    await cdp.send('Page.enable')
    const refused: string[] = []
    cdp.on('Page.backForwardCacheNotUsed', (event) => {
      refused.push(`${page.url()}: ${event.notRestoredExplanations.map(explanation => explanation.reason).join(', ')}`)
    })
    await openControlled(page)
    const views: [path: string, title: string][] = [['/', 'Today'], [`/briefings/${ukraine.id}`, ukraine.title], ['/journal', 'Journal'], ['/settings', 'Settings']]
    for (const [path, title] of views) {
      await page.goto(path)
      await heading(page, title)
      // Words typed into the page stay with it: a reload would lose what the cache keeps.
      await page.evaluate('window.__stillHere = true')
      await page.goto('data:text/html,<title>Another site</title><p>Elsewhere')
      await page.goBack({ waitUntil: 'commit' })
      await heading(page, title)
      expect(await page.evaluate('window.__stillHere === true'), path).toBe(true)
    }
    expect(refused).toEqual([])
  })
})
