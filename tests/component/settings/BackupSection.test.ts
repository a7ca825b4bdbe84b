import { flushPromises, mount } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { exportBackup } from '~/backup/export'
import { restoreBackupFile } from '~/backup/restore'
import BackupSection from '~/components/settings/BackupSection.vue'
import { db } from '~/db'
import { getSetting } from '~/db/settings'
import { button, field, until, useComponentTestSetup } from '../helpers'
import { seedWriting, useDownloads } from './support'

// The real export, watched, so a test can tell whether a press started one and wait for it to end.
vi.mock('~/backup/export', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/backup/export')>()
  return { ...real, exportBackup: vi.fn(real.exportBackup) }
})

useComponentTestSetup()
const downloads = useDownloads()
beforeEach(() => { vi.mocked(exportBackup).mockClear() })

/** Restores a downloaded file onto an empty journal, as the new device would. */
async function restoredFrom(file: Blob, passphrase?: string) {
  await Promise.all([db.briefings.clear(), db.entries.clear(), db.answers.clear(), db.prayed.clear()])
  return restoreBackupFile(file, { mode: 'merge', passphrase })
}

async function mountSection() {
  const wrapper = mount(BackupSection, { attachTo: document.body })
  await until(() => expect(wrapper.text()).toMatch(/Last backup|No backup made/))
  return wrapper
}

describe('BackupSection', () => {
  it('nudges while nothing is backed up, downloads a backup of every record, then shows when it was made', async () => {
    const { entry, answer } = await seedWriting()
    const wrapper = await mountSection()
    expect(wrapper.get('h2').text()).toBe('Back up your journal')
    expect(wrapper.text()).toContain('No backup made on this device yet')
    expect(wrapper.find('.backup-nudge').exists()).toBe(true)

    await button(wrapper, 'Download backup').trigger('submit')
    await until(() => expect(downloads).toHaveLength(1))
    const [file] = downloads
    expect(file!.fileName).toMatch(/^selah-backup-\d{4}-\d{2}-\d{2}\.selah$/)
    expect(file!.type).toBe('application/gzip')
    await restoredFrom(file!.file)
    expect(await db.entries.toArray()).toEqual([entry])
    expect(await db.answers.toArray()).toEqual([answer])
    expect(await db.prayed.count()).toBe(1)

    const status = wrapper.get('[role="status"]')
    expect(status.text()).toBe(`Saved ${file!.fileName} with 1 journal entry, 1 answered prayer, 1 prayed record and 1 briefing. Keep it somewhere other than this device.`)
    const lastBackupAt = await getSetting('lastBackupAt')
    expect(lastBackupAt).not.toBe('')
    await until(() => expect(wrapper.get('.last time').attributes('datetime')).toBe(lastBackupAt))
    expect(wrapper.text()).toContain('Last backup:')
    expect(wrapper.find('.backup-nudge').exists()).toBe(false)
  })

  it('refuses two different passphrases and downloads nothing', async () => {
    await seedWriting()
    const wrapper = await mountSection()
    await field(wrapper, 'Passphrase (optional)').setValue('mustard seed')
    await field(wrapper, 'Confirm passphrase').setValue('mustard sead')
    await button(wrapper, 'Download backup').trigger('submit')
    // The refusal is the press's last step: once it shows, the press has done all it will do.
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/passphrases are not the same/))
    // Count only after any export it started anyway has ended and handed its file over.
    await Promise.allSettled(vi.mocked(exportBackup).mock.results.map(result => result.value))
    await flushPromises()
    expect(exportBackup).not.toHaveBeenCalled()
    expect(downloads).toHaveLength(0)
    expect(await getSetting('lastBackupAt')).toBe('')
    expect(wrapper.get('[role="status"]').text()).toBe('')
  })

  it('warns that a forgotten passphrase cannot be recovered, and locks the file with it', async () => {
    const { entry } = await seedWriting()
    const wrapper = await mountSection()
    const pass = field(wrapper, 'Passphrase (optional)')
    expect(wrapper.get(`[id="${pass.attributes('aria-describedby')}"]`).text()).toMatch(/forget the passphrase.*cannot be opened/)
    await pass.setValue('mustard seed')
    await field(wrapper, 'Confirm passphrase').setValue('mustard seed')
    await button(wrapper, 'Download backup').trigger('submit')
    await until(() => expect(downloads).toHaveLength(1))
    expect(downloads[0]!.fileName).toMatch(/-encrypted\.selah$/)
    expect(downloads[0]!.text).not.toContain(entry.text.slice(0, 8))
    await expect(restoredFrom(downloads[0]!.file)).rejects.toMatchObject({ code: 'needs-passphrase' })
    await restoredFrom(downloads[0]!.file, 'mustard seed')
    expect(await db.entries.toArray()).toEqual([entry])
  }, 20_000)

  it('shows its progress in a labelled progress bar while it works', async () => {
    await seedWriting()
    const wrapper = await mountSection()
    let resolve!: () => void
    const held = new Promise<void>((done) => { resolve = done })
    vi.mocked(exportBackup).mockImplementationOnce(async (options) => {
      options?.onProgress?.({ phase: 'exporting', done: 2000, total: 5000 })
      await held
      return { fileName: 'selah-backup-2026-11-26.selah', file: new Blob(['x']), counts: { briefings: 1, prayerLists: 0, requests: 0, entries: 1, answers: 0, prayed: 0 } }
    })
    await button(wrapper, 'Download backup').trigger('submit')
    await until(() => expect(wrapper.find('progress').exists()).toBe(true))
    const bar = wrapper.get('progress')
    expect(wrapper.get(`label[for="${bar.attributes('id')}"]`).text()).toBe('Preparing the backup')
    expect((bar.element as HTMLProgressElement).value).toBe(2000)
    expect((bar.element as HTMLProgressElement).max).toBe(5000)
    expect(wrapper.text()).toContain('2,000 of 5,000 records')
    expect(button(wrapper, 'Download backup').attributes('disabled')).toBeDefined()
    resolve()
    await until(() => expect(wrapper.find('progress').exists()).toBe(false))
    await until(() => expect(downloads).toHaveLength(1))
  })

  it('stores the reminder chosen, and Never stops the nudge', async () => {
    await seedWriting()
    const wrapper = await mountSection()
    const select = field(wrapper, 'Remind me to back up')
    expect(select.findAll('option').map(o => o.text())).toEqual(['Every week', 'Every month', 'Never'])
    expect((select.element as HTMLSelectElement).value).toBe('30')
    await select.setValue('7')
    await until(async () => expect(await getSetting('backupReminderDays')).toBe(7))
    expect(wrapper.find('.backup-nudge').exists()).toBe(true)
    await select.setValue('0')
    await until(async () => expect(await getSetting('backupReminderDays')).toBe(0))
    await until(() => expect(wrapper.find('.backup-nudge').exists()).toBe(false))
    expect((select.element as HTMLSelectElement).value).toBe('0')
  })
})
