import { describe, expect, it } from 'vitest'
import { exportBackup } from '~/backup/export'
import { restoreBackupFile } from '~/backup/restore'
import { db } from '~/db'
import { PAGE_SIZE } from '~/db/transfer'
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
    expect(counts).toEqual({ briefings: 1, entries: entries.length, answers: 0, prayed: taps.length })
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
