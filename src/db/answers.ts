import { db } from './index'
import { copySnapshot } from './snapshot'
import type { AnsweredNote, PointerSnapshot } from './types'

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

/** Every answered note, most recently answered first. */
export async function listAnsweredNewestFirst(): Promise<AnsweredNote[]> {
  return db.answers.orderBy('answeredAt').reverse().toArray()
}
