import * as v from 'valibot'
import type { JournalRecords, JournalTable, PortableSettings, RecordCounts } from '~/db/transfer'
import {
  AnsweredNoteSchema, base64, FORMAT_V2, isoTime, JournalEntrySchema, PortableSettingsSchema, PrayedRecordSchema,
  PrayerListSchema, PrayerRequestSchema, StoredBriefingSchema,
} from './format'

/**
 * Backup format version 2, made to be streamed at any size:
 * - plain: gzip of UTF-8 JSON lines. Line 1 is the header (BackupHeader), then one line per
 *   record, `{"table":"entries","record":{...}}`, in the order of JOURNAL_TABLES: briefings,
 *   prayerLists, requests (schema v4), then entries, answers, prayed. A file made before lists
 *   existed has no such lines and no such counts, and is read as having none.
 * - encrypted: one JSON line (EncryptedHeader, in the clear), then the plain file above cut into
 *   chunks, each sealed with AES-GCM and written as a 4-byte big-endian length and the sealed bytes.
 *   Chunk i's 12-byte IV is noncePrefix (7 random bytes) + i (4 bytes) + 1 if it is the last
 *   chunk, else 0 (1 byte), and the header line is its additional data: a chunk cut off, dropped,
 *   moved, or a header changed, fails authentication (the STREAM construction, Hoang et al. 2015).
 */
export const GZIP_MAGIC = [0x1f, 0x8b] as const
/** Plain bytes per sealed chunk. */
export const CHUNK_BYTES = 1024 * 1024
export const NONCE_PREFIX_BYTES = 7
/** A header line longer than this is not a Selah header. */
export const MAX_HEADER_BYTES = 64 * 1024

export interface BackupHeader {
  app: 'selah'
  kind: 'backup'
  formatVersion: 2
  exportedAt: string
  schemaVersion: number
  counts: RecordCounts
  settings: PortableSettings
}

export interface EncryptedHeader {
  app: 'selah'
  kind: 'encrypted-backup'
  formatVersion: 2
  encryption: {
    cipher: 'AES-GCM'
    kdf: 'PBKDF2-SHA-256'
    iterations: number
    salt: string
    noncePrefix: string
    chunkBytes: number
  }
}

export type RecordLine = { [T in JournalTable]: { table: T, record: JournalRecords[T][number] } }[JournalTable]

const count = v.pipe(v.number(), v.integer(), v.minValue(0))

export const BackupHeaderSchema = v.object({
  app: v.literal('selah'),
  kind: v.literal('backup'),
  formatVersion: v.literal(FORMAT_V2),
  exportedAt: isoTime,
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  counts: v.object({
    briefings: count,
    prayerLists: v.optional(count, 0),
    requests: v.optional(count, 0),
    entries: count,
    answers: count,
    prayed: count,
  }),
  settings: PortableSettingsSchema,
})

export const EncryptedHeaderSchema = v.object({
  app: v.literal('selah'),
  kind: v.literal('encrypted-backup'),
  formatVersion: v.literal(FORMAT_V2),
  encryption: v.object({
    cipher: v.literal('AES-GCM'),
    kdf: v.literal('PBKDF2-SHA-256'),
    // A ceiling, so that a tampered file cannot keep the device busy for hours.
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)),
    salt: base64,
    noncePrefix: base64,
    chunkBytes: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(16 * 1024 * 1024)),
  }),
})

/** The schema each table's records must pass. */
export const RECORD_SCHEMAS = {
  briefings: StoredBriefingSchema,
  prayerLists: PrayerListSchema,
  requests: PrayerRequestSchema,
  entries: JournalEntrySchema,
  answers: AnsweredNoteSchema,
  prayed: PrayedRecordSchema,
} as const

export function backupFileName(day: string, encrypted: boolean): string {
  return `selah-backup-${day}${encrypted ? '-encrypted' : ''}.selah`
}

// The schemas must produce exactly the declared types (a compile-time check, no runtime cost).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemasMatchTypes: [
  Same<v.InferOutput<typeof BackupHeaderSchema>, BackupHeader>,
  Same<v.InferOutput<typeof EncryptedHeaderSchema>, EncryptedHeader>,
] = [true, true]
void schemasMatchTypes
