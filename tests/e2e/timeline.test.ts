import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { parseBriefing } from '../../src/briefings/parse'
import { heading, launchApp, openControlled, ukraine, type App } from './support'

const pointers = [
  { pointerId: `${ukraine.id}-p1`, pointerText: 'for leaders to prioritize genuine peace over political posturing, that diplomacy would not be derailed by pride.', scriptureReference: 'Matthew 5:9' },
  { pointerId: `${ukraine.id}-p2`, pointerText: 'ask God to protect the innocent in Ukraine, especially the displaced and vulnerable, from further suffering and loss.', scriptureReference: 'Psalm 9:9' },
  { pointerId: `${ukraine.id}-p3`, pointerText: 'that hearts hardened by war, whether Russian or Ukrainian, would be softened, making space for reconciliation and long-term stability.', scriptureReference: 'Matthew 5:14' },
].map(pointer => ({ ...pointer, briefingId: ukraine.id, briefingTitle: ukraine.title, pointerLabel: 'Pray' }))

const ENTRIES = 1500
const FIRST = 'The very first entry, written in 1996.'
const uuid = (n: number, kind: number) => `00000000-0000-4000-8${kind}00-${String(n).padStart(12, '0')}`

/** The shipped briefing, as a backup carries it: its records may only point at a briefing in the file. */
async function shippedBriefing() {
  const dir = 'src/content/briefings'
  const name = (await readdir(dir)).find(file => file.startsWith(ukraine.id))!
  const parsed = parseBriefing(await readFile(join(dir, name), 'utf8'), { fileName: name })
  if (!parsed.ok) throw new Error(parsed.problem.message)
  const at = '2025-09-05T06:00:00.000Z'
  return { ...parsed.briefing, source: 'feed', hash: 'e2e', addedAt: at, updatedAt: at, openedAt: at, sortDate: parsed.briefing.date! }
}

/** A version 1 backup of thirty years: an entry every week or so, a prayer beside every third, one word in 1% of them. */
function thirtyYears(briefing: Awaited<ReturnType<typeof shippedBriefing>>) {
  const start = Date.UTC(1996, 0, 1, 9)
  const step = Math.floor((Date.UTC(2025, 11, 1) - start) / ENTRIES)
  const entries = []
  const prayed = []
  for (let i = 0; i < ENTRIES; i++) {
    const at = new Date(start + i * step).toISOString()
    const pointer = pointers[i % 3]!
    const text = i === 0 ? FIRST : `Entry ${i}. Lord, hear our prayer for peace${i % 100 === 7 ? ' and for zephyrine mercy' : ''}. ${'We wait on you. '.repeat(1 + (i % 5))}`
    entries.push({ ...pointer, id: uuid(i, 1), text, createdAt: at, editedAt: at })
    if (i % 3 === 0) prayed.push({ ...pointer, id: uuid(i, 2), prayedAt: new Date(start + i * step + 60_000).toISOString() })
  }
  const answeredAt = new Date(start + 900 * step).toISOString()
  const answers = [{ ...pointers[0]!, note: 'Talks began.', answeredAt, editedAt: answeredAt }]
  return { app: 'selah', kind: 'backup', formatVersion: 1, exportedAt: '2025-12-01T00:00:00.000Z', schemaVersion: 2, data: { briefings: [briefing], entries, answers, prayed, settings: {} } }
}

async function restore(page: Page, path: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click()
  await heading(page, 'Settings')
  await page.getByLabel('Choose a backup file').setInputFiles(path)
  await page.getByRole('button', { name: 'Restore backup' }).click()
  await page.getByRole('status').filter({ hasText: /^Restored\./ }).waitFor({ timeout: 30_000 })
}

const items = (page: Page) => page.locator('[data-timeline-item]')

describe('the journal after thirty years', () => {
  let app: App
  let dir: string
  beforeEach(async () => {
    app = await launchApp()
    dir = await mkdtemp(join(tmpdir(), 'selah-timeline-'))
  })
  afterEach(async () => {
    await app.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('scrolls end to end with a few screens in the page, searches, keeps its place, and opens a filtered link offline', async () => {
    const { context, page } = app
    const path = join(dir, 'selah-backup-thirty-years.json')
    await writeFile(path, JSON.stringify(thirtyYears(await shippedBriefing())))
    await openControlled(page)
    await restore(page, path)

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' }).click()
    await heading(page, 'Journal')
    await items(page).first().waitFor()
    expect(await items(page).first().innerText()).toContain('Entry 1499.')

    // End to end: the page never holds more than a few screens of the 2,000 records.
    let most = 0
    for (let i = 0; i < 200 && !(await page.getByText(FIRST).isVisible()); i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.waitForTimeout(60)
      most = Math.max(most, await items(page).count())
    }
    await page.getByText(FIRST).waitFor()
    expect(most).toBeGreaterThan(3)
    expect(most).toBeLessThan(40)

    // Search as you type; the URL keeps it.
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.getByRole('searchbox', { name: /Search/ }).fill('zephyr')
    await page.waitForURL(/\/journal\?q=zephyr$/)
    await page.locator('[data-timeline-item] mark').first().waitFor()
    const found = await items(page).allInnerTexts()
    expect(found.length).toBeGreaterThan(2)
    for (const text of found) expect(text).toMatch(/zephyrine mercy/)
    expect(await page.locator('mark').first().innerText()).toBe('zephyrine')
    expect(found[0]).toContain('Entry 1407.')

    // Leaving for a briefing and coming back lands on the same entry.
    await page.goto('/journal')
    await items(page).first().waitFor()
    for (let i = 0; i < 4; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
      await page.waitForTimeout(200)
    }
    await page.evaluate(() => window.scrollTo(0, 9_000))
    // Rows measured as they appear may move the page a little: take where it settles.
    await page.waitForTimeout(500)
    const before = await page.evaluate(() => window.scrollY)
    expect(before).toBeGreaterThan(8_000)
    // The first entry whose top is on screen: the one the reader was looking at.
    const texts = await items(page).evaluateAll(nodes => nodes
      .filter(node => node.getAttribute('data-kind') === 'written' && node.getBoundingClientRect().top >= 0)
      .map(node => /Entry \d+\./.exec(node.textContent ?? '')?.[0] ?? ''))
    const text = texts[0]!
    expect(text).toMatch(/^Entry \d+\.$/)
    const target = items(page).filter({ hasText: text })
    const was = await target.evaluate(node => node.getBoundingClientRect().top)
    await target.getByRole('link', { name: ukraine.title }).click()
    await heading(page, ukraine.title)
    await page.goBack()
    await heading(page, 'Journal')
    await page.getByText(text).waitFor()
    // Back lands where the reader was: that entry is where it was on screen, not the top of thirty years.
    await expect.poll(() => target.evaluate((node, was) => Math.abs(node.getBoundingClientRect().top - was), was)).toBeLessThan(16)

    // A filtered view is a bookmark that works with no signal.
    await context.setOffline(true)
    const response = await page.goto('/journal?kind=prayed&from=2000-01-01&to=2000-12-31')
    expect(response?.fromServiceWorker()).toBe(true)
    await items(page).first().waitFor()
    const kinds = await items(page).evaluateAll(nodes => nodes.map(node => node.getAttribute('data-kind')))
    expect(new Set(kinds)).toEqual(new Set(['prayed']))
    const times = await page.locator('[data-timeline-item] time').evaluateAll(nodes => nodes.map(node => node.getAttribute('datetime')!))
    for (const time of times) expect(time.slice(0, 4)).toBe('2000')
    expect(await page.getByRole('checkbox', { name: 'Written' }).isChecked()).toBe(false)
    expect(await page.getByLabel('From').inputValue()).toBe('2000-01-01')
  }, 150_000)
})
