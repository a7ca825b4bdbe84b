import { db } from './index'
import type { AnsweredNote, JournalEntry, PrayedRecord, StoredBriefing } from './types'

export interface BriefingDetail {
  briefing: StoredBriefing
  /** By pointer id, newest first. */
  entries: Map<string, JournalEntry[]>
  /** By pointer id. */
  answers: Map<string, AnsweredNote>
  /** By pointer id, newest first. */
  prayed: Map<string, PrayedRecord[]>
}

function groupNewestFirst<T extends { pointerId: string }>(rows: T[], time: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const row of [...rows].sort((a, b) => time(b).localeCompare(time(a)))) {
    const group = groups.get(row.pointerId)
    if (group) group.push(row)
    else groups.set(row.pointerId, [row])
  }
  return groups
}

/**
 * One briefing and everything recorded against its pointers; null when it is not stored. No
 * explicit transaction: inside a live query each read is then Dexie's to cache, so a write in this
 * tab shows at once (optimistically, before its commit; a failed write takes it back), and a
 * change between the reads only runs the query again.
 */
export async function loadBriefingDetail(id: string): Promise<BriefingDetail | null> {
  // The briefing first: an id with no briefing reads no records. `/briefings/my-prayers` would
  // otherwise have read every record about every one of the person's requests, to show nothing.
  const briefing = await db.briefings.get(id)
  if (!briefing) return null
  const [entries, answers, prayed] = await Promise.all([
    db.entries.where('briefingId').equals(id).toArray(),
    db.answers.where('briefingId').equals(id).toArray(),
    db.prayed.where('briefingId').equals(id).toArray(),
  ])
  return {
    briefing,
    entries: groupNewestFirst(entries, entry => entry.createdAt),
    answers: new Map(answers.map(answer => [answer.pointerId, answer])),
    prayed: groupNewestFirst(prayed, record => record.prayedAt),
  }
}
