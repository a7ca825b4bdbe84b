import type { DBCore, Middleware } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { getSetting } from '~/db/settings'
import { createBackup, exportBackup } from '~/backup/export'
import { importBackup, inspectBackup, readBackup } from '~/backup/import'
import { BackupError } from '~/backup/errors'
import { useFreshDatabase } from '../db/helpers'
import { dumpDatabase, fillDatabase, sampleData } from './fixtures'

// 600,000 PBKDF2 rounds per key: on a busy machine that must not hit the default 5 s limit.
const SLOW = { timeout: 60_000 }

useFreshDatabase()

const NOW = '2026-11-26T13:40:00.000Z'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(NOW))
})
afterEach(() => vi.useRealTimers())

/** Wipes the device as a new phone would be: nothing at all. */
async function wipe() {
  await db.delete()
  await db.open()
}

async function journalTables() {
  return db.transaction('r', [db.briefings, db.entries, db.answers, db.prayed], async () => ({
    briefings: await db.briefings.toArray(),
    entries: await db.entries.toArray(),
    answers: await db.answers.toArray(),
    prayed: await db.prayed.toArray(),
  }))
}

describe('createBackup', () => {
  it('holds every journal record and the reminder, but no drafts or device facts', async () => {
    const data = await fillDatabase()
    const file = await createBackup()
    expect(file).toEqual({
      app: 'selah', kind: 'backup', formatVersion: 1, exportedAt: NOW, schemaVersion: 2,
      data: { ...data, settings: { backupReminderDays: 7 } },
    })
    const text = JSON.stringify(file)
    expect(text).not.toContain('half a thought')
    expect(text).not.toContain('persistence')
    expect(text).not.toContain('lastBackupAt')
  })

  it('leaves the reminder out when this device never chose one', async () => {
    expect((await createBackup()).data.settings).toEqual({})
  })
})

describe('export, wipe, import', SLOW, () => {
  for (const mode of ['merge', 'replace'] as const) {
    it(`brings back every record field by field (${mode})`, async () => {
      await fillDatabase()
      const before = await journalTables()
      const { text, counts, fileName } = await exportBackup({})
      expect(fileName).toBe('selah-backup-2026-11-26.json')
      expect(counts).toEqual({ briefings: 3, entries: 4, answers: 2, prayed: 3 })

      await wipe()
      const file = await readBackup(text)
      const summary = await importBackup(file, mode)

      expect(summary).toEqual({ added: counts, updated: { briefings: 0, entries: 0, answers: 0, prayed: 0 }, unchanged: 0 })
      const after = await journalTables()
      for (const table of ['briefings', 'entries', 'answers', 'prayed'] as const) {
        expect(after[table]).toHaveLength(before[table].length)
        after[table].forEach((row, i) => {
          const original = before[table][i] as unknown as Record<string, unknown>
          for (const [field, value] of Object.entries(original)) expect((row as unknown as Record<string, unknown>)[field], `${table}[${i}].${field}`).toEqual(value)
          expect(Object.keys(row).sort()).toEqual(Object.keys(original).sort())
        })
      }
      expect(await db.drafts.count()).toBe(0)
    })
  }

  it('records the time of the backup on this device', async () => {
    await fillDatabase()
    expect(await getSetting('lastBackupAt')).toBe('')
    await exportBackup({})
    expect(await getSetting('lastBackupAt')).toBe(NOW)
  })

  it('inspectBackup summarises a plain backup from its text alone, before anything is restored', async () => {
    await fillDatabase()
    const { text } = await exportBackup({})
    // Synchronous: it cannot read or write the database, so the summary comes from the file alone.
    const inspected = inspectBackup(text)
    expect(inspected).not.toBeInstanceOf(Promise)
    expect(inspected.encrypted).toBe(false)
    expect(inspected.exportedAt).toBe(NOW)
    expect(inspected.counts).toEqual({ briefings: 3, entries: 4, answers: 2, prayed: 3 })
    expect(inspected.file?.data.entries[0]?.text).toBe(sampleData().entries[0]!.text)
  })
})

describe('an encrypted backup', SLOW, () => {
  it('round trips with the passphrase and hides every word without it', async () => {
    await fillDatabase()
    const before = await journalTables()
    const { text, fileName } = await exportBackup({ passphrase: 'correct horse battery staple ✝' })
    expect(fileName).toBe('selah-backup-2026-11-26-encrypted.json')
    for (const words of ['Kyiv', 'Lviv', 'Peace in Ukraine', 'nurses', 'mayor']) expect(text).not.toContain(words)
    expect(inspectBackup(text)).toEqual({ encrypted: true })

    await wipe()
    await importBackup(await readBackup(text, 'correct horse battery staple ✝'), 'replace')
    expect(await journalTables()).toEqual(before)
  })

  it('asks for the passphrase, and refuses a wrong one without changing anything', async () => {
    await fillDatabase()
    const { text } = await exportBackup({ passphrase: 'right one' })
    const before = await dumpDatabase()

    const missing = await readBackup(text).catch((error: unknown) => error)
    expect(missing).toBeInstanceOf(BackupError)
    expect((missing as BackupError).code).toBe('needs-passphrase')
    expect((missing as BackupError).message).toBe('This backup is protected with a passphrase. Enter the passphrase to restore it. Nothing was changed.')

    const wrong = await readBackup(text, 'wrong one').catch((error: unknown) => error)
    expect(wrong).toBeInstanceOf(BackupError)
    expect((wrong as BackupError).code).toBe('wrong-passphrase')
    expect((wrong as BackupError).message).toBe('The passphrase does not open this backup. Check it and try again. Nothing was changed.')
    expect(await dumpDatabase()).toEqual(before)
  })
})

// The settings table is full: the backup must still be handed over.
const settingsFull: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'settings-full',
  create: down => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      return name === 'settings' ? { ...table, mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) } : table
    },
  }),
}

describe('on a full disk', () => {
  beforeEach(async () => {
    await fillDatabase()
    db.close()
    db.use(settingsFull)
    await db.open()
  })
  afterEach(async () => {
    db.close()
    db.unuse({ stack: 'dbcore', name: 'settings-full' })
    await db.open()
  })

  it('the backup is still made, though its time cannot be recorded', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const { text, counts } = await exportBackup({})
    expect(counts.entries).toBe(4)
    expect(inspectBackup(text).counts).toEqual(counts)
    expect(await getSetting('lastBackupAt')).toBe('')
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })
})
