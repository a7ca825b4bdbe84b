import * as v from 'valibot'
import type { ImportMode, ImportSummary, RecordBatch } from '~/db/transfer'
import { importBatches } from '~/db/transfer-import'
import { makeYielder } from '~/utils/yielder'
import { fileBytes, readSlice } from './bytes'
import { startUnsealing, unsealedBytes, type Unsealing } from './chunked-crypto'
import { BackupError } from './errors'
import { MAX_BACKUP_BYTES, MAX_V1_BACKUP_BYTES } from './format'
import { EncryptedHeaderSchema, GZIP_MAGIC, MAX_HEADER_BYTES, type EncryptedHeader } from './format-v2'
import { importBackup, inspectBackup, readBackup, type InspectedBackup } from './import'
import { gzipLines } from './lines'
import { describeIssue } from './problems'
import type { OnProgress } from './progress'
import { openRecords, totalRecords } from './records'
import { damaged, isPlainObject, refuseNewer, tooLargeForV1 } from './validate'

/**
 * Restoring a chosen file, whatever version made it, as Settings runs it.
 *
 * Version 2 is read twice, as a stream, never whole: first every record is checked (nothing is
 * written, and a refusal leaves the device untouched), then the file is read again and written in
 * ONE transaction fed batch by batch (db/transfer-import.ts), so a closed tab, a full disk or a
 * file changed between the two readings still leaves the old journal exactly as it was. Reading
 * twice costs time, not memory: holding a 300 MB journal's records between the two would not fit
 * a phone. Version 1 is one JSON document and is read whole, as before.
 */
type Sniffed =
  | { version: 1 }
  | { version: 2, encrypted: false }
  | { version: 2, encrypted: true, header: EncryptedHeader, headerBytes: Uint8Array<ArrayBuffer> }

/** Which kind of backup a file is, from its first bytes. */
async function sniff(file: Blob): Promise<Sniffed> {
  if (file.size > MAX_BACKUP_BYTES) throw new BackupError('too-large')
  if (file.size === 0) throw new BackupError('empty')
  const head = await readSlice(file, 0, MAX_HEADER_BYTES)
  if (head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1]) return { version: 2, encrypted: false }
  const newline = head.indexOf(10)
  if (newline < 0) return { version: 1 }
  const headerBytes = head.slice(0, newline)
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder().decode(headerBytes))
  }
  catch {
    // A version 1 file written over several lines: its first line alone is not JSON.
    return { version: 1 }
  }
  if (!isPlainObject(value) || value.kind !== 'encrypted-backup' || typeof value.formatVersion !== 'number' || value.formatVersion < 2) return { version: 1 }
  refuseNewer(value)
  const result = v.safeParse(EncryptedHeaderSchema, value, { abortEarly: true })
  if (!result.success) throw damaged(describeIssue(result.issues[0]))
  return { version: 2, encrypted: true, header: result.output, headerBytes }
}

async function v1Text(file: Blob): Promise<string> {
  if (file.size > MAX_V1_BACKUP_BYTES) throw tooLargeForV1()
  return new TextDecoder().decode(await readSlice(file, 0, file.size))
}

/** A version 2 file's checked records, from a fresh reading of the file. */
function openV2(file: Blob, unsealing: Unsealing | null) {
  const bytes = unsealing ? unsealedBytes(file, unsealing) : fileBytes(file)
  return openRecords(gzipLines(bytes))
}

/**
 * What a chosen file holds, without its passphrase: enough to show "Backup made on … with N
 * entries". A protected file only says that it is protected. Throws only BackupError.
 */
export async function inspectBackupFile(file: Blob): Promise<InspectedBackup> {
  const kind = await sniff(file)
  if (kind.version === 1) return inspectBackup(await v1Text(file))
  if (kind.encrypted) return { encrypted: true }
  const { header, batches } = await openV2(file, null)
  await batches.return()
  return { encrypted: false, counts: header.counts, exportedAt: header.exportedAt }
}

export interface RestoreFileOptions {
  mode: ImportMode
  passphrase?: string
  /** What inspectBackupFile already read from this file: a version 1 file is not parsed twice. */
  inspected?: InspectedBackup
  onProgress?: OnProgress
}

/** The whole restore, from a chosen file to the database. Refusals are BackupErrors that changed nothing. */
export async function restoreBackupFile(file: Blob, options: RestoreFileOptions): Promise<ImportSummary> {
  const { mode, passphrase, inspected, onProgress } = options
  if (inspected?.file) return importBackup(inspected.file, mode, onProgress)
  const kind = await sniff(file)
  if (kind.version === 1) return importBackup(await readBackup(await v1Text(file), passphrase), mode, onProgress)
  let unsealing: Unsealing | null = null
  if (kind.encrypted) {
    if (!passphrase) throw new BackupError('needs-passphrase')
    unsealing = await startUnsealing(kind.header, kind.headerBytes, passphrase)
  }
  const yieldNow = makeYielder()

  // First reading: check everything, write nothing.
  const checking = await openV2(file, unsealing)
  const total = totalRecords(checking.header)
  let done = 0
  onProgress?.({ phase: 'checking', done, total })
  for await (const batch of checking.batches) {
    done += batch.rows.length
    onProgress?.({ phase: 'checking', done, total })
    await yieldNow()
  }

  // Second reading: the same records again, into one transaction.
  const writing = await openV2(file, unsealing)
  if (JSON.stringify(writing.header) !== JSON.stringify(checking.header)) throw new BackupError('unreadable')
  done = 0
  onProgress?.({ phase: 'restoring', done, total })
  // The next batch is read and checked while IndexedDB writes this one.
  let ahead = writing.batches.next()
  const next = async (): Promise<RecordBatch | null> => {
    const result = await ahead
    if (result.done) return null
    ahead = writing.batches.next()
    // Settled by the next call, or dropped with the transaction; never left unhandled.
    ahead.catch(() => {})
    done += result.value.rows.length
    onProgress?.({ phase: 'restoring', done, total })
    await yieldNow()
    return result.value
  }
  try {
    return await importBatches(next, checking.header.settings, mode)
  }
  finally {
    await writing.batches.return()
  }
}
