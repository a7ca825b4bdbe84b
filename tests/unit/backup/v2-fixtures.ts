import { collect, concatBytes } from '~/backup/bytes'
import { startSealing } from '~/backup/chunked-crypto'
import type { Journal } from './fixtures'

/**
 * The header and record lines of a version 2 backup of `data`, without touching the database.
 * Data without lists makes a file as Selah wrote them before lists (schema 3, no such counts or lines).
 */
export function v2Lines(data: Journal, header: Record<string, unknown> = {}): string[] {
  const own = data.prayerLists !== undefined || data.requests !== undefined
  const tables = own ? ['briefings', 'prayerLists', 'requests', 'entries', 'answers', 'prayed'] as const : ['briefings', 'entries', 'answers', 'prayed'] as const
  const counts = Object.fromEntries(tables.map(table => [table, data[table]?.length ?? 0]))
  return [
    JSON.stringify({ app: 'selah', kind: 'backup', formatVersion: 2, exportedAt: '2025-11-22T10:00:00.000Z', schemaVersion: own ? 4 : 3, counts, settings: { backupReminderDays: 30 }, ...header }),
    ...tables.flatMap(table => (data[table] ?? []).map(record => JSON.stringify({ table, record }))),
  ]
}

async function bytesOf(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>> {
  return concatBytes(await collect(stream))
}

/** Text gzipped by the same browser API the app uses. */
export async function gzip(text: string): Promise<Uint8Array<ArrayBuffer>> {
  return bytesOf(new Blob([text]).stream().pipeThrough(new CompressionStream('gzip')) as ReadableStream<Uint8Array<ArrayBuffer>>)
}

/** A plain version 2 file of these lines (each ends with a newline, as Selah writes them). */
export async function v2File(lines: string[]): Promise<Blob> {
  return new Blob([await gzip(lines.map(line => `${line}\n`).join(''))])
}

/**
 * A sealed version 2 file, in pieces a test can damage: the header line and each length-prefixed
 * chunk. Small chunks, so that even the sample journal is sealed in several.
 */
export async function sealedPieces(plain: Blob, passphrase: string, chunkBytes = 256): Promise<{ header: Uint8Array, frames: Uint8Array[] }> {
  const { headerLine, seal } = await startSealing(passphrase, chunkBytes)
  const sealed = await bytesOf(plain.stream().pipeThrough(seal))
  const frames: Uint8Array[] = []
  for (let at = 0; at < sealed.length;) {
    const length = new DataView(sealed.buffer, sealed.byteOffset + at, 4).getUint32(0)
    frames.push(sealed.slice(at, at + 4 + length))
    at += 4 + length
  }
  return { header: headerLine, frames }
}

export function joinFile(pieces: Uint8Array[]): Blob {
  return new Blob(pieces as Uint8Array<ArrayBuffer>[])
}

/** The lines inside a plain version 2 file, read without the app's reader. */
export async function linesOf(file: Blob): Promise<string[]> {
  const text = new TextDecoder().decode(await bytesOf(file.stream().pipeThrough(new DecompressionStream('gzip')) as ReadableStream<Uint8Array<ArrayBuffer>>))
  return text.split('\n')
}
