import { expect } from 'vitest'
import { db } from '~/db'
import { BackupError } from '~/backup/errors'
import { restoreBackup, type ImportMode, type InspectedBackup } from '~/backup/import'
import { dumpDatabase, fillDatabase, sampleData } from './fixtures'

export const MODES: readonly ImportMode[] = ['merge', 'replace']

export type Snapshot = Record<string, unknown[]>

/** Every row of every table the database declares (a table added later is in it without asking). */
export const snapshotAll: () => Promise<Snapshot> = dumpDatabase

/**
 * Seeds the database and returns its snapshot. Every table must hold rows, so a file that got
 * past the checks would show: 'replace' wipes the journal, 'merge' adds the file's records.
 */
export async function seededSnapshot(data = sampleData()): Promise<Snapshot> {
  await fillDatabase(data)
  const before = await snapshotAll()
  for (const [name, rows] of Object.entries(before)) expect(rows.length, `seeded ${name}`).toBeGreaterThan(0)
  return before
}

/** Empties every table and seeds it again, after a restore that was meant to go through. */
export async function reseed(data = sampleData()) {
  await db.transaction('rw', db.tables, () => Promise.all(db.tables.map(table => table.clear())))
  await fillDatabase(data)
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
