import Dexie from 'dexie'
import { db } from './index'
import { activeRequests } from './active-requests'
import { timed } from './timing'
import type { AnsweredNote, JournalEntry, PrayedRecord, PrayerList, PrayerRequest } from './types'

// In their own module, which Today's read imports without the rest of My prayers' reads.
export { readActiveRequests } from './active-requests'

/** A request as My prayers shows it: its words, and only the few records its card needs. */
export interface RequestSummary {
  request: PrayerRequest
  prayedCount: number
  lastPrayed: PrayedRecord | undefined
  /** The newest few, newest first (the thread has them all). */
  entries: JournalEntry[]
  answer: AnsweredNote | undefined
}

export interface MyPrayers {
  lists: PrayerList[]
  /** The first `limit` active requests with their cards' records, by list id, in order. */
  requests: Map<string, RequestSummary[]>
  /** How many active requests each list holds, and all of them: more than `limit` means more to show. */
  activeByList: Map<string, number>
  activeCount: number
  /** The newest archived ones, newest first (once every active one is in `requests`), and how many there are. */
  archived: PrayerRequest[]
  archivedCount: number
}

const NEWEST_ENTRIES = 3
/** Archived requests My prayers lists, newest first: years of them stay a short read. */
export const ARCHIVED_SHOWN = 100
/** Cards drawn at first; more as the reader nears the end. */
export const REQUESTS_FIRST_PAGE = 10

/**
 * Each request's records through the pointer's own indexes: counts are key counts and only the
 * newest rows are read, so a request prayed for every day for thirty years costs what a new one does.
 */
async function summarise(request: PrayerRequest): Promise<RequestSummary> {
  const bounds = [[request.id, Dexie.minKey], [request.id, Dexie.maxKey]] as const
  const prayed = () => db.prayed.where('[pointerId+prayedAt]').between(...bounds)
  const entries = () => db.entries.where('[pointerId+createdAt]').between(...bounds)
  const [prayedCount, lastPrayed, newest, answer] = await Promise.all([
    prayed().count(),
    prayed().reverse().first(),
    entries().reverse().limit(NEWEST_ENTRIES).toArray(),
    db.answers.get(request.id),
  ])
  return { request, prayedCount, lastPrayed, entries: newest, answer }
}

/** My prayers: every list, the first `limit` active requests with their records, the newest archived. */
export async function readMyPrayers(limit = REQUESTS_FIRST_PAGE): Promise<MyPrayers> {
  return timed('my-prayers', () => db.transaction('r', [db.prayerLists, db.requests, db.prayed, db.entries, db.answers], async () => {
    const lists = await db.prayerLists.orderBy('order').toArray()
    const { active, archivedCount } = await activeRequests(lists)
    // The archived ones are listed after the last active card: read only once that is drawn.
    const [summaries, archived] = await Promise.all([
      Promise.all(active.slice(0, limit).map(summarise)),
      active.length <= limit ? db.requests.where('archivedAt').above('').reverse().limit(ARCHIVED_SHOWN).toArray() : [],
    ])
    const requests = new Map<string, RequestSummary[]>(lists.map(list => [list.id, []]))
    for (const summary of summaries) requests.get(summary.request.listId)!.push(summary)
    const activeByList = new Map<string, number>(lists.map(list => [list.id, 0]))
    for (const request of active) activeByList.set(request.listId, activeByList.get(request.listId)! + 1)
    return { lists, requests, activeByList, activeCount: active.length, archived, archivedCount }
  }))
}

/** One request with its list, for its thread and for Today. */
export async function readRequest(id: string): Promise<{ request: PrayerRequest, list: PrayerList | undefined } | undefined> {
  return db.transaction('r', db.requests, db.prayerLists, async () => {
    const request = await db.requests.get(id)
    return request && { request, list: await db.prayerLists.get(request.listId) }
  })
}
