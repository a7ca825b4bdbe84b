import type { IndexableType } from 'dexie'
import { db } from './index'
import type { AnsweredNote, JournalEntry, PrayedRecord, StoredBriefing } from './types'

export interface BriefingSummary {
  briefing: StoredBriefing
  entryCount: number
  answeredCount: number
  prayedCount: number
  /** Never opened on this device. */
  isNew: boolean
}

export interface BriefingDetail {
  briefing: StoredBriefing
  /** By pointer id, newest first. */
  entries: Map<string, JournalEntry[]>
  /** By pointer id. */
  answers: Map<string, AnsweredNote>
  /** By pointer id, newest first. */
  prayed: Map<string, PrayedRecord[]>
}

function tally(keys: IndexableType[]): Map<string, number> {
  const counts = new Map<string, number>()
  for (const key of keys) counts.set(String(key), (counts.get(String(key)) ?? 0) + 1)
  return counts
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
 * Every stored briefing, newest first, with its counts. The counts come from key-only scans of
 * the briefingId indexes (one cursor per table, no record values), not one query per briefing.
 */
export async function listBriefings(): Promise<BriefingSummary[]> {
  return db.transaction('r', [db.briefings, db.entries, db.answers, db.prayed], async () => {
    const [briefings, entryKeys, answerKeys, prayedKeys] = await Promise.all([
      db.briefings.toArray(),
      db.entries.orderBy('briefingId').keys(),
      db.answers.orderBy('briefingId').keys(),
      db.prayed.orderBy('briefingId').keys(),
    ])
    const [entries, answers, prayed] = [tally(entryKeys), tally(answerKeys), tally(prayedKeys)]
    // Newest first; same-day briefings go by when they arrived.
    briefings.sort((a, b) => b.sortDate.localeCompare(a.sortDate) || b.addedAt.localeCompare(a.addedAt))
    return briefings.map(briefing => ({
      briefing,
      entryCount: entries.get(briefing.id) ?? 0,
      answeredCount: answers.get(briefing.id) ?? 0,
      prayedCount: prayed.get(briefing.id) ?? 0,
      isNew: briefing.openedAt === null,
    }))
  })
}

/** One briefing and everything recorded against its pointers; null when it is not stored. */
export async function loadBriefingDetail(id: string): Promise<BriefingDetail | null> {
  return db.transaction('r', [db.briefings, db.entries, db.answers, db.prayed], async () => {
    const [briefing, entries, answers, prayed] = await Promise.all([
      db.briefings.get(id),
      db.entries.where('briefingId').equals(id).toArray(),
      db.answers.where('briefingId').equals(id).toArray(),
      db.prayed.where('briefingId').equals(id).toArray(),
    ])
    if (!briefing) return null
    return {
      briefing,
      entries: groupNewestFirst(entries, entry => entry.createdAt),
      answers: new Map(answers.map(answer => [answer.pointerId, answer])),
      prayed: groupNewestFirst(prayed, record => record.prayedAt),
    }
  })
}
