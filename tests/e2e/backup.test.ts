import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { heading, launchApp, openControlled, openUkraine, pointer, writeEntryAndAnswer, type App } from './support'

const entry = 'Peace for Kyiv 🙏 tonight,\nand for the families in Odesa.'
const answer = 'A ceasefire held for a week — thank you.'
const passphrase = 'ten thousand reasons'

async function go(page: Page, link: string, title: string) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: link }).click()
  await heading(page, title)
}

/** Clicks `name` and returns the file the browser downloaded, saved into `dir`. */
async function download(page: Page, name: string, dir: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()])
  const path = join(dir, file.suggestedFilename())
  await file.saveAs(path)
  const bytes = await readFile(path)
  return { name: file.suggestedFilename(), path, bytes, text: bytes.toString('utf8') }
}

/** The words of each journal entry on the Journal's timeline (answered notes and prayers are items too). */
function written(page: Page) {
  return page.getByRole('main').locator('[data-timeline-item][data-kind="written"] .text')
}

/** Asks a store of the app's IndexedDB directly, so the UI cannot hide a row: how many rows, or all of them. */
function askStore<T extends 'count' | 'getAll'>(page: Page, store: string, ask: T): Promise<T extends 'count' ? number : unknown[]> {
  return page.evaluate(({ store, ask }) => new Promise<never>((resolve, reject) => {
    const open = indexedDB.open('selah')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const request = open.result.transaction(store).objectStore(store)[ask]()
      request.onsuccess = () => {
        open.result.close()
        resolve(request.result as never)
      }
      request.onerror = () => reject(request.error)
    }
  }), { store, ask })
}
const countRows = (page: Page, store: string) => askStore(page, store, 'count')
const allRows = (page: Page, store: string) => askStore(page, store, 'getAll')

/** Adds a request on My prayers, into `list` or a new list of that name. */
async function addRequest(page: Page, text: string, list: { existing: string } | { named: string }) {
  await page.getByRole('button', { name: 'New request' }).click()
  await page.getByRole('textbox', { name: 'Request' }).fill(text)
  if ('existing' in list) await page.getByRole('combobox', { name: 'List' }).selectOption({ label: list.existing })
  else {
    await page.getByRole('combobox', { name: 'List' }).selectOption({ label: 'A new list…' }).catch(() => {})
    await page.getByRole('textbox', { name: 'Name of the new list' }).fill(list.named)
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByRole('article', { name: text }).waitFor()
}

const briefingId = '2020-01-01-a-long-journal'
const briefing = {
  id: briefingId, title: 'A long journal', date: '2020-01-01', paragraphs: ['Years of prayer.'],
  pointers: [{ id: `${briefingId}-p1`, label: 'Pray', text: 'for the families.', scripture: null }], prayer: null,
  source: 'pasted', hash: 'h', addedAt: '2020-01-01T08:00:00.000Z', updatedAt: '2020-01-01T08:00:00.000Z', openedAt: null, sortDate: '2020-01-01',
}

/** `count` journal entries of `chars` characters each, written on days one after another. */
function longEntries(count: number, chars: number) {
  const words = 'Lord, hear our prayer for the families tonight, and for all who wait on you. '
  return Array.from({ length: count }, (_, i) => {
    const at = new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString()
    return {
      briefingId, pointerId: `${briefingId}-p1`, briefingTitle: briefing.title, pointerLabel: 'Pray', pointerText: 'for the families.',
      scriptureReference: null, id: `entry-${i}`, text: `${i}. ${words.repeat(Math.ceil(chars / words.length))}`, createdAt: at, editedAt: at,
    }
  })
}

describe('backup and restore', () => {
  const apps: App[] = []
  let dir: string
  async function launch() {
    const app = await launchApp()
    apps.push(app)
    return app
  }
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'selah-e2e-downloads-')) })
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('moves the journal to a fresh profile through a passphrase-protected backup file, and prints a prayer book', async () => {
    const { page } = await launch()
    await openControlled(page)
    await openUkraine(page)
    await writeEntryAndAnswer(page, 1, { entry, answer })
    await pointer(page, 1).getByRole('button', { name: 'I prayed for this' }).click()
    await pointer(page, 1).getByText(/Prayed 1 time,/).waitFor()

    await go(page, 'Settings', 'Settings')
    await page.getByText('No backup made on this device yet').waitFor()
    await page.getByLabel('Passphrase (optional)').fill(passphrase)
    await page.getByLabel('Confirm passphrase').fill(passphrase)
    const backup = await download(page, 'Download backup', dir)
    expect(backup.name).toMatch(/^selah-backup-\d{4}-\d{2}-\d{2}-encrypted\.selah$/)
    expect(backup.text).not.toContain('Kyiv')
    expect(JSON.parse(backup.text.slice(0, backup.text.indexOf('\n')))).toMatchObject({ app: 'selah', kind: 'encrypted-backup', formatVersion: 2 })
    await page.getByRole('status').filter({ hasText: `Saved ${backup.name} with 1 journal entry, 1 answered prayer, 1 prayed record and 1 briefing.` }).waitFor()
    await page.getByText(/Last backup:/).waitFor()

    const book = await download(page, 'Download prayer book', dir)
    expect(book.name).toBe('selah-prayer-book.md')
    expect(book.text).toContain('Peace for Kyiv 🙏 tonight,')
    expect(book.text).toContain('A ceasefire held for a week — thank you.')

    // A new device: nothing written yet.
    const { page: fresh } = await launch()
    await openControlled(fresh)
    await go(fresh, 'Journal', 'Journal')
    await fresh.getByText('Nothing written yet.', { exact: false }).waitFor()
    await go(fresh, 'Settings', 'Settings')
    await fresh.getByLabel('Choose a backup file').setInputFiles(backup.path)
    await fresh.getByText('This backup is protected with a passphrase.').waitFor()
    await fresh.getByLabel('Backup passphrase').fill('ten thousand reason')
    await fresh.getByRole('button', { name: 'Restore backup' }).click()
    await fresh.getByRole('alert').filter({ hasText: 'The passphrase does not open this backup. Check it and try again. Nothing was changed.' }).waitFor()

    await fresh.getByLabel('Backup passphrase').fill(passphrase)
    expect(await fresh.getByRole('radio', { name: 'Add to what is on this device' }).isChecked()).toBe(true)
    await fresh.getByRole('button', { name: 'Restore backup' }).click()
    // The shipped briefing is on the new device already, so only the writing is added.
    await fresh.getByRole('status').filter({ hasText: /^Restored\. Added 1 journal entry, 1 answered prayer and 1 prayed record\./ }).waitFor()
    expect(await fresh.getByRole('alert').count()).toBe(0)

    await go(fresh, 'Journal', 'Journal')
    expect(await written(fresh).innerText()).toBe(entry)
    await fresh.getByRole('navigation', { name: 'Look back' }).getByRole('link', { name: 'Answered prayers' }).click()
    await heading(fresh, 'Answered prayers')
    await fresh.getByRole('main').getByText(answer).waitFor()
    await go(fresh, 'Briefings', 'Briefings')
    await openUkraine(fresh)
    await pointer(fresh, 1).getByText(/Prayed 1 time,/).waitFor()
  })

  it('brings the person\'s own lists and requests to a fresh profile exactly, and a merge keeps two lists of one name apart', async () => {
    const { page } = await launch()
    await openControlled(page)
    await go(page, 'My prayers', 'My prayers')
    await addRequest(page, 'Healing for Aunt Miriam', { named: 'Family' })
    await addRequest(page, 'The youth weekend', { existing: 'Family' })
    await addRequest(page, 'A job for Sam', { existing: 'Family' })
    await addRequest(page, 'Our new building', { named: 'Church' })
    const miriam = page.getByRole('article', { name: 'Healing for Aunt Miriam' })
    await miriam.getByRole('button', { name: 'I prayed for this' }).click()
    await miriam.getByText('Prayed 1 time').waitFor()
    await miriam.getByRole('textbox', { name: /Journal/ }).fill('She is home.')
    await miriam.getByRole('button', { name: 'Save entry' }).click()
    await miriam.getByText('She is home.').waitFor()
    // Written about while it was in Family, then moved to Church with new words.
    const youth = page.getByRole('article', { name: 'The youth weekend' })
    await youth.getByRole('textbox', { name: /Journal/ }).fill('Fourteen signed up.')
    await youth.getByRole('button', { name: 'Save entry' }).click()
    await youth.getByText('Fourteen signed up.').waitFor()
    await youth.getByRole('button', { name: 'Edit request' }).click()
    await youth.getByRole('textbox', { name: 'Request' }).fill('Wisdom for the youth leaders')
    await youth.getByRole('combobox', { name: 'List' }).selectOption({ label: 'Church' })
    await youth.getByRole('button', { name: 'Save', exact: true }).click()
    await page.getByRole('article', { name: 'Wisdom for the youth leaders' }).waitFor()
    await page.getByRole('article', { name: 'A job for Sam' }).getByRole('button', { name: 'Archive' }).click()
    await page.getByText('Archived (1)').waitFor()

    const tables = ['prayerLists', 'requests', 'entries', 'prayed'] as const
    const before = Object.fromEntries(await Promise.all(tables.map(async table => [table, await allRows(page, table)] as const)))
    expect(before.prayerLists).toHaveLength(2)
    expect(before.requests).toHaveLength(4)

    await go(page, 'Settings', 'Settings')
    const backup = await download(page, 'Download backup', dir)
    await page.getByRole('status').filter({ hasText: /4 requests in 2 lists/ }).waitFor()

    // A fresh profile: everything comes back exactly, row for row.
    const { page: fresh } = await launch()
    await openControlled(fresh)
    await go(fresh, 'Settings', 'Settings')
    await fresh.getByLabel('Choose a backup file').setInputFiles(backup.path)
    await fresh.getByRole('button', { name: 'Restore backup' }).click()
    await fresh.getByRole('status').filter({ hasText: /^Restored\./ }).waitFor()
    for (const table of tables) expect(await allRows(fresh, table), table).toEqual(before[table])
    await go(fresh, 'My prayers', 'My prayers')
    // allInnerTexts does not wait: the cards' arrival says the lists have drawn.
    await fresh.getByRole('article', { name: 'Healing for Aunt Miriam' }).waitFor()
    expect(await fresh.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Family', 'Church'])
    await fresh.getByRole('article', { name: 'Wisdom for the youth leaders' }).getByRole('link', { name: /See the whole thread/ }).click()
    await heading(fresh, 'Wisdom for the youth leaders')
    await fresh.getByText('Fourteen signed up.').waitFor()

    // Another device with a Family list of its own: merging keeps both, the incoming one renamed.
    const { page: other } = await launch()
    await openControlled(other)
    await go(other, 'My prayers', 'My prayers')
    await addRequest(other, 'Grandad’s hip', { named: 'Family' })
    await go(other, 'Settings', 'Settings')
    await other.getByLabel('Choose a backup file').setInputFiles(backup.path)
    await other.getByRole('button', { name: 'Restore backup' }).click()
    await other.getByRole('status').filter({ hasText: /^Restored\./ }).waitFor()
    await go(other, 'My prayers', 'My prayers')
    await other.getByRole('article', { name: 'Healing for Aunt Miriam' }).waitFor()
    expect(await other.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Family', 'Church', 'Family (2)'])
  }, 120_000)

  it('refuses a truncated backup with the reason in an alert, and leaves the journal as it was', async () => {
    const { page } = await launch()
    await openControlled(page)
    await openUkraine(page)
    await writeEntryAndAnswer(page, 1, { entry, answer })
    await go(page, 'Settings', 'Settings')
    const backup = await download(page, 'Download backup', dir)
    expect(backup.name).toMatch(/^selah-backup-\d{4}-\d{2}-\d{2}\.selah$/)
    // gzip: a compressed file, not one giant string.
    expect([...backup.bytes.subarray(0, 2)]).toEqual([0x1f, 0x8b])

    // The same backup cut off part way, as an interrupted copy would leave it: its header is
    // whole, so only reading all of it, on restoring, finds the end missing.
    const cut = backup.bytes.subarray(0, Math.floor(backup.bytes.length * 0.6))
    await page.getByLabel('Choose a backup file').setInputFiles({ name: 'selah-backup-cut.selah', mimeType: 'application/gzip', buffer: cut })
    await page.getByRole('radio', { name: 'Replace everything on this device' }).check()
    await page.getByRole('button', { name: 'Restore backup' }).click()
    await page.getByRole('button', { name: 'Replace everything' }).click()
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toBe('This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.')

    await go(page, 'Journal', 'Journal')
    await written(page).first().waitFor()
    expect(await written(page).allInnerTexts()).toEqual([entry])
  })

  it('restores an old backup file over 50 MB, then backs that journal up and restores it in a fresh profile', { timeout: 180_000 }, async () => {
    // As the old app wrote it for a long-kept journal: one JSON document, larger than the old limit.
    const entries = longEntries(300, 180_000)
    const old = JSON.stringify({
      app: 'selah', kind: 'backup', formatVersion: 1, exportedAt: '2025-11-22T10:00:00.000Z', schemaVersion: 2,
      data: { briefings: [briefing], entries, answers: [], prayed: [], settings: {} },
    }, null, 2)
    expect(old.length).toBeGreaterThan(50 * 1024 * 1024)
    const oldPath = join(dir, 'selah-backup-2025-11-22.json')
    await writeFile(oldPath, old)

    const { page } = await launch()
    await page.goto('/settings')
    await page.getByLabel('Choose a backup file').setInputFiles(oldPath)
    await page.getByText(/^Backup made on .+ with 300 journal entries/).waitFor({ timeout: 60_000 })
    await page.getByRole('button', { name: 'Restore backup' }).click()
    await page.getByRole('status').filter({ hasText: /^Restored\. Added 300 journal entries and 1 briefing\./ }).waitFor({ timeout: 120_000 })
    expect(await countRows(page, 'entries')).toBe(300)

    const backup = await download(page, 'Download backup', dir)
    expect(backup.bytes.length).toBeLessThan(old.length / 10)
    const { page: fresh } = await launch()
    await fresh.goto('/settings')
    await fresh.getByLabel('Choose a backup file').setInputFiles(backup.path)
    await fresh.getByText(/with 300 journal entries/).waitFor()
    await fresh.getByRole('button', { name: 'Restore backup' }).click()
    await fresh.getByRole('status').filter({ hasText: /^Restored\. Added 300 journal entries and 1 briefing\./ }).waitFor({ timeout: 120_000 })
    expect(await countRows(fresh, 'entries')).toBe(300)
  })

  it('shows its progress, and a tab closed in the middle of a restore leaves the old journal whole', { timeout: 180_000 }, async () => {
    const entries = longEntries(30_000, 200)
    const lines = [
      { app: 'selah', kind: 'backup', formatVersion: 2, exportedAt: '2025-11-22T10:00:00.000Z', schemaVersion: 3, counts: { briefings: 1, entries: entries.length, answers: 0, prayed: 0 }, settings: {} },
      { table: 'briefings', record: briefing },
      ...entries.map(record => ({ table: 'entries', record })),
    ]
    const path = join(dir, 'selah-backup-2025-11-22.selah')
    await writeFile(path, gzipSync(lines.map(line => `${JSON.stringify(line)}\n`).join('')))

    const { context, page } = await launch()
    await openControlled(page)
    await openUkraine(page)
    await writeEntryAndAnswer(page, 1, { entry, answer })
    await go(page, 'Settings', 'Settings')
    await page.getByLabel('Choose a backup file').setInputFiles(path)
    await page.getByRole('radio', { name: 'Replace everything on this device' }).check()
    await page.getByRole('button', { name: 'Restore backup' }).click()
    await page.getByRole('button', { name: 'Replace everything' }).click()
    // Checked first, then written, with a labelled bar for each; the page keeps answering meanwhile.
    const bar = (name: string) => page.getByRole('progressbar', { name })
    await bar('Checking the backup').or(bar('Restoring')).first().waitFor()
    await bar('Restoring').waitFor({ timeout: 60_000 })
    expect(await page.evaluate(() => new Promise<number>(resolve => setTimeout(() => resolve(1), 0)))).toBe(1)
    await page.close()

    const again = await context.newPage()
    await again.goto('/journal')
    await heading(again, 'Journal')
    expect(await countRows(again, 'entries')).toBe(1)
    await written(again).first().waitFor()
    expect(await written(again).allInnerTexts()).toEqual([entry])
    expect(await countRows(again, 'answers')).toBe(1)
  })
})
