import { UserFacingError } from '~/db/errors'

/** Why a backup file was refused. Every refusal happens before anything on the device changes. */
export type BackupErrorCode = 'empty' | 'too-large' | 'not-json' | 'truncated' | 'other-app' | 'newer-version'
  | 'needs-passphrase' | 'wrong-passphrase' | 'invalid' | 'dangling' | 'unreadable'

const NOTHING_CHANGED = 'Nothing was changed.'

const MESSAGES: Record<BackupErrorCode, string> = {
  'empty': 'This file is empty, so there is nothing to restore.',
  'too-large': 'This file is too large to be a Selah backup (over 2 GB).',
  'not-json': 'This file is not a Selah backup: it is not in the backup format.',
  'truncated': 'This backup file is incomplete: it seems to have been cut off while it was saved or copied.',
  'other-app': 'This file is not a Selah backup.',
  'newer-version': 'This backup was made by a newer version of Selah. Update Selah (reload the page) and try again.',
  'needs-passphrase': 'This backup is protected with a passphrase. Enter the passphrase to restore it.',
  'wrong-passphrase': 'The passphrase does not open this backup. Check it and try again.',
  'invalid': 'This backup file is damaged.',
  'dangling': 'This backup file is damaged: some journal records belong to a briefing that is not in the file.',
  'unreadable': 'This file could not be read: it may have been moved or changed since it was chosen. Choose it again.',
}

export class BackupError extends UserFacingError {
  override name = 'BackupError'
  readonly code: BackupErrorCode

  /** `detail` replaces the standard sentence (it should be a whole sentence); "Nothing was changed." is added. */
  constructor(code: BackupErrorCode, detail?: string) {
    super(`${detail ?? MESSAGES[code]} ${NOTHING_CHANGED}`)
    this.code = code
  }
}

export function isBackupError(error: unknown): error is BackupError {
  return error instanceof BackupError
}
