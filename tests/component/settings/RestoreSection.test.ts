import { mount, type VueWrapper } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { exportBackup } from '~/backup/export'
import { restoreBackupFile } from '~/backup/restore'
import RestoreSection from '~/components/settings/RestoreSection.vue'
import { db } from '~/db'
import { editEntry, restoreEntry } from '~/db/entries'
import { addRequest, archiveRequest } from '~/db/requests'
import { button, field, hasButton, seedBriefing, until, useComponentTestSetup } from '../helpers'
import { chooseFile, seedWriting } from './support'

// The real restore, watched, so a test can tell whether a press started one and wait for it to end.
vi.mock('~/backup/restore', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/backup/restore')>()
  return { ...real, restoreBackupFile: vi.fn(real.restoreBackupFile) }
})

useComponentTestSetup()
beforeEach(() => { vi.mocked(restoreBackupFile).mockClear() })

/** Waits for every restore started so far to end, however it ended. */
async function restoresSettled() {
  await Promise.allSettled(vi.mocked(restoreBackupFile).mock.results.map(result => result.value))
}

/** Every row of every table the backup covers, to prove a refusal changed nothing. */
async function dump() {
  return {
    briefings: await db.briefings.toArray(),
    entries: await db.entries.toArray(),
    answers: await db.answers.toArray(),
    prayed: await db.prayed.toArray(),
  }
}

/** A backup of realistic writing, then an empty device. */
async function backupThenWipe(passphrase?: string) {
  const seeded = await seedWriting()
  const { file } = await exportBackup({ passphrase })
  await Promise.all([db.briefings.clear(), db.entries.clear(), db.answers.clear(), db.prayed.clear()])
  return { ...seeded, file }
}

async function choose(wrapper: VueWrapper, content: Blob | string, name = 'selah-backup-2026-11-26.selah') {
  chooseFile(field(wrapper, 'Choose a backup file').element, new File([content], name))
  await until(() => expect(wrapper.find('.summary').exists() || wrapper.find('[role="alert"]').exists()).toBe(true))
}

function radio(wrapper: VueWrapper, name: string) {
  const label = wrapper.findAll('label.choice').find(l => l.text() === name)
  expect(label, `a radio labelled "${name}"`).toBeTruthy()
  return label!.get('input')
}

describe('RestoreSection', () => {
  it('summarises the chosen backup, adds it by default and says what it added', async () => {
    const { file, entry, answer } = await backupThenWipe()
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    expect(wrapper.get('h2').text()).toBe('Restore from a backup')
    await choose(wrapper, file)
    expect(wrapper.get('.summary').text()).toMatch(/^Backup made on .+ with 1 journal entry, 1 answered prayer, 1 prayed record and 1 briefing\.$/)
    expect((radio(wrapper, 'Add to what is on this device').element as HTMLInputElement).checked).toBe(true)

    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).toBe('Restored. Added 1 journal entry, 1 answered prayer, 1 prayed record and 1 briefing.'))
    expect(await db.entries.toArray()).toEqual([entry])
    expect(await db.answers.toArray()).toEqual([answer])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('names the person\'s own requests when the backup holds some, and brings them back', async () => {
    await seedWriting()
    const words = (text: string) => ({ text, notes: '', scripture: null })
    const first = await addRequest(words('Healing for Aunt Miriam'), null, 'Family')
    await addRequest(words('A job for Sam'), first.listId)
    const church = await addRequest(words('The youth weekend'), null, 'Church')
    await archiveRequest(church.id)
    const before = { lists: await db.prayerLists.toArray(), requests: await db.requests.toArray() }
    const { file } = await exportBackup()
    await Promise.all([db.briefings, db.prayerLists, db.requests, db.entries, db.answers, db.prayed].map(table => table.clear()))

    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, file)
    expect(wrapper.get('.summary').text()).toMatch(/^Backup made on .+ with 1 journal entry, 1 answered prayer, 1 prayed record, 3 requests in 2 lists and 1 briefing\.$/)
    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).toBe('Restored. Added 1 journal entry, 1 answered prayer, 1 prayed record, 3 requests in 2 lists and 1 briefing.'))
    expect({ lists: await db.prayerLists.toArray(), requests: await db.requests.toArray() }).toEqual(before)
  })

  it('asks for the passphrase of a locked backup, refuses a wrong one, and restores with the right one', async () => {
    const { file, entry } = await backupThenWipe('ten thousand reasons')
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, file)
    expect(wrapper.get('.summary').text()).toBe('This backup is protected with a passphrase.')

    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/Enter the passphrase.*Nothing was changed\.$/))

    await field(wrapper, 'Backup passphrase').setValue('ten thousand reason')
    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/passphrase does not open this backup.*Nothing was changed\.$/))
    expect(await db.entries.count()).toBe(0)

    await field(wrapper, 'Backup passphrase').setValue('ten thousand reasons')
    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).toMatch(/^Restored\. Added 1 journal entry/))
    expect(await db.entries.toArray()).toEqual([entry])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  }, 20_000)

  it('replaces everything only after a second, explicit confirmation', async () => {
    const { file, entry } = await backupThenWipe()
    const local = await seedWriting({ entry: 'Only on this device.', answer: 'x' })
    const before = await dump()
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, file)
    await radio(wrapper, 'Replace everything on this device').setValue(true)
    await button(wrapper, 'Restore backup').trigger('submit')
    // Focus on Cancel is the press's last step: once it is there, the press has done all it will do.
    await until(() => expect(document.activeElement?.textContent).toBe('Cancel'))
    expect(wrapper.get('.confirm').text()).toMatch(/cannot be undone/)
    await restoresSettled()
    expect(restoreBackupFile).not.toHaveBeenCalled()
    expect(await dump()).toEqual(before)

    await button(wrapper, 'Cancel').trigger('click')
    expect(hasButton(wrapper, 'Replace everything')).toBe(false)
    await button(wrapper, 'Restore backup').trigger('submit')
    await button(wrapper, 'Replace everything').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).toMatch(/^Restored\. This device now holds what the backup held/))
    expect(restoreBackupFile).toHaveBeenCalledOnce()
    expect(await db.entries.toArray()).toEqual([entry])
    expect(await db.entries.get(local.entry.id)).toBeUndefined()
  })

  it('merging keeps the newer words on this device', async () => {
    const { file, entry } = await backupThenWipe()
    await seedBriefing()
    await restoreEntry(entry)
    const edited = await editEntry(entry.id, 'Changed after the backup.')
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, file)
    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).not.toBe(''))
    expect(await db.entries.get(entry.id)).toEqual(edited)
  })

  it('refuses a truncated backup in plain words in an alert, and changes nothing', async () => {
    const { file } = await backupThenWipe()
    await seedWriting({ entry: 'Already on this device.', answer: 'Yes.' })
    const before = await dump()
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    // Cut off inside its compressed data: only restoring it, which reads it all, can tell.
    await choose(wrapper, file.slice(0, Math.floor(file.size * 0.8)))
    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.find('[role="alert"]').exists()).toBe(true))
    expect(wrapper.get('[role="alert"]').text()).toBe('This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.')
    expect(await dump()).toEqual(before)
  })

  it('refuses a cut-off old (version 1) backup as soon as it is chosen', async () => {
    const text = JSON.stringify({ app: 'selah', kind: 'backup', formatVersion: 1, exportedAt: '2025-11-22T10:00:00.000Z', schemaVersion: 2, data: { briefings: [], entries: [], answers: [], prayed: [], settings: {} } })
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, text.slice(0, 60), 'selah-backup-2025-11-22.json')
    expect(wrapper.get('[role="alert"]').text()).toBe('This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.')
    expect(hasButton(wrapper, 'Restore backup')).toBe(false)
  })

  it('shows its progress in a labelled progress bar, checking first, then restoring', async () => {
    const { file } = await backupThenWipe()
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, file)
    const steps: (() => void)[] = []
    const step = () => new Promise<void>((resolve) => { steps.push(resolve) })
    vi.mocked(restoreBackupFile).mockImplementationOnce(async (_file, options) => {
      options.onProgress?.({ phase: 'checking', done: 1000, total: 4000 })
      await step()
      options.onProgress?.({ phase: 'restoring', done: 3000, total: 4000 })
      await step()
      return { added: { briefings: 1, prayerLists: 0, requests: 0, entries: 1, answers: 1, prayed: 1 }, updated: { briefings: 0, prayerLists: 0, requests: 0, entries: 0, answers: 0, prayed: 0 }, unchanged: 0 }
    })
    await button(wrapper, 'Restore backup').trigger('submit')
    const label = () => wrapper.get(`label[for="${wrapper.get('progress').attributes('id')}"]`).text()
    await until(() => expect(wrapper.find('progress').exists()).toBe(true))
    expect(label()).toBe('Checking the backup')
    expect(wrapper.text()).toContain('1,000 of 4,000 records')
    expect(field(wrapper, 'Choose a backup file').attributes('disabled')).toBeDefined()
    steps.shift()!()
    await until(() => expect(label()).toBe('Restoring'))
    expect((wrapper.get('progress').element as HTMLProgressElement).value).toBe(3000)
    steps.shift()!()
    await until(() => expect(wrapper.get('[role="status"]').text()).toMatch(/^Restored\./))
    expect(wrapper.find('progress').exists()).toBe(false)
  })

  it('refuses a file from another app, and a file too large to be a backup, before reading it', async () => {
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, JSON.stringify({ app: 'other', items: [] }), 'notes.json')
    expect(wrapper.get('[role="alert"]').text()).toBe('This file is not a Selah backup. Nothing was changed.')

    const huge = new File(['{}'], 'huge.selah')
    Object.defineProperty(huge, 'size', { value: 3 * 1024 ** 3 })
    const read = vi.spyOn(huge, 'slice')
    chooseFile(field(wrapper, 'Choose a backup file').element, huge)
    // The refusal is the choice's last step: by then the file was read, or never will be.
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/too large/))
    expect(read).not.toHaveBeenCalled()
    expect(restoreBackupFile).not.toHaveBeenCalled()
    expect(await db.entries.count()).toBe(0)
  })
})
