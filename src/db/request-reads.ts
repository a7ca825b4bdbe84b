import Dexie from 'dexie'
import { db } from './index'
import type { AnsweredNote, JournalEntry, PrayedRecord, PrayerList, PrayerRequest } from './types'

/** A request as My prayers shows it: its words, and only the few records its card needs. */
export interface RequestSummary {
  request: PrayerRequest
  prayedCount: number
  lastPrayed: PrayedRecord | undefined
  /** The newest few, newest first. */
  entries: JournalEntry[]
  entryCount: number
  answer: AnsweredNote | undefined
}

export interface MyPrayers {
  lists: PrayerList[]
  /** Active requests by list id, in order. */
  requests: Map<string, RequestSummary[]>
  archived: PrayerRequest[]
}

const NEWEST_ENTRIES = 3
/** Archived requests My prayers lists, newest first: years of them stay a short read. */
export const ARCHIVED_SHOWN = 100

/**
 * Each request's records through the pointer's own indexes: counts are key counts and only the
 * newest rows are read, so a request prayed for every day for thirty years costs what a new one does.
 */
async function summarise(request: PrayerRequest): Promise<RequestSummary> {
  const bounds = [[request.id, Dexie.minKey], [request.id, Dexie.maxKey]] as const
  const prayed = () => db.prayed.where('[pointerId+prayedAt]').between(...bounds)
  const entries = () => db.entries.where('[pointerId+createdAt]').between(...bounds)
  const [prayedCount, lastPrayed, newest, entryCount, answer] = await Promise.all([
    prayed().count(),
    prayed().reverse().first(),
    entries().reverse().limit(NEWEST_ENTRIES).toArray(),
    entries().count(),
    db.answers.get(request.id),
  ])
  return { request, prayedCount, lastPrayed, entries: newest, entryCount, answer }
}

export async function readMyPrayers(): Promise<MyPrayers> {
  return db.transaction('r', [db.prayerLists, db.requests, db.prayed, db.entries, db.answers], async () => {
    const [lists, all] = await Promise.all([db.prayerLists.orderBy('order').toArray(), db.requests.orderBy('[listId+order]').toArray()])
    const active = all.filter(request => request.archivedAt === null)
    const summaries = await Promise.all(active.map(summarise))
    const requests = new Map<string, RequestSummary[]>(lists.map(list => [list.id, []]))
    for (const summary of summaries) requests.get(summary.request.listId)?.push(summary)
    const archived = all.filter(request => request.archivedAt !== null)
      .sort((a, b) => (a.archivedAt! < b.archivedAt! ? 1 : -1))
      .slice(0, ARCHIVED_SHOWN)
    return { lists, requests, archived }
  })
}

/** One request with its list, for its thread and for Today. */
export async function readRequest(id: string): Promise<{ request: PrayerRequest, list: PrayerList | undefined } | undefined> {
  return db.transaction('r', db.requests, db.prayerLists, async () => {
    const request = await db.requests.get(id)
    return request && { request, list: await db.prayerLists.get(request.listId) }
  })
}

/** The active requests of every list, lists in order, for Today's rotation. */
export async function readActiveRequests(): Promise<{ list: PrayerList, requests: PrayerRequest[] }[]> {
  return db.transaction('r', db.prayerLists, db.requests, async () => {
    const [lists, all] = await Promise.all([db.prayerLists.orderBy('order').toArray(), db.requests.orderBy('[listId+order]').toArray()])
    return lists.map(list => ({ list, requests: all.filter(request => request.listId === list.id && request.archivedAt === null) }))
  })
}
