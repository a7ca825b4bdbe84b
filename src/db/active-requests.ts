import { db } from './index'
import type { PrayerList, PrayerRequest } from './types'

/**
 * The active requests, lists in order and each list's in order, without reading an archived one:
 * IndexedDB cannot index a null `archivedAt`, so they are every key less the archived index's keys.
 */
export async function activeRequests(lists: PrayerList[]): Promise<{ active: PrayerRequest[], archivedCount: number }> {
  const [keys, archived] = await Promise.all([db.requests.toCollection().primaryKeys(), db.requests.where('archivedAt').above('').primaryKeys()])
  const put = new Set(archived)
  const rows = await db.requests.bulkGet(keys.filter(key => !put.has(key)))
  const position = new Map(lists.map((list, index) => [list.id, index]))
  const active = rows.filter((row): row is PrayerRequest => row !== undefined && position.has(row.listId))
    .sort((a, b) => position.get(a.listId)! - position.get(b.listId)! || a.order - b.order)
  return { active, archivedCount: archived.length }
}

/** The active requests of every list, lists in order, for Today's rotation. */
export async function readActiveRequests(): Promise<{ list: PrayerList, requests: PrayerRequest[] }[]> {
  return db.transaction('r', db.prayerLists, db.requests, async () => {
    const lists = await db.prayerLists.orderBy('order').toArray()
    const { active } = await activeRequests(lists)
    return lists.map(list => ({ list, requests: active.filter(request => request.listId === list.id) }))
  })
}
