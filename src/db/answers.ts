import Dexie, { type Table } from 'dexie'
import { db } from './index'
import { pagePrimaryKeys, type PageKey, type PageRange } from './index-pages'
import { copySnapshot } from './snapshot'
import type { AnsweredNote, PointerSnapshot } from './types'
import { timed } from './timing'

/**
 * Marks a pointer answered, or changes the note of one already answered (it keeps the day it
 * was answered). An empty note is fine: answered without words.
 */
export async function markAnswered(pointer: PointerSnapshot, note: string): Promise<AnsweredNote> {
  const snapshot = copySnapshot(pointer)
  const trimmed = note.trim()
  const now = new Date().toISOString()
  return db.transaction('rw', db.answers, async () => {
    const existing = await db.answers.get(snapshot.pointerId)
    if (existing && existing.note === trimmed) return existing
    const answer: AnsweredNote = existing
      ? { ...existing, note: trimmed, editedAt: now }
      : { ...snapshot, note: trimmed, answeredAt: now, editedAt: now }
    await db.answers.put(answer)
    return answer
  })
}

/** Removes the answered note and hands it back, so the UI can offer Undo. */
export async function unmarkAnswered(pointerId: string): Promise<AnsweredNote | undefined> {
  return db.transaction('rw', db.answers, async () => {
    const existing = await db.answers.get(pointerId)
    if (existing) await db.answers.delete(pointerId)
    return existing
  })
}

/** Puts an unmarked note back exactly as it was (the Undo of unmarkAnswered). */
export async function restoreAnswer(note: AnsweredNote): Promise<void> {
  await db.answers.put({ ...copySnapshot(note), note: note.note, answeredAt: note.answeredAt, editedAt: note.editedAt })
}

/** An answered note as the Answered list shows it. */
export interface AnsweredRow {
  answer: AnsweredNote
  /** The earliest entry or prayer for its pointer before the answer; null when there was none. */
  firstPrayedAt: string | null
}

/** Where a row sits in the Answered list, for the page after it. */
export function answeredPageKey(row: AnsweredRow): PageKey {
  return { key: row.answer.answeredAt, id: row.answer.pointerId }
}

/** The time of the first record in `index` ([pointerId+time]) up to `until`: the key alone, no record. */
async function firstTime(table: Table, index: string, pointerId: string, until: string): Promise<string | undefined> {
  const [key] = await table.where(index).between([pointerId, Dexie.minKey], [pointerId, until], true, true).limit(1).keys()
  return (key as [string, string] | undefined)?.[1]
}

/** When the person first wrote or prayed about the pointer, if that came before its answer. */
async function firstPrayedAt(answer: AnsweredNote): Promise<string | null> {
  const times = await Promise.all([
    firstTime(db.entries, '[pointerId+createdAt]', answer.pointerId, answer.answeredAt),
    firstTime(db.prayed, '[pointerId+prayedAt]', answer.pointerId, answer.answeredAt),
  ])
  return times.filter(time => time !== undefined).sort()[0] ?? null
}

/**
 * One page of answered notes, most recently answered first, each with when its prayer began.
 * Reads only the page's notes and two index keys per note, and, in a liveQuery, follows only them.
 */
export async function readAnsweredPage(range: PageRange, limit: number): Promise<AnsweredRow[]> {
  return timed('answered', () => db.transaction('r', [db.answers, db.entries, db.prayed], async () => {
    const ids = await pagePrimaryKeys(db.answers, 'answeredAt', range, limit)
    const answers = (await db.answers.bulkGet(ids)).filter(answer => answer !== undefined)
    const firsts = await Promise.all(answers.map(firstPrayedAt))
    return answers.map((answer, i) => ({ answer, firstPrayedAt: firsts[i] ?? null }))
  }))
}
