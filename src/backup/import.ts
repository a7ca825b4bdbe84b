import {
  countRecords, JOURNAL_TABLES, PAGE_SIZE, totalCount,
  type ImportMode, type ImportSummary, type JournalRecords, type RecordBatch, type RecordCounts,
} from '~/db/transfer'
import { importBatches } from '~/db/transfer-import'
import { makeYielder } from '~/utils/yielder'
import { decryptBackup } from './crypto'
import { BackupError } from './errors'
import type { BackupFile } from './format'
import type { OnProgress } from './progress'
import { checkBackupFile, parseBackupText } from './validate'

export type { ImportMode, ImportSummary }

/**
 * Version 1 backups: one JSON document, read from its text at once. Selah writes version 2 now
 * (restore.ts reads both from a chosen file); these stay so that every old backup restores as before.
 */

export interface InspectedBackup {
  encrypted: boolean
  file?: BackupFile
  counts?: RecordCounts
  exportedAt?: string
}

/**
 * What a chosen file holds, read at once (no passphrase needed): enough to show "Backup made on …
 * with N entries". An encrypted file only says that it is encrypted. Throws only BackupError.
 */
export function inspectBackup(text: string): InspectedBackup {
  const parsed = parseBackupText(text)
  if (parsed.encrypted) return { encrypted: true }
  const { file } = parsed
  return { encrypted: false, file, counts: countRecords(file.data), exportedAt: file.exportedAt }
}

/** The whole backup, decrypted and checked. Throws only BackupError. */
export async function readBackup(text: string, passphrase?: string): Promise<BackupFile> {
  const parsed = parseBackupText(text)
  if (!parsed.encrypted) return parsed.file
  if (!passphrase) throw new BackupError('needs-passphrase')
  const inner = parseBackupText(await decryptBackup(parsed.file, passphrase))
  if (inner.encrypted) throw new BackupError('invalid', 'This backup file is damaged: it is protected twice.')
  return inner.file
}

/**
 * Brings a backup onto this device in ONE transaction: all of it or nothing.
 * merge: adds what is missing and keeps the later edit of a record on both sides; local settings stay.
 * replace: this device's briefings and journal become the file's (drafts and device facts stay).
 * The file is checked again first, so nothing half-valid can start a write.
 */
export async function importBackup(file: BackupFile, mode: ImportMode, onProgress?: OnProgress): Promise<ImportSummary> {
  const { settings, ...records } = checkBackupFile(file).data
  return importBatches(batchesOf(records, onProgress), settings, mode)
}

/** Records already in memory, handed to the import a page at a time, with a breath for the page between. */
function batchesOf(records: JournalRecords, onProgress?: OnProgress): () => Promise<RecordBatch | null> {
  const batches = JOURNAL_TABLES.flatMap(table => Array.from(
    { length: Math.ceil(records[table].length / PAGE_SIZE) },
    (_, i) => ({ table, rows: records[table].slice(i * PAGE_SIZE, (i + 1) * PAGE_SIZE) }) as RecordBatch,
  ))
  const total = totalCount(countRecords(records))
  const yieldNow = makeYielder()
  let done = 0
  let next = 0
  return async () => {
    onProgress?.({ phase: 'restoring', done, total })
    await yieldNow()
    const batch = batches[next++] ?? null
    done += batch?.rows.length ?? 0
    return batch
  }
}

export interface RestoreOptions {
  mode: ImportMode
  passphrase?: string
  /** What inspectBackup already read from this text: a plain file is not parsed twice. */
  inspected?: InspectedBackup
  onProgress?: OnProgress
}

/** The whole restore, from the text of a chosen file to the database, as Settings runs it. */
export async function restoreBackup(text: string, { mode, passphrase, inspected, onProgress }: RestoreOptions): Promise<ImportSummary> {
  const file = inspected?.file ?? await readBackup(text, passphrase)
  return importBackup(file, mode, onProgress)
}
