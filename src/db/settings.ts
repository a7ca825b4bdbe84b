import { db } from './index'
import type { Setting, SettingKey, SettingValues } from './types'

export const DEFAULT_SETTINGS: SettingValues = {
  lastBackupAt: '',
  backupReminderDays: 30,
  persistence: { askedAt: '', granted: false },
  // A database created at version 3 or later has written every record's words from the start.
  searchIndex: { built: true },
  feedArchive: { links: [], read: {} },
  // A month of briefings mirrored for offline use; older ones are fetched when opened.
  mirror: { days: 31, wholeArchive: false },
  // No daily time until the person chooses one.
  prayerTime: { time: '', notify: false },
  todayPerList: 2,
}

export async function getSetting<K extends SettingKey>(key: K): Promise<SettingValues[K]> {
  const row = await db.settings.get(key) as Setting<K> | undefined
  return row ? row.value : DEFAULT_SETTINGS[key]
}

export async function setSetting<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
  await db.settings.put({ key, value } as Setting)
}

/** All settings, defaults filled in, in one read (for Settings and for backups). */
export async function readSettings(): Promise<SettingValues> {
  const rows = await db.settings.toArray()
  const values: Record<string, unknown> = { ...DEFAULT_SETTINGS }
  for (const row of rows) if (row.key in DEFAULT_SETTINGS) values[row.key] = row.value
  return values as unknown as SettingValues
}
