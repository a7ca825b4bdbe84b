import { UserFacingError } from './errors'
import { db } from './index'
import { copySnapshot } from './snapshot'
import type { JournalEntry, PointerSnapshot } from './types'
import { timed } from './timing'

function entryText(text: string): string {
  const trimmed = text.trim()
  if (!trimmed) throw new UserFacingError('Write something before saving.')
  return trimmed
}

export async function addEntry(pointer: PointerSnapshot, text: string): Promise<JournalEntry> {
  const now = new Date().toISOString()
  const entry: JournalEntry = {
    ...copySnapshot(pointer),
    id: crypto.randomUUID(),
    text: entryText(text),
    createdAt: now,
    editedAt: now,
  }
  await timed('add-entry', () => db.entries.add(entry))
  return entry
}

/** Replaces the words of an entry; it keeps its place in time (createdAt). */
export async function editEntry(id: string, text: string): Promise<JournalEntry> {
  const trimmed = entryText(text)
  const now = new Date().toISOString()
  return db.transaction('rw', db.entries, async () => {
    const existing = await db.entries.get(id)
    if (!existing) throw new UserFacingError('This journal entry no longer exists, so it could not be changed.')
    if (existing.text === trimmed) return existing
    const edited: JournalEntry = { ...existing, text: trimmed, editedAt: now }
    await db.entries.put(edited)
    return edited
  })
}

/** Removes an entry and hands it back, so the UI can offer Undo. */
export async function deleteEntry(id: string): Promise<JournalEntry | undefined> {
  return db.transaction('rw', db.entries, async () => {
    const existing = await db.entries.get(id)
    if (existing) await db.entries.delete(id)
    return existing
  })
}

/** Puts a deleted entry back exactly as it was (the Undo of deleteEntry). */
export async function restoreEntry(entry: JournalEntry): Promise<void> {
  await db.entries.put({ ...copySnapshot(entry), id: entry.id, text: entry.text, createdAt: entry.createdAt, editedAt: entry.editedAt })
}
