import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
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
  return { name: file.suggestedFilename(), path, text: await readFile(path, 'utf8') }
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
    expect(backup.name).toMatch(/^selah-backup-\d{4}-\d{2}-\d{2}-encrypted\.json$/)
    expect(backup.text).not.toContain('Kyiv')
    expect(JSON.parse(backup.text)).toMatchObject({ app: 'selah', kind: 'encrypted-backup' })
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
    expect(await fresh.getByRole('main').locator('.text').innerText()).toBe(entry)
    await go(fresh, 'Answered', 'Answered prayers')
    await fresh.getByRole('main').getByText(answer).waitFor()
    await go(fresh, 'Briefings', 'Briefings')
    await openUkraine(fresh)
    await pointer(fresh, 1).getByText(/Prayed 1 time,/).waitFor()
  })

  it('refuses a truncated backup with the reason in an alert, and leaves the journal as it was', async () => {
    const { page } = await launch()
    await openControlled(page)
    await openUkraine(page)
    await writeEntryAndAnswer(page, 1, { entry, answer })
    await go(page, 'Settings', 'Settings')
    const backup = await download(page, 'Download backup', dir)
    expect(backup.name).toMatch(/^selah-backup-\d{4}-\d{2}-\d{2}\.json$/)

    // The same backup cut off part way, as an interrupted copy would leave it.
    const cut = backup.text.slice(0, Math.floor(backup.text.length * 0.6))
    await page.getByLabel('Choose a backup file').setInputFiles({ name: 'selah-backup-cut.json', mimeType: 'application/json', buffer: Buffer.from(cut) })
    const alert = page.getByRole('alert')
    await alert.waitFor()
    expect(await alert.innerText()).toBe('This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.')
    expect(await page.getByRole('button', { name: 'Restore backup' }).count()).toBe(0)

    await go(page, 'Journal', 'Journal')
    const texts = page.getByRole('main').locator('.text')
    await texts.first().waitFor()
    expect(await texts.allInnerTexts()).toEqual([entry])
  })
})
