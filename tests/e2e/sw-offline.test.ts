import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, origin, pointer, ukraine, type App } from './support'

describe('offline reading', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('opens a shared link on a first visit, then serves briefings and deep links with no network', async () => {
    const { context, page } = app
    // First visit straight to a shared link: the feed arrives and the briefing shows.
    await openControlled(page, `/briefings/${ukraine.id}`)
    await heading(page, ukraine.title)
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click()
    const link = page.getByRole('link', { name: new RegExp(`^${ukraine.title}`) })
    await link.waitFor()
    const href = await link.getAttribute('href')
    expect(href).toBe(`/briefings/${ukraine.id}`)
    // The recorder sees the page's and the worker's traffic, so its "nothing left the origin" check means something.
    expect(app.requests).toContainEqual({ url: `${origin}/feed/feed.json`, fromWorker: false })
    expect(app.requests.filter(request => request.fromWorker).length).toBeGreaterThan(5)

    await context.setOffline(true)
    const reload = await page.reload()
    expect(reload?.fromServiceWorker()).toBe(true)
    await page.getByRole('status').getByText('Offline', { exact: true }).waitFor()
    await link.click()
    await heading(page, ukraine.title)
    await pointer(page, 1).getByText('Blessed are the peacemakers').waitFor()

    for (const [path, title] of [[`/briefings/${ukraine.id}`, ukraine.title], ['/journal', 'Journal']] as const) {
      const fresh = await context.newPage()
      const response = await fresh.goto(path)
      expect(response?.fromServiceWorker(), path).toBe(true)
      await heading(fresh, title)
      await fresh.close()
    }
  })
})
