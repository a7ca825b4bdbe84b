import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest'
import { CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_HEADER, CONTENT_SECURITY_POLICY_META } from '../../src/build/csp'
import { heading, launchApp, openControlled, openUkraine, pointer, ukraine, writeEntryAndAnswer, type App } from './support'

const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(1)>'
const hostileTitle = `Hostile ${SCRIPT} ${IMG}`
const hostileBriefing = `Date: 2025-10-02
${hostileTitle}

Paragraph ${IMG} and ${SCRIPT}.

Prayer Points
* Pray: for safety ${SCRIPT}. "Be still ${IMG}" Psalm 46:10
* Pray for ${IMG} peace.

A Prayer for Testing
Lord ${SCRIPT}. Amen
`

interface Violation { directive: string, blocked: string, source: string, line: number, sample: string, page: string }

/** What the browser reported while the test ran: policy violations, console errors, dialogs, page errors. */
async function watch(app: App) {
  const seen = { violations: [] as Violation[], consoleErrors: [] as string[], dialogs: [] as string[], pageErrors: [] as string[] }
  await app.context.exposeBinding('__selahReportViolation', (_source, violation: Violation) => { seen.violations.push(violation) })
  await app.context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __selahReportViolation: (v: unknown) => void }).__selahReportViolation({
        directive: event.effectiveDirective,
        blocked: event.blockedURI,
        source: event.sourceFile,
        line: event.lineNumber,
        sample: event.sample,
        page: location.pathname,
      })
    }, true)
  })
  const page = app.page
  page.on('console', (message) => { if (message.type() === 'error') seen.consoleErrors.push(`${page.url()}: ${message.text()}`) })
  page.on('pageerror', (error) => { seen.pageErrors.push(error.message) })
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return seen
}

/** No element made from text: no <img> at all (Selah has none), every script from a same-origin file. */
async function expectNoInjectedMarkup(page: Page) {
  const found = await page.evaluate(() => ({
    images: document.querySelectorAll('img').length,
    handlers: document.querySelectorAll('[onerror], [onload], [onclick]').length,
    inlineScripts: [...document.scripts].filter(script => !script.src || new URL(script.src).origin !== location.origin).length,
  }))
  expect(found).toEqual({ images: 0, handlers: 0, inlineScripts: 0 })
}

describe('content security policy', () => {
  let app: App
  beforeEach(async () => { app = await launchApp() })
  afterEach(async () => { await app.close() })

  it('is in the built index.html and in the preview server\'s header', async () => {
    const html = await readFile(join(inject('dist'), 'index.html'), 'utf8')
    expect(html).toContain(CONTENT_SECURITY_POLICY_META)
    // Before anything it must govern.
    expect(html.indexOf(CONTENT_SECURITY_POLICY_META)).toBeLessThan(html.search(/<script|<link/))
    expect(html).not.toMatch(/style=|<style|<script(?![^>]*\bsrc=)/)

    const response = await app.page.goto('/')
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY_HEADER)
    expect(await app.page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content')).toBe(CONTENT_SECURITY_POLICY)
  })

  it('is never violated across every view, writing, and pasting a hostile briefing; hostile text stays text', async () => {
    const seen = await watch(app)
    const { page } = app
    await openControlled(page)
    await openUkraine(page)
    await writeEntryAndAnswer(page, 1, { entry: `Peace ${SCRIPT}`, answer: `Answered ${IMG}` })

    for (const [path, title] of [['/', 'Today'], ['/briefings', 'Briefings'], ['/prayers', 'My prayers'], ['/journal', 'Journal'], ['/answered', 'Answered prayers'], ['/settings', 'Settings'], ['/no-such-page', 'Page not found']] as const) {
      await page.goto(path)
      await heading(page, title)
    }
    await page.goto('/journal')
    await page.getByRole('main').getByText(`Peace ${SCRIPT}`).waitFor()
    await page.goto('/answered')
    await page.getByRole('main').getByText(`Answered ${IMG}`).waitFor()

    await page.goto('/add')
    await heading(page, 'Add a briefing')
    await page.getByRole('textbox', { name: 'Briefing text' }).fill(hostileBriefing)
    await page.getByRole('button', { name: 'Preview' }).click()
    await page.getByRole('main').getByText(hostileTitle).first().waitFor()
    await expectNoInjectedMarkup(page)
    await page.getByRole('button', { name: 'Save briefing' }).click()
    await heading(page, hostileTitle)
    const main = page.getByRole('main')
    for (const literal of [`Paragraph ${IMG} and ${SCRIPT}.`, `for safety ${SCRIPT}.`, `Be still ${IMG}`, `Pray for ${IMG} peace.`, `Lord ${SCRIPT}. Amen`]) {
      await main.getByText(literal, { exact: false }).first().waitFor()
    }
    await expectNoInjectedMarkup(page)
    await pointer(page, 2).getByRole('textbox', { name: /Journal/ }).fill(`Entry ${IMG} ${SCRIPT}`)
    await pointer(page, 2).getByRole('button', { name: /Save/ }).click()
    await pointer(page, 2).getByText(`Entry ${IMG} ${SCRIPT}`).waitFor()

    await page.reload()
    await heading(page, hostileTitle)
    await expectNoInjectedMarkup(page)
    for (const path of ['/', '/journal']) {
      await page.goto(path)
      await page.getByRole('main').getByText(hostileTitle).first().waitFor()
      await expectNoInjectedMarkup(page)
    }
    await page.getByRole('main').getByText(`Entry ${IMG} ${SCRIPT}`).waitFor()

    expect(seen.violations).toEqual([])
    expect(seen.dialogs).toEqual([])
    expect(seen.pageErrors).toEqual([])
    expect(seen.consoleErrors).toEqual([])

    // The watch is live and the policy is enforced: an injected inline script and style are refused.
    await page.goto(`/briefings/${ukraine.id}`)
    await heading(page, ukraine.title)
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__selahInjected = true'
      document.body.append(script)
      const div = document.createElement('div')
      div.innerHTML = '<span style="color: red">styled</span>'
      document.body.append(div)
      return (window as unknown as { __selahInjected?: boolean }).__selahInjected ?? false
    })
    expect(ran).toBe(false)
    // Each is reported once per policy in force: the <meta> one and the server's header.
    await expect.poll(() => seen.violations.map(v => v.directive).sort()).toEqual(['script-src-elem', 'script-src-elem', 'style-src-attr', 'style-src-attr'])
  })
})
