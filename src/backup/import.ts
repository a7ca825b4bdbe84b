import { db } from '../db/index'
import { BackupError } from './errors'
import { countRecords, emptyCounts, type BackupCounts, type BackupFile } from './format'
import { decryptBackup } from './crypto'
import { laterEdit, mergeBriefing } from './merge'
import { checkBackupFile, parseBackupText } from './validate'

export interface InspectedBackup {
  encrypted: boolean
  file?: BackupFile
  counts?: BackupCounts
  exportedAt?: string
}

export type ImportMode = 'merge' | 'replace'

export interface ImportSummary {
  added: BackupCounts
  updated: BackupCounts
  /** Records of the file (of every kind) that left this device's copy as it was: the same, or older there. */
  unchanged: number
}

/**
 * What a chosen file holds, read at once (no passphrase needed): enough to show "Backup made on …
 * with N entries". An encrypted file only says that it is encrypted. Throws only BackupError.
 */
export function inspectBackup(text: string): InspectedBackup {
  const parsed = parseBackupText(text)
  if (parsed.encrypted) return { encrypted: true }
  const { file } = parsed
  return { encrypted: false, file, counts: countRecords(file), exportedAt: file.exportedAt }
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

async function mergeInto(file: BackupFile): Promise<ImportSummary> {
  const { briefings, entries, answers, prayed } = file.data
  const summary: ImportSummary = { added: emptyCounts(), updated: emptyCounts(), unchanged: 0 }
  const localBriefings = await db.briefings.bulkGet(briefings.map(briefing => briefing.id))
  const localEntries = await db.entries.bulkGet(entries.map(entry => entry.id))
  const localAnswers = await db.answers.bulkGet(answers.map(answer => answer.pointerId))
  const localPrayed = await db.prayed.bulkGet(prayed.map(record => record.id))

  function plan<T>(kind: keyof BackupCounts, incoming: T[], local: (T | undefined)[], merge: (l: T, i: T) => T | null): T[] {
    const rows: T[] = []
    incoming.forEach((row, i) => {
      const existing = local[i]
      const merged = existing === undefined ? row : merge(existing, row)
      if (merged === null) summary.unchanged++
      else {
        summary[existing === undefined ? 'added' : 'updated'][kind]++
        rows.push(merged)
      }
    })
    return rows
  }

  await db.briefings.bulkPut(plan('briefings', briefings, localBriefings, mergeBriefing))
  await db.entries.bulkPut(plan('entries', entries, localEntries, laterEdit))
  await db.answers.bulkPut(plan('answers', answers, localAnswers, laterEdit))
  // A prayed record never changes once made.
  await db.prayed.bulkPut(plan('prayed', prayed, localPrayed, () => null))
  return summary
}

async function replaceWith(file: BackupFile): Promise<ImportSummary> {
  const { briefings, entries, answers, prayed, settings } = file.data
  await Promise.all([db.briefings.clear(), db.entries.clear(), db.answers.clear(), db.prayed.clear()])
  await db.briefings.bulkAdd(briefings)
  await db.entries.bulkAdd(entries)
  await db.answers.bulkAdd(answers)
  await db.prayed.bulkAdd(prayed)
  if (settings.backupReminderDays !== undefined) {
    await db.settings.put({ key: 'backupReminderDays', value: settings.backupReminderDays })
  }
  return { added: countRecords(file), updated: emptyCounts(), unchanged: 0 }
}

/**
 * Brings a backup onto this device in ONE transaction: all of it or nothing.
 * merge: adds what is missing and keeps the later edit of a record on both sides; local settings stay.
 * replace: this device's briefings and journal become the file's (drafts and device facts stay).
 * The file is checked again first, so nothing half-valid can start a write.
 */
export async function importBackup(file: BackupFile, mode: ImportMode): Promise<ImportSummary> {
  const checked = checkBackupFile(file)
  const tables = [db.briefings, db.entries, db.answers, db.prayed, db.settings]
  return db.transaction('rw', tables, () => (mode === 'replace' ? replaceWith(checked) : mergeInto(checked)))
}
