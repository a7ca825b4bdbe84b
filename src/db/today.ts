import Dexie from 'dexie'
import { dayKey } from '~/utils/dates'
import { localDayNumber, todaysTurn } from '~/utils/today-rotation'
import { BRIEFING_ORDER } from './schema'
import { db } from './index'
import { readActiveRequests } from './active-requests'
import { getSetting } from './settings'
import { requestSnapshot, snapshotOf } from './snapshot'
import { timed } from './timing'
import type { PointerSnapshot, PrayedRecord, PrayerList, StoredBriefing } from './types'

/**
 * What to pray for today: the newest briefing's pointers not prayed for yet, then a few of each
 * list's requests in turn (utils/today-rotation.ts), and what has been prayed today. Every read is
 * bounded by one briefing, one local day or the person's own requests, never by the journal's size.
 */

export interface TodayList {
  list: PrayerList
  /** Today's turn of the list, less those already prayed for today. */
  requests: PointerSnapshot[]
}

export interface Today {
  /** The local day read, YYYY-MM-DD. */
  day: string
  briefing: Pick<StoredBriefing, 'id' | 'title' | 'date'> | null
  /** The newest briefing's pointers with no prayer recorded, before today or today. */
  pointers: PointerSnapshot[]
  /** Lists with something left today, in order. */
  lists: TodayList[]
  /** One per pointer prayed for today (its first prayer of the day), in the order they were prayed. */
  prayed: PrayedRecord[]
  /** Whether the person has any active request at all (for what an empty Today says). */
  hasRequests: boolean
}

/** The local day of `now` as the ISO bounds the time indexes hold: start included, end excluded. */
export function localDayBounds(now: Date): { from: string, to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate())
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1)
  return { from: start.toISOString(), to: end.toISOString() }
}

/**
 * Which of `pointerIds` were prayed for before `before`: one key at most per pointer, so a briefing
 * prayed through every day for years (a feed gone quiet) costs what a new one does.
 */
async function pointersPrayedBefore(pointerIds: string[], before: string): Promise<Set<string>> {
  const found = await Promise.all(pointerIds.map(id => db.prayed.where('[pointerId+prayedAt]').between([id, Dexie.minKey], [id, before], true, false).limit(1).primaryKeys()))
  return new Set(pointerIds.filter((_, index) => found[index]!.length > 0))
}

function firstOfEachPointer(records: PrayedRecord[]): PrayedRecord[] {
  const seen = new Set<string>()
  return records.filter(record => !seen.has(record.pointerId) && seen.add(record.pointerId))
}

export async function readToday(now: Date = new Date()): Promise<Today> {
  const { from, to } = localDayBounds(now)
  return timed('today', () => db.transaction('r', [db.briefings, db.prayed, db.prayerLists, db.requests, db.settings], async () => {
    const [newest, prayedToday, active, perList] = await Promise.all([
      db.briefings.orderBy(BRIEFING_ORDER).last(),
      db.prayed.where('prayedAt').between(from, to, true, false).toArray(),
      readActiveRequests(),
      getSetting('todayPerList'),
    ])
    const prayed = firstOfEachPointer(prayedToday)
    const done = new Set(prayed.map(record => record.pointerId))
    const before = newest ? await pointersPrayedBefore(newest.pointers.map(pointer => pointer.id), from) : new Set<string>()
    const pointers = newest
      ? newest.pointers.filter(pointer => !done.has(pointer.id) && !before.has(pointer.id)).map(pointer => snapshotOf(newest, pointer))
      : []
    const day = localDayNumber(now)
    const lists = active
      .map(({ list, requests }) => ({
        list,
        requests: todaysTurn(requests, perList, day).filter(request => !done.has(request.id)).map(request => requestSnapshot(request, list)),
      }))
      .filter(list => list.requests.length > 0)
    return {
      day: dayKey(now),
      briefing: newest ? { id: newest.id, title: newest.title, date: newest.date } : null,
      pointers,
      lists,
      prayed,
      hasRequests: active.some(({ requests }) => requests.length > 0),
    }
  }))
}
