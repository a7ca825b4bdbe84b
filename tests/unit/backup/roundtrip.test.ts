import type { DBCore, Middleware } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { getSetting } from '~/db/settings'
import { encryptBackup } from '~/backup/crypto'
import { exportBackup } from '~/backup/export'
import { importBackup, readBackup } from '~/backup/import'
import { BackupError } from '~/backup/errors'
import type { BackupProgress } from '~/backup/progress'
import { inspectBackupFile, restoreBackupFile } from '~/backup/restore'
import { LATEST_SCHEMA_VERSION } from '~/db/schema'
import { useFreshDatabase } from '../db/helpers'
import { backupText, dumpDatabase, fillDatabase, requestJournal, sampleData } from './fixtures'
import { linesOf, v2File, v2Lines } from './v2-fixtures'

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

const TABLES = ['briefings', 'prayerLists', 'requests', 'entries', 'answers', 'prayed'] as const
const NONE = { briefings: 0, prayerLists: 0, requests: 0, entries: 0, answers: 0, prayed: 0 }

async function journalTables() {
  return db.transaction('r', [db.briefings, db.prayerLists, db.requests, db.entries, db.answers, db.prayed], async () => ({
    briefings: await db.briefings.toArray(),
    prayerLists: await db.prayerLists.toArray(),
    requests: await db.requests.toArray(),
    entries: await db.entries.toArray(),
    answers: await db.answers.toArray(),
    prayed: await db.prayed.toArray(),
  }))
}

describe('the backup file (format version 2)', () => {
  it('is gzipped JSON lines: a header, then every journal record tagged with its table, and no drafts, device facts or search words', async () => {
    const data = await fillDatabase()
    const { file, fileName, counts } = await exportBackup()
    expect(fileName).toBe('selah-backup-2026-11-26.selah')
    expect(counts).toEqual({ briefings: 3, prayerLists: 2, requests: 3, entries: 4, answers: 2, prayed: 3 })
    const bytes = new Uint8Array(await file.arrayBuffer())
    expect([bytes[0], bytes[1]]).toEqual([0x1f, 0x8b])
    const lines = await linesOf(file)
    expect(lines.pop()).toBe('')
    expect(JSON.parse(lines[0]!)).toEqual({
      app: 'selah', kind: 'backup', formatVersion: 2, exportedAt: NOW, schemaVersion: LATEST_SCHEMA_VERSION,
      counts, settings: { backupReminderDays: 7 },
    })
    const records = lines.slice(1).map(line => JSON.parse(line) as { table: string, record: unknown })
    // Lists, then requests, before the records: a restore always has a record's request.
    expect(records).toEqual([
      ...data.briefings.map(record => ({ table: 'briefings', record })),
      ...data.prayerLists.map(record => ({ table: 'prayerLists', record })),
      ...data.requests.map(record => ({ table: 'requests', record })),
      ...[...data.entries].sort((a, b) => a.id.localeCompare(b.id)).map(record => ({ table: 'entries', record })),
      ...[...data.answers].sort((a, b) => a.pointerId.localeCompare(b.pointerId)).map(record => ({ table: 'answers', record })),
      ...data.prayed.map(record => ({ table: 'prayed', record })),
    ])
    // The database keeps search words on every record; the file holds none.
    const text = lines.join('\n')
    for (const absent of ['"words"', 'half a thought', 'persistence', 'lastBackupAt']) expect(text).not.toContain(absent)
  })

  it('leaves the reminder out when this device never chose one', async () => {
    const lines = await linesOf((await exportBackup()).file)
    expect(JSON.parse(lines[0]!).settings).toEqual({})
  })

  it('reports its progress in records, ending with all of them', async () => {
    await fillDatabase()
    const seen: BackupProgress[] = []
    await exportBackup({ onProgress: progress => seen.push(progress) })
    expect(seen[0]).toEqual({ phase: 'exporting', done: 0, total: 17 })
    expect(seen.at(-1)).toEqual({ phase: 'exporting', done: 17, total: 17 })
    expect(seen.map(progress => progress.done)).toEqual([...seen.map(progress => progress.done)].sort((a, b) => a - b))
  })
})

describe('export, wipe, restore', SLOW, () => {
  for (const mode of ['merge', 'replace'] as const) {
    it(`brings back every record field by field (${mode})`, async () => {
      await fillDatabase()
      const before = await journalTables()
      const { file, counts } = await exportBackup({})

      await wipe()
      const seen: BackupProgress[] = []
      const summary = await restoreBackupFile(file, { mode, onProgress: progress => seen.push(progress) })

      expect(summary).toEqual({ added: counts, updated: NONE, unchanged: 0 })
      const after = await journalTables()
      for (const table of TABLES) {
        expect(after[table]).toHaveLength(before[table].length)
        after[table].forEach((row, i) => {
          const original = before[table][i] as unknown as Record<string, unknown>
          for (const [field, value] of Object.entries(original)) expect((row as unknown as Record<string, unknown>)[field], `${table}[${i}].${field}`).toEqual(value)
          expect(Object.keys(row).sort()).toEqual(Object.keys(original).sort())
        })
      }
      expect(await db.drafts.count()).toBe(0)
      // Checked in full first, then written: both phases count to the end.
      expect(seen.filter(progress => progress.phase === 'checking').at(-1)).toEqual({ phase: 'checking', done: 17, total: 17 })
      expect(seen.at(-1)).toEqual({ phase: 'restoring', done: 17, total: 17 })
    })
  }

  it('records the time of the backup on this device', async () => {
    await fillDatabase()
    expect(await getSetting('lastBackupAt')).toBe('')
    await exportBackup({})
    expect(await getSetting('lastBackupAt')).toBe(NOW)
  })

  it('inspectBackupFile summarises a backup from its header alone, before anything is restored', async () => {
    await fillDatabase()
    const { file } = await exportBackup({})
    expect(await inspectBackupFile(file)).toEqual({ encrypted: false, exportedAt: NOW, counts: { briefings: 3, prayerLists: 2, requests: 3, entries: 4, answers: 2, prayed: 3 } })
  })
})

describe('the person\'s own lists and requests', SLOW, () => {
  for (const mode of ['merge', 'replace'] as const) {
    for (const passphrase of [undefined, 'Psalm 46 ✝'] as const) {
      it(`round-trip exactly with their records, active, archived and moved (${mode}, ${passphrase ? 'protected' : 'plain'})`, async () => {
        const data = await fillDatabase(requestJournal())
        const before = await journalTables()
        // Records about requests are in it: an entry written before its request moved list, an answer of an archived one.
        expect(before.entries.filter(entry => entry.briefingId === 'my-prayers')).toHaveLength(2)
        expect(before.requests.filter(request => request.archivedAt !== null)).toHaveLength(1)
        const { file, counts } = await exportBackup({ passphrase })
        expect(counts).toEqual({ briefings: 3, prayerLists: 2, requests: 3, entries: 6, answers: 3, prayed: 5 })

        await wipe()
        const summary = await restoreBackupFile(file, { mode, passphrase })
        expect(summary).toEqual({ added: counts, updated: NONE, unchanged: 0 })
        const after = await journalTables()
        for (const table of TABLES) expect(after[table], table).toEqual(before[table])
        expect(after.requests).toEqual(data.requests)
        expect(after.prayerLists).toEqual(data.prayerLists)
      })
    }
  }

  it('replacing with a backup takes this device\'s lists and requests away with the rest of its journal', async () => {
    await fillDatabase(requestJournal())
    const { file } = await exportBackup()
    await db.transaction('rw', db.prayerLists, async () => {
      await db.prayerLists.add({ id: 'list-3f1c2a10-0000-4000-8000-0000000000ff', name: 'Made after the backup', order: 2, createdAt: NOW, updatedAt: NOW })
    })
    await restoreBackupFile(file, { mode: 'replace' })
    expect((await db.prayerLists.toArray()).map(list => list.name)).toEqual(['Family', 'Church'])
  })
})

describe('a version 2 backup from before lists and requests', SLOW, () => {
  it('still restores as it did: merged, this device keeps its lists; replaced, it has none, as the file', async () => {
    const data = sampleData()
    const file = await v2File(v2Lines(data))
    const header = JSON.parse(v2Lines(data)[0]!)
    expect(header.schemaVersion).toBe(3)
    expect(Object.keys(header.counts)).toEqual(['briefings', 'entries', 'answers', 'prayed'])
    expect(await inspectBackupFile(file)).toEqual({ encrypted: false, exportedAt: '2025-11-22T10:00:00.000Z', counts: { briefings: 3, prayerLists: 0, requests: 0, entries: 4, answers: 2, prayed: 3 } })

    const own = await fillDatabase()
    await db.entries.clear()
    const merged = await restoreBackupFile(file, { mode: 'merge' })
    expect(merged.added).toEqual({ ...NONE, entries: 4 })
    expect(await db.requests.toArray()).toEqual(own.requests)

    await restoreBackupFile(file, { mode: 'replace' })
    expect(await journalTables()).toEqual({ briefings: data.briefings, prayerLists: [], requests: [], entries: data.entries, answers: data.answers, prayed: data.prayed })
  })
})

describe('an encrypted backup', SLOW, () => {
  it('round trips with the passphrase and hides every word without it', async () => {
    await fillDatabase()
    const before = await journalTables()
    const { file, fileName } = await exportBackup({ passphrase: 'correct horse battery staple ✝' })
    expect(fileName).toBe('selah-backup-2026-11-26-encrypted.selah')
    const raw = new TextDecoder().decode(await file.arrayBuffer())
    for (const words of ['Kyiv', 'Lviv', 'Peace in Ukraine', 'nurses', 'mayor']) expect(raw).not.toContain(words)
    expect(JSON.parse(raw.slice(0, raw.indexOf('\n')))).toMatchObject({
      app: 'selah', kind: 'encrypted-backup', formatVersion: 2,
      encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: 600_000, chunkBytes: 1024 * 1024 },
    })
    expect(await inspectBackupFile(file)).toEqual({ encrypted: true })

    await wipe()
    await restoreBackupFile(file, { mode: 'replace', passphrase: 'correct horse battery staple ✝' })
    expect(await journalTables()).toEqual(before)
  })

  it('asks for the passphrase, and refuses a wrong one without changing anything', async () => {
    await fillDatabase()
    const { file } = await exportBackup({ passphrase: 'right one' })
    const before = await dumpDatabase()

    const missing = await restoreBackupFile(file, { mode: 'replace' }).catch((error: unknown) => error)
    expect(missing).toBeInstanceOf(BackupError)
    expect((missing as BackupError).message).toBe('This backup is protected with a passphrase. Enter the passphrase to restore it. Nothing was changed.')

    const wrong = await restoreBackupFile(file, { mode: 'replace', passphrase: 'wrong one' }).catch((error: unknown) => error)
    expect(wrong).toBeInstanceOf(BackupError)
    expect((wrong as BackupError).code).toBe('wrong-passphrase')
    expect((wrong as BackupError).message).toBe('The passphrase does not open this backup. Check it and try again. Nothing was changed.')
    expect(await dumpDatabase()).toEqual(before)
  })
})

describe('a version 1 backup, as Selah made them before', SLOW, () => {
  it('still restores from the chosen file, plain and encrypted, exactly as it did', async () => {
    const data = sampleData()
    const text = backupText(data)
    expect(await inspectBackupFile(new Blob([text]))).toMatchObject({ encrypted: false, exportedAt: '2025-11-22T10:00:00.000Z', counts: { briefings: 3, entries: 4, answers: 2, prayed: 3 } })
    await restoreBackupFile(new Blob([text]), { mode: 'replace' })
    expect(await journalTables()).toEqual({ briefings: data.briefings, prayerLists: [], requests: [], entries: data.entries, answers: data.answers, prayed: data.prayed })
    expect(await getSetting('backupReminderDays')).toBe(30)

    await wipe()
    const sealed = JSON.stringify(await encryptBackup(text, 'old passphrase'), null, 2)
    expect(await inspectBackupFile(new Blob([sealed]))).toEqual({ encrypted: true })
    const refused = await restoreBackupFile(new Blob([sealed]), { mode: 'merge', passphrase: 'new passphrase' }).catch((error: unknown) => error)
    expect((refused as BackupError).code).toBe('wrong-passphrase')
    expect(await db.entries.count()).toBe(0)
    await restoreBackupFile(new Blob([sealed]), { mode: 'merge', passphrase: 'old passphrase' })
    expect(await journalTables()).toEqual({ briefings: data.briefings, prayerLists: [], requests: [], entries: data.entries, answers: data.answers, prayed: data.prayed })
  })

  it('and through the text functions of before', async () => {
    const data = sampleData()
    await importBackup(await readBackup(backupText(data)), 'replace')
    expect((await journalTables()).entries).toEqual(data.entries)
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
    const { file, counts } = await exportBackup({})
    expect(counts.entries).toBe(4)
    expect((await inspectBackupFile(file)).counts).toEqual(counts)
    expect(await getSetting('lastBackupAt')).toBe('')
    expect(warn).toHaveBeenCalledOnce()
    warn.mockRestore()
  })
})
