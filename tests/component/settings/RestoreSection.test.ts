import { mount, type VueWrapper } from '@vue/test-utils'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { exportBackup } from '~/backup/export'
import { restoreBackup } from '~/backup/import'
import RestoreSection from '~/components/settings/RestoreSection.vue'
import { db } from '~/db'
import { editEntry, restoreEntry } from '~/db/entries'
import { button, field, hasButton, seedBriefing, until, useComponentTestSetup } from '../helpers'
import { chooseFile, seedWriting } from './support'

// The real restore, watched, so a test can tell whether a press started one and wait for it to end.
vi.mock('~/backup/import', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/backup/import')>()
  return { ...real, restoreBackup: vi.fn(real.restoreBackup) }
})

useComponentTestSetup()
beforeEach(() => { vi.mocked(restoreBackup).mockClear() })

/** Waits for every restore started so far to end, however it ended. */
async function restoresSettled() {
  await Promise.allSettled(vi.mocked(restoreBackup).mock.results.map(result => result.value))
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
  const { text } = await exportBackup({ passphrase })
  await Promise.all([db.briefings.clear(), db.entries.clear(), db.answers.clear(), db.prayed.clear()])
  return { ...seeded, text }
}

async function choose(wrapper: VueWrapper, text: string, name = 'selah-backup-2026-11-26.json') {
  chooseFile(field(wrapper, 'Choose a backup file').element, new File([text], name, { type: 'application/json' }))
  await until(() => expect(wrapper.find('.summary').exists() || wrapper.find('[role="alert"]').exists()).toBe(true))
}

function radio(wrapper: VueWrapper, name: string) {
  const label = wrapper.findAll('label.choice').find(l => l.text() === name)
  expect(label, `a radio labelled "${name}"`).toBeTruthy()
  return label!.get('input')
}

describe('RestoreSection', () => {
  it('summarises the chosen backup, adds it by default and says what it added', async () => {
    const { text, entry, answer } = await backupThenWipe()
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    expect(wrapper.get('h2').text()).toBe('Restore from a backup')
    await choose(wrapper, text)
    expect(wrapper.get('.summary').text()).toMatch(/^Backup made on .+ with 1 journal entry, 1 answered prayer, 1 prayed record and 1 briefing\.$/)
    expect((radio(wrapper, 'Add to what is on this device').element as HTMLInputElement).checked).toBe(true)

    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).toBe('Restored. Added 1 journal entry, 1 answered prayer, 1 prayed record and 1 briefing.'))
    expect(await db.entries.toArray()).toEqual([entry])
    expect(await db.answers.toArray()).toEqual([answer])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)
  })

  it('asks for the passphrase of a locked backup, refuses a wrong one, and restores with the right one', async () => {
    const { text, entry } = await backupThenWipe('ten thousand reasons')
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, text)
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
    const { text, entry } = await backupThenWipe()
    const local = await seedWriting({ entry: 'Only on this device.', answer: 'x' })
    const before = await dump()
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, text)
    await radio(wrapper, 'Replace everything on this device').setValue(true)
    await button(wrapper, 'Restore backup').trigger('submit')
    // Focus on Cancel is the press's last step: once it is there, the press has done all it will do.
    await until(() => expect(document.activeElement?.textContent).toBe('Cancel'))
    expect(wrapper.get('.confirm').text()).toMatch(/cannot be undone/)
    await restoresSettled()
    expect(restoreBackup).not.toHaveBeenCalled()
    expect(await dump()).toEqual(before)

    await button(wrapper, 'Cancel').trigger('click')
    expect(hasButton(wrapper, 'Replace everything')).toBe(false)
    await button(wrapper, 'Restore backup').trigger('submit')
    await button(wrapper, 'Replace everything').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).toMatch(/^Restored\. This device now holds what the backup held/))
    expect(restoreBackup).toHaveBeenCalledOnce()
    expect(await db.entries.toArray()).toEqual([entry])
    expect(await db.entries.get(local.entry.id)).toBeUndefined()
  })

  it('merging keeps the newer words on this device', async () => {
    const { text, entry } = await backupThenWipe()
    await seedBriefing()
    await restoreEntry(entry)
    const edited = await editEntry(entry.id, 'Changed after the backup.')
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, text)
    await button(wrapper, 'Restore backup').trigger('submit')
    await until(() => expect(wrapper.get('[role="status"]').text()).not.toBe(''))
    expect(await db.entries.get(entry.id)).toEqual(edited)
  })

  it('refuses a truncated backup in plain words in an alert, and changes nothing', async () => {
    const { text } = await backupThenWipe()
    await seedWriting({ entry: 'Already on this device.', answer: 'Yes.' })
    const before = await dump()
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, text.slice(0, Math.floor(text.length / 2)))
    expect(wrapper.get('[role="alert"]').text()).toBe('This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.')
    expect(hasButton(wrapper, 'Restore backup')).toBe(false)
    expect(await dump()).toEqual(before)
  })

  it('refuses a file from another app, and a file too large to be a backup, before reading it', async () => {
    const wrapper = mount(RestoreSection, { attachTo: document.body })
    await choose(wrapper, JSON.stringify({ app: 'other', items: [] }), 'notes.json')
    expect(wrapper.get('[role="alert"]').text()).toBe('This file is not a Selah backup. Nothing was changed.')

    const huge = new File(['{}'], 'huge.json')
    Object.defineProperty(huge, 'size', { value: 60 * 1024 * 1024 })
    const read = vi.spyOn(huge, 'text')
    chooseFile(field(wrapper, 'Choose a backup file').element, huge)
    // The refusal is the choice's last step: by then the file was read, or never will be.
    await until(() => expect(wrapper.get('[role="alert"]').text()).toMatch(/too large/))
    expect(read).not.toHaveBeenCalled()
    expect(restoreBackup).not.toHaveBeenCalled()
    expect(await db.entries.count()).toBe(0)
  })
})
