import type { ImportMode, ImportSummary } from '~/backup/import'
import type { BackupPhase, BackupProgress } from '~/backup/progress'
import { readErrorMessage, shortReason, storageErrorKind, UserFacingError } from '~/db/errors'
import { totalCount, type RecordCounts } from '~/db/transfer'
import { plural } from '~/utils/words'

/** Words the Settings sections show about backups. */

const list = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' })

/** "3 requests in 2 lists"; either alone when the other is none; '' when both are. */
function describeRequests({ requests, prayerLists }: RecordCounts): string {
  if (requests && prayerLists) return `${plural(requests, 'request', 'requests')} in ${plural(prayerLists, 'list', 'lists')}`
  if (requests) return plural(requests, 'prayer request', 'prayer requests')
  return prayerLists ? plural(prayerLists, 'prayer list', 'prayer lists') : ''
}

/**
 * "3 journal entries, 1 answered prayer, 5 prayed records, 3 requests in 2 lists and 2 briefings";
 * with `skipZero`, kinds with none are left out ("3 journal entries and 2 briefings"). Requests
 * are named only when there are some: most journals have none.
 */
export function describeCounts(counts: RecordCounts, { skipZero = false } = {}): string {
  const kind = (count: number, one: string, many: string) => (count > 0 || !skipZero ? plural(count, one, many) : '')
  const parts = [
    kind(counts.entries, 'journal entry', 'journal entries'),
    kind(counts.answers, 'answered prayer', 'answered prayers'),
    kind(counts.prayed, 'prayed record', 'prayed records'),
    describeRequests(counts),
    kind(counts.briefings, 'briefing', 'briefings'),
  ]
  return list.format(parts.filter(Boolean))
}

/** What a finished restore did, in one or two sentences. */
export function describeImport(summary: ImportSummary, mode: ImportMode): string {
  if (mode === 'replace') return `Restored. This device now holds what the backup held: ${describeCounts(summary.added)}.`
  const added = totalCount(summary.added)
  const updated = totalCount(summary.updated)
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
