import { expect } from 'vitest'
import { db } from '~/db'
import { BackupError } from '~/backup/errors'
import { restoreBackup, type ImportMode, type InspectedBackup } from '~/backup/import'
import { inspectBackupFile, restoreBackupFile } from '~/backup/restore'
import { dumpDatabase, fillDatabase, sampleData } from './fixtures'

export const MODES: readonly ImportMode[] = ['merge', 'replace']

export type Snapshot = Record<string, unknown[]>

/** Every row of every table the database declares (a table added later is in it without asking). */
export const snapshotAll: () => Promise<Snapshot> = dumpDatabase

/** What seededSnapshot wrote, by the data it was given, so reseed can put back exactly that. */
const seededRows = new Map<string, Snapshot>()

/**
 * Seeds the database and returns its snapshot. Every table of records must hold rows, so a file that got
 * past the checks would show: 'replace' wipes the journal, 'merge' adds the file's records.
 */
export async function seededSnapshot(data = sampleData()): Promise<Snapshot> {
  await fillDatabase(data)
  const before = await snapshotAll()
  // The search index's own tables are derived, and filled later, in the background; they are compared all the same.
  for (const [name, rows] of Object.entries(before)) if (!name.startsWith('search')) expect(rows.length, `seeded ${name}`).toBeGreaterThan(0)
  seededRows.set(JSON.stringify(data), before)
  return before
}

/**
 * Empties every table and seeds it again, after a restore that was meant to go through: row for
 * row what seededSnapshot wrote for the same data, down to the times the search index noted.
 */
export async function reseed(data = sampleData()) {
  const rows = seededRows.get(JSON.stringify(data))
  await db.transaction('rw', db.tables, async () => {
    await Promise.all(db.tables.map(table => table.clear()))
    if (!rows) return
    const journal = new Set(['briefings', 'entries', 'answers', 'prayed'])
    for (const table of db.tables.filter(table => journal.has(table.name))) await table.bulkAdd(rows[table.name]!)
    // Written after the journal, whose writes note their own search rows: these are the seeded ones.
    for (const table of db.tables.filter(table => !journal.has(table.name))) {
      await table.clear()
      await table.bulkAdd(rows[table.name]!)
    }
  })
  if (!rows) await fillDatabase(data)
}

interface Options { passphrase?: string, inspected?: InspectedBackup }

/**
 * Runs the text through restoreBackup, the path Settings takes from a chosen file to the database,
 * in both modes. Each must be refused with a BackupError and leave every row of every table as it
 * was. Returns the two refusals (merge, replace) for the caller to check the words.
 */
export async function refusedInBothModes(text: string, before: Snapshot, options: Options = {}): Promise<BackupError[]> {
  const errors: BackupError[] = []
  for (const mode of MODES) {
    const error = await restoreBackup(text, { mode, ...options }).then(() => null, (reason: unknown) => reason)
    if (!(error instanceof BackupError)) expect.fail(`${mode}: expected a BackupError, got ${error === null ? 'a restore' : String(error)}`)
    expect(await snapshotAll(), `${mode}: the database after the refusal`).toEqual(before)
    errors.push(error)
  }
  return errors
}

/**
 * The same for a chosen file, through restoreBackupFile, the path Settings takes now: inspecting it
 * may refuse it at once (the words Settings shows on choosing it); restoring it, in either mode,
 * must refuse it with the same words and leave every row of every table as it was.
 */
export async function refusedFileInBothModes(file: Blob, before: Snapshot, options: { passphrase?: string } = {}): Promise<BackupError> {
  const inspected = await inspectBackupFile(file).then(() => null, (reason: unknown) => reason)
  if (inspected !== null && !(inspected instanceof BackupError)) expect.fail(`inspecting: expected a BackupError, got ${String(inspected)}`)
  const errors: BackupError[] = []
  for (const mode of MODES) {
    const error = await restoreBackupFile(file, { mode, ...options }).then(() => null, (reason: unknown) => reason)
    if (!(error instanceof BackupError)) expect.fail(`${mode}: expected a BackupError, got ${error === null ? 'a restore' : String(error)}`)
    expect(await snapshotAll(), `${mode}: the database after the refusal`).toEqual(before)
    errors.push(error)
  }
  const [merge, replace] = errors
  expect({ code: replace!.code, message: replace!.message }).toEqual({ code: merge!.code, message: merge!.message })
  if (inspected) expect({ code: inspected.code, message: inspected.message }).toEqual({ code: merge!.code, message: merge!.message })
  return merge!
}
