import { beforeEach, describe, expect, it } from 'vitest'
import { restoreBackupFile } from '~/backup/restore'
import { db } from '~/db'
import { numberedName } from '~/db/merge-lists'
import { MAX_LIST_NAME_LENGTH, moveList } from '~/db/requests'
import type { PrayerList, PrayerRequest } from '~/db/types'
import { useFreshDatabase } from '../db/helpers'
import { dumpDatabase, fillDatabase, sampleData, sampleRequests, type Journal } from './fixtures'
import { v2File, v2Lines } from './v2-fixtures'

/**
 * A backup's lists and requests meeting this device's: the later update of one on both sides wins,
 * list names stay unique and positions distinct, and a second merge of the same file changes nothing.
 */
useFreshDatabase()

const NONE = { briefings: 0, prayerLists: 0, requests: 0, entries: 0, answers: 0, prayed: 0 }
/** The sample journal's briefings and records, which every file here shares with the device. */
const SHARED = 3 + 4 + 2 + 3
const [FAMILY, CHURCH] = sampleRequests().prayerLists.map(list => list.id) as [string, string]
const [MIRIAM, YOUTH, SAM] = sampleRequests().requests.map(request => request.id) as [string, string, string]
const LATER = '2026-12-10T09:00:00.000Z'
const EARLIER = '2026-11-30T09:00:00.000Z'

const listId = (n: number) => `list-9d000000-0000-4000-8000-${String(n).padStart(12, '0')}`
const requestId = (n: number) => `req-9d000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function list(id: string, name: string, order: number, updatedAt = LATER): PrayerList {
  return { id, name, order, createdAt: EARLIER, updatedAt }
}

function request(id: string, inList: string, text: string, order: number): PrayerRequest {
  return { id, listId: inList, text, notes: '', scripture: null, order, createdAt: LATER, updatedAt: LATER, archivedAt: null }
}

/** The other phone's backup: the sample journal, with these lists and requests. */
async function backupWith(own: { prayerLists: PrayerList[], requests: PrayerRequest[] }, extra: Partial<Journal> = {}) {
  return v2File(v2Lines({ ...sampleData(), ...own, ...extra }))
}

const names = async () => (await db.prayerLists.orderBy('order').toArray()).map(row => row.name)

beforeEach(async () => {
  await fillDatabase()
})

describe('merging lists and requests', () => {
  it('adds those missing here and keeps the later update of one on both sides', async () => {
    const own = sampleRequests()
    own.prayerLists[0] = { ...own.prayerLists[0]!, name: 'Famly', updatedAt: EARLIER }
    own.prayerLists[1] = { ...own.prayerLists[1]!, name: 'Church family', updatedAt: LATER }
    own.requests[0] = { ...own.requests[0]!, text: 'Healing for Aunt Miriam, home again', updatedAt: LATER }
    own.requests[1] = { ...own.requests[1]!, text: 'An older wording, which loses', updatedAt: EARLIER }
    own.requests[2] = { ...own.requests[2]!, archivedAt: null, updatedAt: EARLIER }
    own.prayerLists.push(list(listId(1), 'Work', 2))
    own.requests.push(request(requestId(1), listId(1), 'For the new team', 0), request(requestId(2), FAMILY, 'For Grandad’s move', 2))

    const summary = await restoreBackupFile(await backupWith(own), { mode: 'merge' })
    expect(summary).toEqual({
      added: { ...NONE, prayerLists: 1, requests: 2 },
      updated: { ...NONE, prayerLists: 1, requests: 1 },
      unchanged: SHARED + 1 + 2,
    })
    expect(await names()).toEqual(['Family', 'Church family', 'Work'])
    expect((await db.requests.get(MIRIAM))?.text).toBe('Healing for Aunt Miriam, home again')
    expect((await db.requests.get(YOUTH))?.text).toBe(sampleRequests().requests[1]!.text)
    expect((await db.requests.get(SAM))?.archivedAt).toBe('2026-12-02T18:00:00.000Z')
    expect(await db.requests.get(requestId(2))).toEqual(own.requests[4])
  })

  it('twice changes nothing more than once', async () => {
    const own = sampleRequests()
    own.prayerLists.push(list(listId(1), 'Family', 0))
    own.requests.push(request(requestId(1), listId(1), 'For the cousins', 0))
    const file = await backupWith(own)
    await restoreBackupFile(file, { mode: 'merge' })
    const once = await dumpDatabase()
    const again = await restoreBackupFile(file, { mode: 'merge' })
    expect(again).toEqual({ added: NONE, updated: NONE, unchanged: SHARED + 3 + 4 })
    expect(await dumpDatabase()).toEqual(once)
  })

  it('keeps both of two lists named alike on two devices: the incoming one becomes “Family (2)”, after the others', async () => {
    const theirs = list(listId(1), 'Family', 0)
    const cousins = request(requestId(1), listId(1), 'For the cousins', 0)
    const written = { ...sampleData().entries[0]!, id: 'written-about-cousins', briefingId: 'my-prayers', pointerId: cousins.id, briefingTitle: 'My prayers: Family', pointerLabel: null, pointerText: cousins.text, scriptureReference: null }
    const summary = await restoreBackupFile(await backupWith({ prayerLists: [theirs], requests: [cousins] }, { entries: [...sampleData().entries, written] }), { mode: 'merge' })
    expect(summary.added).toEqual({ ...NONE, prayerLists: 1, requests: 1, entries: 1 })

    expect(await names()).toEqual(['Family', 'Church', 'Family (2)'])
    // Same id, same updatedAt: merging it again finds it as it is.
    expect(await db.prayerLists.get(theirs.id)).toEqual({ ...theirs, name: 'Family (2)', order: 2 })
    expect(await db.requests.get(cousins.id)).toEqual(cousins)
    expect(await db.entries.get('written-about-cousins')).toEqual(written)
  })

  it('compares names as the app does, whatever their capitals, and counts on past a number taken', async () => {
    await db.prayerLists.add(list(listId(9), 'Church (2)', 2))
    await restoreBackupFile(await backupWith({ prayerLists: [list(listId(1), 'FAMILY', 5), list(listId(2), 'church', 6)], requests: [] }), { mode: 'merge' })
    expect(await names()).toEqual(['Family', 'Church', 'Church (2)', 'FAMILY (2)', 'church (3)'])
  })

  it('a list renamed on the other phone to a name taken here is numbered too', async () => {
    const own = sampleRequests()
    own.prayerLists[1] = { ...own.prayerLists[1]!, name: 'family', updatedAt: LATER }
    await restoreBackupFile(await backupWith(own), { mode: 'merge' })
    expect(await names()).toEqual(['Family', 'family (2)'])
  })

  it('numbers a name of the longest kind within the length the app accepts', () => {
    const long = 'L'.repeat(MAX_LIST_NAME_LENGTH)
    expect(numberedName(long, 2)).toBe(`${'L'.repeat(MAX_LIST_NAME_LENGTH - 4)} (2)`)
    expect(numberedName('Family', 12)).toBe('Family (12)')
  })

  it('puts a request whose place in its list is taken at the end of the list', async () => {
    // Position 0 of Family is Miriam's here; Sam (archived) holds 1.
    const grandad = request(requestId(1), FAMILY, 'For Grandad’s move', 0)
    await restoreBackupFile(await backupWith({ prayerLists: sampleRequests().prayerLists, requests: [grandad] }), { mode: 'merge' })
    const family = await db.requests.where('listId').equals(FAMILY).sortBy('order')
    expect(family.map(row => [row.id, row.order])).toEqual([[MIRIAM, 0], [SAM, 1], [grandad.id, 2]])
  })

  it('moves a request to the list the later update put it in, at a free place there', async () => {
    const own = sampleRequests()
    own.requests[0] = { ...own.requests[0]!, listId: CHURCH, order: 0, updatedAt: LATER }
    await restoreBackupFile(await backupWith(own), { mode: 'merge' })
    const church = await db.requests.where('listId').equals(CHURCH).sortBy('order')
    expect(church.map(row => [row.id, row.order])).toEqual([[YOUTH, 0], [MIRIAM, 1]])
  })

  it('puts a new list whose place is taken after the others, so moving lists still works', async () => {
    await restoreBackupFile(await backupWith({ prayerLists: [list(listId(1), 'Work', 0)], requests: [] }), { mode: 'merge' })
    expect(await names()).toEqual(['Family', 'Church', 'Work'])
    await moveList(listId(1), -1)
    expect(await names()).toEqual(['Family', 'Work', 'Church'])
  })
})

describe('replacing', () => {
  it('makes this device\'s lists and requests the file\'s', async () => {
    const work = list(listId(1), 'Work', 0)
    const team = request(requestId(1), work.id, 'For the new team', 0)
    const summary = await restoreBackupFile(await backupWith({ prayerLists: [work], requests: [team] }), { mode: 'replace' })
    expect(summary.added).toEqual({ briefings: 3, prayerLists: 1, requests: 1, entries: 4, answers: 2, prayed: 3 })
    expect(await db.prayerLists.toArray()).toEqual([work])
    expect(await db.requests.toArray()).toEqual([team])
  })

  it('lands lists the same way whatever order their ids sort in: a free place is kept, a taken one goes to the end', async () => {
    // The device holds the sample's Family (0) and Church (1). The file: its own Home at 0, Work at 2.
    for (const [home, work] of [[listId(9), listId(1)], [listId(1), listId(9)]] as const) {
      await db.delete()
      await db.open()
      await fillDatabase()
      await restoreBackupFile(await backupWith({ prayerLists: [...sampleRequests().prayerLists, list(home, 'Home', 0), list(work, 'Work', 2)], requests: sampleRequests().requests }), { mode: 'merge' })
      expect(await names()).toEqual(['Family', 'Church', 'Work', 'Home'])
    }
  })
})

