import * as v from 'valibot'
import { LATEST_SCHEMA_VERSION } from '~/db/schema'
import { BackupError } from './errors'
import {
  BackupFileSchema, EncryptedBackupFileSchema, LATEST_FORMAT_VERSION, MAX_V1_BACKUP_BYTES,
  type BackupFile, type EncryptedBackupFile,
} from './format'
import { describeIssue } from './problems'
import { RECORD_NAMES, refuseDanglingRecord, refuseRequestWithoutList, type KnownIds } from './references'

export type ParsedBackup =
  | { encrypted: false, file: BackupFile }
  | { encrypted: true, file: EncryptedBackupFile }

export const damaged = (clause: string) => new BackupError('invalid', `This backup file is damaged: ${clause}.`)

/**
 * True when the text is the start of a JSON object that stops before it closes: a string or a
 * bracket is still open at the end. Decided from the text itself, not from the wording of a
 * browser's JSON error, which differs between engines.
 */
export function looksCutOff(text: string): boolean {
  if (!text.startsWith('{')) return false
  const open: string[] = []
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (inString) {
      if (char === '\\') i++
      else if (char === '"') inString = false
      continue
    }
    if (char === '"') inString = true
    else if (char === '{' || char === '[') open.push(char)
    else if (char === '}' || char === ']') {
      if (open.pop() !== (char === '}' ? '{' : '[')) return false
      if (open.length === 0 && text.slice(i + 1).trim()) return false
    }
  }
  return inString || open.length > 0
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function refuseNewer(value: Record<string, unknown>) {
  const { formatVersion, schemaVersion } = value
  if (typeof formatVersion === 'number' && formatVersion > LATEST_FORMAT_VERSION) throw new BackupError('newer-version')
  if (typeof schemaVersion === 'number' && schemaVersion > LATEST_SCHEMA_VERSION) throw new BackupError('newer-version')
}

function refuseDuplicates({ data }: BackupFile) {
  const lists: [string, string[]][] = [
    [RECORD_NAMES.briefings, data.briefings.map(briefing => briefing.id)],
    [RECORD_NAMES.prayerLists, data.prayerLists.map(list => list.id)],
    [RECORD_NAMES.requests, data.requests.map(request => request.id)],
    [RECORD_NAMES.entries, data.entries.map(entry => entry.id)],
    [RECORD_NAMES.answers, data.answers.map(answer => answer.pointerId)],
    [RECORD_NAMES.prayed, data.prayed.map(record => record.id)],
  ]
  for (const [name, ids] of lists) {
    const seen = new Set<string>()
    ids.forEach((id, i) => {
      if (seen.has(id)) throw damaged(`${name} ${i + 1} appears twice`)
      seen.add(id)
    })
  }
}

function refuseDangling({ data }: BackupFile) {
  const known: KnownIds = {
    briefings: new Set(data.briefings.map(briefing => briefing.id)),
    prayerLists: new Set(data.prayerLists.map(list => list.id)),
    requests: new Set(data.requests.map(request => request.id)),
  }
  data.requests.forEach((request, i) => refuseRequestWithoutList(request, `${RECORD_NAMES.requests} ${i + 1}`, known))
  for (const table of ['entries', 'answers', 'prayed'] as const) {
    data[table].forEach((record, i) => refuseDanglingRecord(record, `${RECORD_NAMES[table]} ${i + 1}`, known))
  }
}

/** A whole, checked, plain BackupFile (nothing extra in it), or a BackupError. */
export function checkBackupFile(value: unknown): BackupFile {
  if (!isPlainObject(value) || value.app !== 'selah') throw new BackupError('other-app')
  refuseNewer(value)
  const result = v.safeParse(BackupFileSchema, value, { abortEarly: true })
  if (!result.success) throw damaged(describeIssue(result.issues[0]))
  refuseDuplicates(result.output)
  refuseDangling(result.output)
  return result.output
}

function checkEncrypted(value: unknown): EncryptedBackupFile {
  const result = v.safeParse(EncryptedBackupFileSchema, value, { abortEarly: true })
  if (!result.success) throw damaged(describeIssue(result.issues[0]))
  return result.output
}

/** A version 1 file must be read as one piece of text, which browsers limit. */
export function tooLargeForV1(): BackupError {
  return new BackupError('too-large', 'This backup file is too large to restore: backups made by older versions of Selah can be restored up to 400 MB.')
}

/** Reads the text of a file as far as it can be read without a passphrase. Throws only BackupError. */
export function parseBackupText(text: string): ParsedBackup {
  if (typeof text !== 'string') throw new BackupError('not-json')
  if (text.length > MAX_V1_BACKUP_BYTES) throw tooLargeForV1()
  const trimmed = text.replace(/^\uFEFF/, '').trim()
  if (!trimmed) throw new BackupError('empty')
  let value: unknown
  try {
    value = JSON.parse(trimmed)
  }
  catch {
    throw new BackupError(looksCutOff(trimmed) ? 'truncated' : 'not-json')
  }
  if (!isPlainObject(value) || value.app !== 'selah') throw new BackupError('other-app')
  refuseNewer(value)
  if (value.kind === 'encrypted-backup') return { encrypted: true, file: checkEncrypted(value) }
  if (value.kind === 'backup') return { encrypted: false, file: checkBackupFile(value) }
  if (value.kind === undefined) throw damaged('it does not say what kind of file it is')
  throw new BackupError('other-app', 'This is a Selah file, but not a backup.')
}
