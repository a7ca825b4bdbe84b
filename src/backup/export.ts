import { LATEST_SCHEMA_VERSION } from '~/db/schema'
import { setSetting } from '~/db/settings'
import { countRecords, readAllRecords, type RecordCounts } from '~/db/transfer'
import { dayKey } from '~/utils/dates'
import { encryptBackup } from './crypto'
import { BACKUP_FORMAT_VERSION, type BackupFile } from './format'

/** Everything worth keeping, as one moment in time. */
export async function createBackup(): Promise<BackupFile> {
  const { records, settings } = await readAllRecords()
  return {
    app: 'selah',
    kind: 'backup',
    formatVersion: BACKUP_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    schemaVersion: LATEST_SCHEMA_VERSION,
    data: { ...records, settings },
  }
}

/**
 * The backup as the text of a file to download, encrypted when a passphrase is given.
 * Records the time as the last backup made on this device.
 */
export async function exportBackup(options: { passphrase?: string } = {}): Promise<{ fileName: string, text: string, counts: RecordCounts }> {
  const file = await createBackup()
  // Readable when plain; compact inside the encryption, where no one reads it.
  const json = JSON.stringify(file, null, options.passphrase ? undefined : 2)
  const day = dayKey(new Date(file.exportedAt))
  // Encrypt outside any transaction: Web Crypto promises would end it.
  const text = options.passphrase
    ? JSON.stringify(await encryptBackup(json, options.passphrase), null, 2)
    : json
  const fileName = options.passphrase ? `selah-backup-${day}-encrypted.json` : `selah-backup-${day}.json`
  // Best effort: on a full disk the file is exactly what the person needs, so it is still handed over.
  await setSetting('lastBackupAt', file.exportedAt).catch((error: unknown) => console.warn('Could not record the backup time', error))
  return { fileName, text, counts: countRecords(file.data) }
}
