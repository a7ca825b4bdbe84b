import { mount } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter } from 'vue-router'
import BackupNudge from '~/components/journal/BackupNudge.vue'
import { isBackupStale, readBackupReminder, useBackupReminder } from '~/composables/useBackupReminder'
import { editEntry } from '~/db/entries'
import { setSetting } from '~/db/settings'
import { routes } from '~/router'
import { until, useComponentTestSetup } from '../helpers'
import { seedWriting } from './support'

useComponentTestSetup()

const DAY = 24 * 60 * 60 * 1000
const now = Date.parse('2026-11-26T12:00:00Z')
const daysAgo = (days: number) => new Date(now - days * DAY).toISOString()

describe('isBackupStale', () => {
  const facts = { lastBackupAt: '', reminderDays: 30, hasWriting: true, changedSinceBackup: true }
  it('is due when there is writing and no backup yet, unless reminders are off', () => {
    expect(isBackupStale(facts, now)).toBe(true)
    expect(isBackupStale({ ...facts, hasWriting: false, changedSinceBackup: false }, now)).toBe(false)
    expect(isBackupStale({ ...facts, reminderDays: 0 }, now)).toBe(false)
  })
  it('is due once the backup is older than the reminder and something changed since', () => {
    expect(isBackupStale({ ...facts, lastBackupAt: daysAgo(31) }, now)).toBe(true)
    expect(isBackupStale({ ...facts, lastBackupAt: daysAgo(29) }, now)).toBe(false)
    expect(isBackupStale({ ...facts, lastBackupAt: daysAgo(31), changedSinceBackup: false }, now)).toBe(false)
    expect(isBackupStale({ ...facts, lastBackupAt: daysAgo(8), reminderDays: 7 }, now)).toBe(true)
  })
})

describe('readBackupReminder', () => {
  it('reads the facts from the database: writing, last backup, changes since', async () => {
    expect((await readBackupReminder()).stale).toBe(false)
    const { entry } = await seedWriting()
    expect(await readBackupReminder()).toEqual({ lastBackupAt: '', reminderDays: 30, stale: true })

    // A backup made 40 days from now, i.e. long after every record: nothing changed since.
    const later = Date.now() + 40 * DAY
    await setSetting('lastBackupAt', new Date(Date.now() + DAY).toISOString())
    expect((await readBackupReminder(later)).stale).toBe(false)
    // An entry edited after the backup makes it due again.
    await setSetting('lastBackupAt', new Date(Date.now() - 1000).toISOString())
    await editEntry(entry.id, 'Edited after the backup.')
    expect((await readBackupReminder(later)).stale).toBe(true)
  })
})

describe('BackupNudge', () => {
  async function mountNudge() {
    const router = createRouter({ history: createMemoryHistory(), routes })
    // As the Journal view does: it reads the reminder and hands it over.
    const JournalLike = { setup() {
      const { data } = useBackupReminder()
      return () => h(BackupNudge, { reminder: data.value })
    } }
    return mount(JournalLike, { global: { plugins: [router] }, attachTo: document.body })
  }

  it('shows one gentle line with a link to Settings when a backup is due, and hides once reminders are off', async () => {
    const wrapper = await mountNudge()
    await until(() => expect(wrapper.find('p').exists()).toBe(false))
    await seedWriting()
    await until(() => expect(wrapper.find('p').exists()).toBe(true))
    expect(wrapper.get('p').text()).toBe('Your journal is kept only on this device. Back up your journal')
    expect(wrapper.get('a').attributes('href')).toBe('/settings')
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)

    await setSetting('backupReminderDays', 0)
    await until(() => expect(wrapper.find('p').exists()).toBe(false))
  })
})
