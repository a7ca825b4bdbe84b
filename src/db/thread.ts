import Dexie from 'dexie'
import type { Scripture } from '~/briefings/types'
import { isRequestId, MY_PRAYERS_ID } from '~/briefings/my-prayers'
import { db } from './index'
import { readRequest } from './request-reads'
import { requestSnapshot } from './requests'
import type { TimelineItem } from './timeline'
import type { AnsweredNote, JournalEntry, PointerSnapshot, PrayedRecord } from './types'
import { timed } from './timing'

/**
 * A pointer's thread: its words, then everything written, prayed and answered for it, oldest first.
 * Read through the pointer's own indexes, so its cost does not grow with the rest of the journal.
 */
export interface PointerThread {
  pointerId: string
  briefingId: string
  briefingTitle: string
  label: string | null
  text: string
  /** The quote and reference, while the briefing is stored with this pointer in it. */
  scripture: Scripture | null
  /** The reference alone, from a record's snapshot, when the briefing no longer has the pointer. */
  scriptureReference: string | null
  /** The briefing is still on this device (its page can be opened). */
  briefingStored: boolean
  /** Oldest first: everything, or everything since `earlierBefore`. */
  events: TimelineItem[]
  /**
   * Set when the pointer has more records than a thread shows (a request prayed for every day
   * for years): the time before which its records are left to the Journal's filtered timeline.
   */
  earlierBefore: string | null
}

/** The newest records of each kind a thread reads: years of daily prayer stay one quick read. */
export const THREAD_LIMIT = 500

export const writtenItem = (record: JournalEntry): TimelineItem => ({ kind: 'written', key: `written:${record.id}`, at: record.createdAt, record })
export const prayedItem = (record: PrayedRecord): TimelineItem => ({ kind: 'prayed', key: `prayed:${record.id}`, at: record.prayedAt, record })
export const answeredItem = (record: AnsweredNote): TimelineItem => ({ kind: 'answered', key: `answered:${record.pointerId}`, at: record.answeredAt, record })

/** Oldest first; the same moment goes by key, so the order never wobbles between reads. */
export function oldestFirst(a: TimelineItem, b: TimelineItem): number {
  if (a.at !== b.at) return a.at < b.at ? -1 : 1
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0
}

/** Pointer ids are `<briefingId>-p<n>` (briefings/ids.ts): a pointer with no records yet still finds its briefing. */
function briefingIdOf(pointerId: string): string | null {
  const match = /^(.+)-p\d+$/.exec(pointerId)
  return match ? match[1]! : null
}

/** The thread of one pointer, or null when neither a stored briefing nor any record knows it. */
export async function loadThread(pointerId: string): Promise<PointerThread | null> {
  return timed('thread', async () => {
    const guessedBriefingId = briefingIdOf(pointerId)
    // The four reads in one transaction with no await inside it (Dexie keeps track of each await
    // in a transaction): 1.5 ms against 1.8 ms warm, raw IndexedDB 1.0-1.1 ms.
    const [entries, prayed, answer, guessedBriefing] = await db.transaction('r', [db.briefings, db.entries, db.answers, db.prayed], () => Promise.all([
      db.entries.where('[pointerId+createdAt]').between([pointerId, Dexie.minKey], [pointerId, Dexie.maxKey]).reverse().limit(THREAD_LIMIT).toArray(),
      db.prayed.where('[pointerId+prayedAt]').between([pointerId, Dexie.minKey], [pointerId, Dexie.maxKey]).reverse().limit(THREAD_LIMIT).toArray(),
      db.answers.get(pointerId),
      guessedBriefingId ? db.briefings.get(guessedBriefingId) : undefined,
    ]))
    // A kind cut short at its limit leaves a gap before its oldest record read: the thread starts
    // there, so what it shows has no hole in it, and says where the rest is.
    const cuts = [entries.length === THREAD_LIMIT ? entries.at(-1)!.createdAt : '', prayed.length === THREAD_LIMIT ? prayed.at(-1)!.prayedAt : '']
    const earlierBefore = cuts.reduce((latest, at) => (at > latest ? at : latest), '') || null
    const events = [...entries.map(writtenItem), ...prayed.map(prayedItem), ...(answer ? [answeredItem(answer)] : [])]
      .filter(event => earlierBefore === null || event.at >= earlierBefore)
    events.sort(oldestFirst)
    // The newest record has the pointer's latest words, for when the briefing is gone.
    const snapshot: PointerSnapshot | undefined = events[events.length - 1]?.record
    if (isRequestId(pointerId)) return requestThread(pointerId, snapshot, events, earlierBefore)
    const briefingId = snapshot?.briefingId ?? guessedBriefingId
    if (!briefingId) return null
    const briefing = guessedBriefing?.id === briefingId ? guessedBriefing : await db.briefings.get(briefingId)
    const pointer = briefing?.pointers.find(candidate => candidate.id === pointerId)

    if (pointer && briefing) {
      return {
        pointerId,
        briefingId,
        briefingTitle: briefing.title,
        label: pointer.label,
        text: pointer.text,
        scripture: pointer.scripture,
        scriptureReference: pointer.scripture?.reference ?? null,
        briefingStored: true,
        events,
        earlierBefore,
      }
    }
    if (!snapshot) return null
    return {
      pointerId,
      briefingId,
      briefingTitle: briefing?.title ?? snapshot.briefingTitle,
      label: snapshot.pointerLabel,
      text: snapshot.pointerText,
      scripture: null,
      scriptureReference: snapshot.scriptureReference,
      briefingStored: briefing !== undefined,
      events,
      earlierBefore,
    }
  })
}

/** A request's thread: its words as they read now, or as its newest record copied them once it is gone. */
async function requestThread(pointerId: string, snapshot: PointerSnapshot | undefined, events: TimelineItem[], earlierBefore: string | null): Promise<PointerThread | null> {
  const found = await readRequest(pointerId)
  if (!found && !snapshot) return null
  return {
    pointerId,
    briefingId: MY_PRAYERS_ID,
    briefingTitle: found ? requestSnapshot(found.request, found.list).briefingTitle : snapshot!.briefingTitle,
    label: null,
    text: found?.request.text ?? snapshot!.pointerText,
    // A reference with no words of its own reads as a reference, not an empty quote.
    scripture: found?.request.scripture?.quote ? found.request.scripture : null,
    scriptureReference: found ? found.request.scripture?.reference ?? null : snapshot!.scriptureReference,
    briefingStored: found !== undefined,
    events,
    earlierBefore,
  }
}
