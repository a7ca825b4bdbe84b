import { describe, expect, it } from 'vitest'
import { exportBackup } from '~/backup/export'
import { restoreBackupFile } from '~/backup/restore'
import { db } from '~/db'
import { useFreshDatabase } from '../db/helpers'
import { backupText, entry, requestJournal, sampleData, ukraine } from './fixtures'
import { linesOf } from './v2-fixtures'

/**
 * The old limit refused every file over 50 MB, so the app's own backup of a long-kept journal
 * could not be restored. A journal well over that size now goes out and comes back, and so does
 * an old (version 1) backup over 50 MB. Few, very long entries keep the test quick.
 */
useFreshDatabase()

const OLD_LIMIT = 50 * 1024 * 1024
const ENTRY_CHARS = 200_000

function longJournal() {
  const data = sampleData()
  const words = 'Lord, hear our prayer for the families of Kyiv and Kharkiv tonight, and for all who wait. '
  data.entries = Array.from({ length: Math.ceil(OLD_LIMIT / ENTRY_CHARS) + 20 }, (_, i) =>
    entry(ukraine, i % 2, `long-${String(i).padStart(4, '0')}`, `${i}: ${words.repeat(ENTRY_CHARS / words.length)}`, '2025-09-06T09:10:00.000Z'))
  return data
}

describe('a journal larger than the old 50 MB limit', { timeout: 120_000 }, () => {
  it('is backed up and restored in full, with the person\'s own lists and requests', async () => {
    const data = longJournal()
    const { prayerLists, requests, entries } = requestJournal()
    const about = entries.find(row => row.briefingId === 'my-prayers')!
    // Every third entry is about one of the person's own requests.
    data.entries = data.entries.map((row, i) => (i % 3 ? row : { ...about, id: row.id, text: row.text }))
    await db.transaction('rw', [db.briefings, db.prayerLists, db.requests, db.entries], async () => {
      await db.briefings.bulkAdd(data.briefings)
      await db.prayerLists.bulkAdd(prayerLists)
      await db.requests.bulkAdd(requests)
      await db.entries.bulkAdd(data.entries)
    })
    const { file, counts } = await exportBackup()
    expect(counts.entries).toBe(data.entries.length)
    const size = (await linesOf(file)).reduce((sum, line) => sum + line.length + 1, 0)
    expect(size).toBeGreaterThan(OLD_LIMIT)

    await Promise.all([db.entries.clear(), db.requests.clear(), db.prayerLists.clear()])
    await restoreBackupFile(file, { mode: 'merge' })
    expect(await db.entries.count()).toBe(data.entries.length)
    expect(await db.entries.get('long-0042')).toEqual(data.entries[42])
    expect(await db.requests.toArray()).toEqual(requests)
    expect(await db.prayerLists.toArray()).toEqual(prayerLists)
  })

  it('restores from an old version 1 backup over 50 MB too', async () => {
    const data = longJournal()
    const text = backupText(data)
    expect(text.length).toBeGreaterThan(OLD_LIMIT)
    await restoreBackupFile(new Blob([text]), { mode: 'replace' })
    expect(await db.entries.count()).toBe(data.entries.length)
    expect(await db.entries.get('long-0007')).toEqual(data.entries[7])
  })
})
