import { LATEST_SCHEMA_VERSION } from '~/db/schema'
import { setSetting } from '~/db/settings'
import type { RecordCounts } from '~/db/transfer'
import { readJournalInPages } from '~/db/transfer-export'
import { dayKey } from '~/utils/dates'
import { collect } from './bytes'
import { startSealing } from './chunked-crypto'
import { FORMAT_V2 } from './format'
import { backupFileName, type BackupHeader } from './format-v2'
import { makeYielder, type OnProgress } from './progress'

export interface ExportedBackup {
  fileName: string
  file: Blob
  counts: RecordCounts
}

/**
 * The backup as a file to download (format version 2, format-v2.ts), sealed when a passphrase is
 * given. Streamed: each page of records is turned into lines, gzipped by the browser
 * (CompressionStream) and sealed while the next page is read, so memory holds the compressed file
 * and one page, never the journal as one giant string. Records the time as the last backup made
 * on this device.
 */
export async function exportBackup(options: { passphrase?: string, onProgress?: OnProgress } = {}): Promise<ExportedBackup> {
  const { passphrase, onProgress } = options
  const exportedAt = new Date().toISOString()
  // The key first: Web Crypto's slow key derivation must not hold the read transaction open.
  const sealing = passphrase ? await startSealing(passphrase) : null
  const compressor = new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array<ArrayBuffer>, Uint8Array>
  let bytes = compressor.readable
  if (sealing) bytes = bytes.pipeThrough(sealing.seal)
  const parts = collect(bytes)
  // Awaited below; a failure while reading the journal must not leave it unhandled.
  parts.catch(() => {})
  const writer = compressor.writable.getWriter()
  const encoder = new TextEncoder()
  /** Hands text to the compressor, waiting only when it is a few pages behind: memory stays flat. */
  async function write(text: string) {
    writer.write(encoder.encode(text)).catch(() => {})
    if ((writer.desiredSize ?? 0) < -2) await writer.ready
  }
  const yieldNow = makeYielder()
  let done = 0
  let total = 0
  try {
    const { counts } = await readJournalInPages({
      async start({ counts, settings }) {
        total = counts.briefings + counts.entries + counts.answers + counts.prayed
        const header: BackupHeader = {
          app: 'selah', kind: 'backup', formatVersion: FORMAT_V2, exportedAt, schemaVersion: LATEST_SCHEMA_VERSION, counts, settings,
        }
        onProgress?.({ phase: 'exporting', done, total })
        await write(`${JSON.stringify(header)}\n`)
      },
      async page({ table, rows }) {
        let lines = ''
        for (const record of rows) lines += `${JSON.stringify({ table, record })}\n`
        await write(lines)
        done += rows.length
        onProgress?.({ phase: 'exporting', done, total })
        await yieldNow()
      },
    })
    await writer.close()
    const chunks = await parts
    const file = sealing
      ? new Blob([sealing.headerLine, ...chunks], { type: 'application/octet-stream' })
      : new Blob(chunks, { type: 'application/gzip' })
    // Best effort: on a full disk the file is exactly what the person needs, so it is still handed over.
    await setSetting('lastBackupAt', exportedAt).catch((error: unknown) => console.warn('Could not record the backup time', error))
    return { fileName: backupFileName(dayKey(new Date(exportedAt)), Boolean(sealing)), file, counts }
  }
  catch (error) {
    await writer.abort(error).catch(() => {})
    throw error
  }
}
