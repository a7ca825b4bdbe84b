import { readSettings } from '~/db/settings'
import { writingChangedSince } from '~/db/transfer'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

const DAY = 24 * 60 * 60 * 1000

export interface BackupReminder {
  /** ISO time of the last backup made on this device, or '' when none was. */
  lastBackupAt: string
  /** Days between reminders; 0 means never remind. */
  reminderDays: number
  /** True when a gentle nudge to back up is due. */
  stale: boolean
}

export interface BackupFacts {
  lastBackupAt: string
  reminderDays: number
  /** At least one journal entry or answered note exists. */
  hasWriting: boolean
  /** Some entry or answered note was written or edited after lastBackupAt. */
  changedSinceBackup: boolean
}

/**
 * A backup is due when reminders are on and either nothing was ever backed up though there is
 * writing to lose, or the last backup is older than the reminder and something changed since.
 */
export function isBackupStale(facts: BackupFacts, now: number = Date.now()): boolean {
  if (facts.reminderDays <= 0) return false
  if (!facts.lastBackupAt) return facts.hasWriting
  const age = now - new Date(facts.lastBackupAt).getTime()
  return age > facts.reminderDays * DAY && facts.changedSinceBackup
}

/** Reads what the reminder needs (settings, entries, answers), so a liveQuery re-runs when any changes. */
export async function readBackupReminder(now: number = Date.now()): Promise<BackupReminder> {
  const { lastBackupAt, backupReminderDays: reminderDays } = await readSettings()
  // With no backup yet every record counts as "changed since", so one look answers both questions.
  const changed = await writingChangedSince(lastBackupAt)
  const facts = { lastBackupAt, reminderDays, hasWriting: changed, changedSinceBackup: changed }
  return { lastBackupAt, reminderDays, stale: isBackupStale(facts, now) }
}

/** The backup reminder, kept current as settings and writing change. */
export function useBackupReminder(): LiveQueryState<BackupReminder> {
  return useLiveQuery(() => readBackupReminder())
}
