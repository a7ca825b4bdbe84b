import type { ImportMode, ImportSummary } from '~/backup/import'
import type { BackupPhase, BackupProgress } from '~/backup/progress'
import { readErrorMessage, shortReason, storageErrorKind, UserFacingError } from '~/db/errors'
import type { RecordCounts } from '~/db/transfer'
import { plural } from '~/utils/words'

/** Words the Settings sections show about backups. */

const list = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' })

/**
 * "3 journal entries, 1 answered prayer, 5 prayed records and 2 briefings";
 * with `skipZero`, kinds with none are left out ("3 journal entries and 2 briefings").
 */
export function describeCounts(counts: RecordCounts, { skipZero = false } = {}): string {
  const parts: [number, string, string][] = [
    [counts.entries, 'journal entry', 'journal entries'],
    [counts.answers, 'answered prayer', 'answered prayers'],
    [counts.prayed, 'prayed record', 'prayed records'],
    [counts.briefings, 'briefing', 'briefings'],
  ]
  return list.format(parts.filter(([count]) => count > 0 || !skipZero).map(part => plural(...part)))
}

function total(counts: RecordCounts): number {
  return counts.entries + counts.answers + counts.prayed + counts.briefings
}

/** What a finished restore did, in one or two sentences. */
export function describeImport(summary: ImportSummary, mode: ImportMode): string {
  if (mode === 'replace') return `Restored. This device now holds what the backup held: ${describeCounts(summary.added)}.`
  const added = total(summary.added)
  const updated = total(summary.updated)
  if (!added && !updated) return 'Nothing new to add: everything in this backup is already on this device.'
  const parts = []
  if (added) parts.push(`Added ${describeCounts(summary.added, { skipZero: true })}.`)
  if (updated) parts.push(`Updated ${describeCounts(summary.updated, { skipZero: true })}.`)
  return `Restored. ${parts.join(' ')}`
}

/** Why a restore failed. Backup refusals already say "Nothing was changed."; the rest gain it (the import is one transaction). */
export function restoreErrorMessage(error: unknown): string {
  if (error instanceof UserFacingError) return error.message
  const kind = storageErrorKind(error)
  if (kind === 'quota') return 'Your device is out of storage space, so the backup was not restored. Nothing was changed.'
  if (kind === 'other') return `Selah could not restore this backup: ${shortReason(error)}. Nothing was changed.`
  return readErrorMessage(error)
}

/** The label of the progress bar, by what is happening. */
export const PHASE_LABELS: Record<BackupPhase, string> = {
  exporting: 'Preparing the backup',
  checking: 'Checking the backup',
  restoring: 'Restoring',
}

const number = new Intl.NumberFormat('en-GB')

/** "12,000 of 100,000 records" */
export function describeProgress({ done, total }: BackupProgress): string {
  return `${number.format(done)} of ${number.format(total)} ${total === 1 ? 'record' : 'records'}`
}
