import Dexie from 'dexie'
import { MY_PRAYERS_ID } from '~/briefings/my-prayers'
import type { ClosingPrayer, Scripture } from '~/briefings/types'
import { db } from './index'
import { snapshotOf } from './snapshot'
import { readToday } from './today'
import type { JournalEntry, PointerSnapshot, PrayedRecord } from './types'

/**
 * What pray-through mode walks: a briefing's pointers, or Today's items, one at a time. Read once
 * when the walk starts, so praying for an item never makes the list move under the reader. Every
 * read is bounded by one briefing or one day's few items, never by the journal's size.
 */

export interface PrayStep {
  snapshot: PointerSnapshot
  /** The words of the scripture too, which the snapshot does not keep. */
  scripture: Scripture | null
  /** "Pointer 2: Pray", or the list a request sits in. */
  title: string
  /** Where it comes from, when that is not the walk's own title: the briefing's title, or "From your lists". */
  from: string
  /** Its place in its briefing, which names its journal box; null for a request (named by its words). */
  position: number | null
}

export interface PrayWalk {
  title: string
  steps: PrayStep[]
  prayer: ClosingPrayer | null
}

const pointerTitle = (position: number, label: string | null) => `Pointer ${position}${label ? `: ${label}` : ''}`

/** A briefing's pointers in order, with its closing prayer; null when it is not on this device. */
export async function readBriefingWalk(id: string): Promise<PrayWalk | null> {
  const briefing = id === MY_PRAYERS_ID ? undefined : await db.briefings.get(id)
  if (!briefing) return null
  const steps = briefing.pointers.map((pointer, index) => ({
    snapshot: snapshotOf(briefing, pointer),
    scripture: pointer.scripture,
    title: pointerTitle(index + 1, pointer.label),
    from: '',
    position: index + 1,
  }))
  return { title: briefing.title, steps, prayer: briefing.prayer }
}

/** Today's items as Today shows them now: the newest briefing's unprayed pointers, then each list's requests. */
export async function readTodayWalk(now = new Date()): Promise<PrayWalk> {
  const today = await readToday(now)
  const requests = today.lists.flatMap(({ list, requests }) => requests.map(snapshot => ({ snapshot, list: list.name })))
  const [briefing, rows] = await Promise.all([
    today.briefing ? db.briefings.get(today.briefing.id) : undefined,
    db.requests.bulkGet(requests.map(({ snapshot }) => snapshot.pointerId)),
  ])
  const pointers = briefing?.pointers ?? []
  const fromBriefing = today.pointers.map((snapshot) => {
    const index = pointers.findIndex(pointer => pointer.id === snapshot.pointerId)
    return { snapshot, scripture: pointers[index]?.scripture ?? null, title: pointerTitle(index + 1, snapshot.pointerLabel), from: snapshot.briefingTitle, position: index + 1 }
  })
  const fromLists = requests.map(({ snapshot, list }, index) => ({
    snapshot,
    // An empty quote is a reference alone, as the briefing's own pointers have it.
    scripture: rows[index]?.scripture ?? null,
    title: list,
    from: 'From your lists',
    position: null,
  }))
  return { title: 'Today', steps: [...fromBriefing, ...fromLists], prayer: null }
}

export interface StepRecords {
  prayedCount: number
  lastPrayed: PrayedRecord | undefined
  entryCount: number
  newestEntry: JournalEntry | undefined
}

/** What one item's screen shows of its records: key counts and the newest row of each, however long its history. */
async function readStepRecords(pointerId: string): Promise<StepRecords> {
  const bounds = [[pointerId, Dexie.minKey], [pointerId, Dexie.maxKey]] as const
  const prayed = () => db.prayed.where('[pointerId+prayedAt]').between(...bounds)
  const entries = () => db.entries.where('[pointerId+createdAt]').between(...bounds)
  const [prayedCount, lastPrayed, entryCount, newestEntry] = await Promise.all([
    prayed().count(),
    prayed().last(),
    entries().count(),
    entries().last(),
  ])
  return { prayedCount, lastPrayed, entryCount, newestEntry }
}

/** Every step's records at once, so moving on draws the next item whole and nothing below it shifts. */
export async function readWalkRecords(pointerIds: string[]): Promise<Map<string, StepRecords>> {
  const found = await Promise.all(pointerIds.map(readStepRecords))
  return new Map(pointerIds.map((id, index) => [id, found[index]!]))
}
