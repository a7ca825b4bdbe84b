import * as v from 'valibot'
import { isRequestId } from '~/briefings/my-prayers'
import { BriefingSchema } from '~/briefings/schema'
import { MAX_LIST_NAME_LENGTH, MAX_REQUEST_LENGTH } from '~/db/requests'
import type { JournalRecords, PortableSettings } from '~/db/transfer'

/**
 * The backup file. Version 2 (what Selah writes, format-v2.ts) is gzip-compressed JSON lines,
 * read and written as a stream. Version 1 (still restored) is one JSON document with every
 * briefing and journal record, or the same document encrypted with a passphrase. Validated here,
 * at the border, before anything reaches the database. Drafts and device facts (last backup,
 * persistence) are never part of a backup. The person's own lists and requests (schema v4) are;
 * a file made before them simply has none.
 */
export const FORMAT_V1 = 1
export const FORMAT_V2 = 2
export const LATEST_FORMAT_VERSION = FORMAT_V2
/**
 * Larger files are refused before they are read: far beyond any journal (100,000 entries make a
 * 20 MB file), but it stops a wrong choice such as a video from keeping the device busy.
 */
export const MAX_BACKUP_BYTES = 2 * 1024 ** 3
/** A version 1 file is read as one piece of text, and browsers cap the length of one string. */
export const MAX_V1_BACKUP_BYTES = 400 * 1024 ** 2

export interface BackupData extends JournalRecords {
  settings: PortableSettings
}

export interface BackupFile {
  app: 'selah'
  kind: 'backup'
  formatVersion: 1
  exportedAt: string
  schemaVersion: number
  data: BackupData
}

export interface EncryptedBackupFile {
  app: 'selah'
  kind: 'encrypted-backup'
  formatVersion: 1
  encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: number, salt: string, iv: string }
  /** Base64 of AES-GCM(JSON of the BackupFile). */
  ciphertext: string
}

// Exactly what Date.toISOString() writes, as Selah always does: times then sort correctly as
// text (the indexes and merge compare them so), and a day like 30 February cannot slip in.
export const isoTime = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
  // (Month 13 makes an Invalid Date, whose toISOString() throws instead of answering.)
  v.check(value => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value),
)
const isoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/))
const slugId = v.pipe(v.string(), v.regex(/^[a-z0-9][a-z0-9-]*$/), v.maxLength(200))
const recordId = v.pipe(v.string(), v.nonEmpty(), v.maxLength(200))
/** Words that must not be blank; kept exactly as written. */
const words = v.pipe(v.string(), v.check(value => value.trim().length > 0))
export const base64 = v.pipe(v.string(), v.nonEmpty(), v.regex(/^[A-Za-z0-9+/]*={0,2}$/))

export const StoredBriefingSchema = v.object({
  ...BriefingSchema.entries,
  source: v.picklist(['feed', 'pasted']),
  hash: v.string(),
  addedAt: isoTime,
  updatedAt: isoTime,
  openedAt: v.nullable(isoTime),
  sortDate: isoDate,
})

const snapshotEntries = {
  briefingId: slugId,
  pointerId: slugId,
  briefingTitle: v.string(),
  pointerLabel: v.nullable(v.string()),
  pointerText: v.string(),
  scriptureReference: v.nullable(v.string()),
}

export const JournalEntrySchema = v.object({
  ...snapshotEntries,
  id: recordId,
  text: words,
  createdAt: isoTime,
  editedAt: isoTime,
})

export const AnsweredNoteSchema = v.object({
  ...snapshotEntries,
  note: v.string(),
  answeredAt: isoTime,
  editedAt: isoTime,
})

export const PrayedRecordSchema = v.object({
  ...snapshotEntries,
  id: recordId,
  prayedAt: isoTime,
})

const listId = v.pipe(v.string(), v.regex(/^list-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/))
/** Gaps are fine; NaN or Infinity (JSON's 1e999) would drop the row from the [listId+order] index. */
const position = v.pipe(v.number(), v.finite())

export const PrayerListSchema = v.object({
  id: listId,
  name: v.pipe(words, v.maxLength(MAX_LIST_NAME_LENGTH)),
  order: position,
  createdAt: isoTime,
  updatedAt: isoTime,
})

export const PrayerRequestSchema = v.object({
  id: v.pipe(v.string(), v.check(isRequestId)),
  listId,
  text: v.pipe(words, v.maxLength(MAX_REQUEST_LENGTH)),
  notes: v.pipe(v.string(), v.maxLength(MAX_REQUEST_LENGTH)),
  // The app keeps a quote only with its reference; a reference alone has quote ''.
  scripture: v.nullable(v.object({ quote: v.string(), reference: words })),
  order: position,
  createdAt: isoTime,
  updatedAt: isoTime,
  archivedAt: v.nullable(isoTime),
})

export const PortableSettingsSchema = v.object({
  backupReminderDays: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(3650))),
})

export const BackupFileSchema = v.object({
  app: v.literal('selah'),
  kind: v.literal('backup'),
  formatVersion: v.literal(FORMAT_V1),
  exportedAt: isoTime,
  schemaVersion: v.pipe(v.number(), v.integer(), v.minValue(1)),
  data: v.object({
    briefings: v.array(StoredBriefingSchema),
    // Selah wrote version 1 before lists and requests existed: a missing list is an empty one.
    prayerLists: v.optional(v.array(PrayerListSchema), () => []),
    requests: v.optional(v.array(PrayerRequestSchema), () => []),
    entries: v.array(JournalEntrySchema),
    answers: v.array(AnsweredNoteSchema),
    prayed: v.array(PrayedRecordSchema),
    settings: PortableSettingsSchema,
  }),
})

export const EncryptedBackupFileSchema = v.object({
  app: v.literal('selah'),
  kind: v.literal('encrypted-backup'),
  formatVersion: v.literal(FORMAT_V1),
  encryption: v.object({
    cipher: v.literal('AES-GCM'),
    kdf: v.literal('PBKDF2-SHA-256'),
    // A ceiling, so that a tampered file cannot keep the device busy for hours.
    iterations: v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000_000)),
    salt: base64,
    iv: base64,
  }),
  ciphertext: base64,
})

// The schemas must produce exactly the declared types (a compile-time check, no runtime cost).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const schemasMatchTypes: [
  Same<v.InferOutput<typeof BackupFileSchema>, BackupFile>,
  Same<v.InferOutput<typeof EncryptedBackupFileSchema>, EncryptedBackupFile>,
] = [true, true]
void schemasMatchTypes
