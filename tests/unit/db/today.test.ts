import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { mirrorBriefings } from '~/db/briefings'
import { recordPrayed } from '~/db/prayed'
import { addRequest, archiveRequest, createList } from '~/db/requests'
import { setSetting } from '~/db/settings'
import { snapshotOf } from '~/db/snapshot'
import { localDayBounds, readToday } from '~/db/today'
import type { PointerSnapshot, PrayerRequest } from '~/db/types'
import { localDayNumber } from '~/utils/today-rotation'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

/** 14 May 2026, local time. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 4, day, hour, minute)

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(at(14, 9))
})
afterEach(() => vi.useRealTimers())

const older = makeBriefing({ id: '2026-05-10-older', date: '2026-05-10', title: 'Older' })
const newest = makeBriefing({ id: '2026-05-13-newest', date: '2026-05-13', title: 'Newest' })
const [n1, n2] = newest.pointers.map(pointer => snapshotOf(newest, pointer))
const words = (text: string) => ({ text, notes: '', scripture: null })
const ids = (snapshots: PointerSnapshot[]) => snapshots.map(snapshot => snapshot.pointerId)

async function prayedAt(pointer: PointerSnapshot, when: Date) {
  const record = await recordPrayed(pointer)
  await db.prayed.update(record.id, { prayedAt: when.toISOString() })
  return record
}

describe('localDayBounds', () => {
  it('runs from local midnight to the next', () => {
    expect(localDayBounds(at(14, 23, 59))).toEqual({ from: at(14, 0).toISOString(), to: at(15, 0).toISOString() })
  })
})

describe('readToday', () => {
  it('has nothing to offer an empty journal', async () => {
    expect(await readToday()).toEqual({ day: '2026-05-14', briefing: null, pointers: [], lists: [], prayed: [], hasRequests: false })
  })

  it('offers the newest briefing’s pointers, in order, and nothing of older briefings', async () => {
    await mirrorBriefings([{ briefing: newest, hash: 'n' }, { briefing: older, hash: 'o' }], 'feed')
    const today = await readToday()
    expect(today.briefing).toEqual({ id: newest.id, title: 'Newest', date: '2026-05-13' })
    expect(today.pointers).toEqual([n1, n2])
  })

  it('leaves out a pointer prayed for before today, and moves one prayed for today to prayed', async () => {
    await mirrorBriefings([{ briefing: newest, hash: 'n' }], 'feed')
    await prayedAt(n1!, at(13, 23, 59))
    expect(ids((await readToday()).pointers)).toEqual([n2!.pointerId])

    const record = await prayedAt(n2!, at(14, 0, 0))
    const today = await readToday()
    expect(today.pointers).toEqual([])
    expect(today.prayed).toEqual([{ ...record, prayedAt: at(14, 0).toISOString() }])
  })

  it('starts afresh at local midnight: yesterday’s prayers are no longer today’s', async () => {
    await mirrorBriefings([{ briefing: newest, hash: 'n' }], 'feed')
    await prayedAt(n1!, at(14, 23, 59))
    expect(ids((await readToday()).prayed)).toEqual([n1!.pointerId])
    vi.setSystemTime(at(15, 0, 0))
    const tomorrow = await readToday()
    expect(tomorrow.day).toBe('2026-05-15')
    expect(tomorrow.prayed).toEqual([])
    expect(ids(tomorrow.pointers)).toEqual([n2!.pointerId])
  })

  it('lists each pointer prayed for today once, in the order first prayed, whatever briefing or list it is from', async () => {
    const list = await createList('Family')
    const request = await addRequest(words('Aunt Miriam'), list.id)
    const [o1] = older.pointers.map(pointer => snapshotOf(older, pointer))
    await prayedAt(o1!, at(14, 7))
    await prayedAt({ ...n1!, briefingId: 'my-prayers', pointerId: request.id, pointerText: 'Aunt Miriam' }, at(14, 8))
    await prayedAt(o1!, at(14, 10))
    await prayedAt(n1!, at(13, 8))
    await prayedAt(n1!, at(15, 8))
    const { prayed } = await readToday(at(14, 12))
    expect(prayed.map(record => [record.pointerId, record.prayedAt])).toEqual([
      [o1!.pointerId, at(14, 7).toISOString()],
      [request.id, at(14, 8).toISOString()],
    ])
  })

  it('offers todayPerList requests from each list in turn, lists in order, archived ones never', async () => {
    const family = await createList('Family')
    const church = await createList('Church')
    const empty = await createList('Empty')
    const f: PrayerRequest[] = []
    for (const name of ['Mum', 'Dad', 'Sam']) f.push(await addRequest(words(name), family.id))
    const pastor = await addRequest(words('Pastor'), church.id)
    await archiveRequest((await addRequest(words('Old building'), church.id)).id)
    await archiveRequest((await addRequest(words('Gone'), empty.id)).id)

    const day = localDayNumber(at(14, 9))
    const expected = (perList: number) => [0, 1].slice(0, perList).map(i => f[(day * perList + i) % 3]!.id)
    const today = await readToday()
    expect(today.hasRequests).toBe(true)
    expect(today.lists.map(({ list }) => list.name)).toEqual(['Family', 'Church'])
    expect(ids(today.lists[0]!.requests)).toEqual(expected(2))
    expect(today.lists[0]!.requests[0]).toMatchObject({ briefingId: 'my-prayers', briefingTitle: 'My prayers: Family' })
    expect(ids(today.lists[1]!.requests)).toEqual([pastor.id])

    expect(ids((await readToday(at(14, 23))).lists[0]!.requests)).toEqual(expected(2))
    await setSetting('todayPerList', 1)
    expect(ids((await readToday()).lists[0]!.requests)).toEqual(expected(1))
    const nextDay = (await readToday(at(15, 9))).lists[0]!.requests
    expect(ids(nextDay)).toEqual([f[(day + 1) % 3]!.id])
  })

  it('takes a request prayed for today out of its list, and a list with nothing left out of Today', async () => {
    const church = await createList('Church')
    const pastor = await addRequest(words('Pastor'), church.id)
    const { lists: [turn] } = await readToday()
    await recordPrayed(turn!.requests[0]!)
    const today = await readToday()
    expect(today.lists).toEqual([])
    expect(today.hasRequests).toBe(true)
    expect(ids(today.prayed)).toEqual([pastor.id])
  })
})
