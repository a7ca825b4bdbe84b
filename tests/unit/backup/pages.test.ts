import { describe, expect, it } from 'vitest'
import { exportBackup } from '~/backup/export'
import { restoreBackupFile } from '~/backup/restore'
import { db } from '~/db'
import { PAGE_SIZE } from '~/db/transfer'
import type { PrayerList, PrayerRequest } from '~/db/types'
import { useFreshDatabase } from '../db/helpers'
import { entry, prayed, stored, ukraine } from './fixtures'
import { linesOf } from './v2-fixtures'

/**
 * The export reads each table in pages whose ends it finds first (so it can ask for the next page
 * before the last one arrives) and counts the records on the way. Every record must still go out
 * once, in key order, with counts that match: across page ends, at a table that fills its last
 * page exactly, and at an empty table.
 */
useFreshDatabase()

const AT = '2025-09-06T09:10:00.000Z'

describe('an export of several pages a table', { timeout: 60_000 }, () => {
  it('holds every record once, in key order, with matching counts', async () => {
    const entries = Array.from({ length: 2 * PAGE_SIZE + 1 }, (_, i) => entry(ukraine, i % 2, `e-${String(i).padStart(5, '0')}`, `${i}: Lord, hear our prayer.`, AT))
    const taps = Array.from({ length: PAGE_SIZE }, (_, i) => prayed(ukraine, 0, `p-${String(i).padStart(5, '0')}`, AT))
    await db.transaction('rw', [db.briefings, db.entries, db.prayed], async () => {
      await db.briefings.add(stored(ukraine))
      // Added out of key order: the file is in key order all the same.
      await db.entries.bulkAdd([...entries].reverse())
      await db.prayed.bulkAdd(taps)
    })

    const { file, counts } = await exportBackup()
    const [header, ...records] = (await linesOf(file)).filter(Boolean).map(line => JSON.parse(line))
    expect(counts).toEqual({ briefings: 1, prayerLists: 0, requests: 0, entries: entries.length, answers: 0, prayed: taps.length })
    expect(header.counts).toEqual(counts)
    const ids = (table: string) => records.filter(line => line.table === table).map(line => line.record.id)
    expect(ids('entries')).toEqual(entries.map(record => record.id))
    expect(ids('prayed')).toEqual(taps.map(record => record.id))
    expect(records.map(line => line.table)).toEqual(['briefings', ...entries.map(() => 'entries'), ...taps.map(() => 'prayed')])

    await db.entries.clear()
    await restoreBackupFile(file, { mode: 'merge' })
    expect(await db.entries.count()).toBe(entries.length)
    expect(await db.entries.get(entries[PAGE_SIZE]!.id)).toEqual(entries[PAGE_SIZE])
  })
})

describe('more of the person\'s own requests than a page', { timeout: 60_000 }, () => {
  it('go out after their lists, in key order, and merge back at their own places', async () => {
    const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`
    const lists: PrayerList[] = [0, 1].map(n => ({ id: `list-${uuid(n)}`, name: n ? 'Church' : 'Family', order: n, createdAt: AT, updatedAt: AT }))
    const requests: PrayerRequest[] = Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({
      id: `req-${uuid(i)}`, listId: lists[i % 2]!.id, text: `Request ${i}`, notes: '', scripture: null,
      order: Math.floor(i / 2), createdAt: AT, updatedAt: AT, archivedAt: i % 7 ? null : AT,
    }))
    await db.transaction('rw', [db.prayerLists, db.requests], async () => {
      await db.prayerLists.bulkAdd(lists)
      await db.requests.bulkAdd([...requests].reverse())
    })

    const { file, counts } = await exportBackup()
    const [, ...records] = (await linesOf(file)).filter(Boolean).map(line => JSON.parse(line))
    expect(counts).toMatchObject({ prayerLists: 2, requests: requests.length })
    expect(records.map(line => line.table)).toEqual([...lists.map(() => 'prayerLists'), ...requests.map(() => 'requests')])
    expect(records.filter(line => line.table === 'requests').map(line => line.record.id)).toEqual(requests.map(row => row.id))

    await db.requests.bulkDelete(requests.filter((_, i) => i % 3).map(row => row.id))
    const summary = await restoreBackupFile(file, { mode: 'merge' })
    expect(summary.added.requests).toBe(requests.filter((_, i) => i % 3).length)
    expect(await db.requests.toArray()).toEqual(requests)
  })
})
