import { LATEST_SCHEMA_VERSION } from '~/db/schema'
import { setSetting } from '~/db/settings'
import { totalCount, type RecordCounts } from '~/db/transfer'
import { readJournalInPages } from '~/db/transfer-export'
import { dayKey } from '~/utils/dates'
import { collect } from './bytes'
import { startSealing } from './chunked-crypto'
import { FORMAT_V2 } from './format'
import { backupFileName, type BackupHeader } from './format-v2'
import { startGzip } from './gzip'
import type { OnProgress } from './progress'

export interface ExportedBackup {
  fileName: string
  file: Blob
  counts: RecordCounts
}

/**
 * The backup as a file to download (format version 2, format-v2.ts), sealed when a passphrase is
 * given. Streamed: each page of records is turned into lines and handed to the compressor (gzip.ts,
 * on another core where it can) while the next pages are read, so memory holds the compressed file
 * and a few pages, never the journal as one giant string. Records the time as the last backup made
 * on this device.
 */
export async function exportBackup(options: { passphrase?: string, onProgress?: OnProgress } = {}): Promise<ExportedBackup> {
  const { passphrase, onProgress } = options
  const exportedAt = new Date().toISOString()
  // Outside the read transaction: the key is derived (slowly, by Web Crypto) while the journal is read.
  const [sealing, compressor] = await Promise.all([passphrase ? startSealing(passphrase) : null, startGzip()])
  let bytes = compressor.readable
  if (sealing) bytes = bytes.pipeThrough(sealing.seal)
  const parts = collect(bytes)
  // Awaited below; a failure while reading the journal must not leave it unhandled.
  parts.catch(() => {})
  const writer = compressor.writable.getWriter()
  /** Hands text to the compressor; a promise to wait for when it is a few pages behind, so memory stays flat. */
  function write(text: string): Promise<void> | undefined {
    writer.write(text).catch(() => {})
    return (writer.desiredSize ?? 0) < -2 ? writer.ready : undefined
  }
  let done = 0
  let total = 0
  try {
    const { counts } = await readJournalInPages({
      start({ counts, settings }) {
        total = totalCount(counts)
        const header: BackupHeader = {
          app: 'selah', kind: 'backup', formatVersion: FORMAT_V2, exportedAt, schemaVersion: LATEST_SCHEMA_VERSION, counts, settings,
        }
        onProgress?.({ phase: 'exporting', done, total })
        return write(`${JSON.stringify(header)}\n`)
      },
      page({ table, rows }) {
        // One string per page, not one per record: a page's lines go to the compressor in one piece.
        let lines = ''
        for (const record of rows) lines += `${JSON.stringify({ table, record })}\n`
        done += rows.length
        onProgress?.({ phase: 'exporting', done, total })
        return write(lines)
      },
    })
    await writer.close()
    const chunks = await parts
    // Best effort: on a full disk the file is exactly what the person needs, so it is still handed
    // over. Written while the file is put together.
    const recorded = setSetting('lastBackupAt', exportedAt).catch((error: unknown) => console.warn('Could not record the backup time', error))
    const file = sealing
      ? new Blob([sealing.headerLine, ...chunks], { type: 'application/octet-stream' })
      : new Blob(chunks, { type: 'application/gzip' })
    await recorded
    return { fileName: backupFileName(dayKey(new Date(exportedAt)), Boolean(sealing)), file, counts }
  }
  catch (error) {
    await writer.abort(error).catch(() => {})
    throw error
  }
}
