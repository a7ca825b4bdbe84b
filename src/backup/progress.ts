/** How far a backup or a restore has come, for a progress bar. */
export type BackupPhase = 'exporting' | 'checking' | 'restoring'

export interface BackupProgress {
  phase: BackupPhase
  /** Records handled so far in this phase. */
  done: number
  /** Records in the whole journal (export) or the whole file (restore). */
  total: number
}

export type OnProgress = (progress: BackupProgress) => void
