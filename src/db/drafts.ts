import { toRaw } from 'vue'
import { db } from './index'
import type { Draft, DraftKind } from './types'

export interface DraftTarget {
  key: string
  kind: DraftKind
  briefingId: string
  pointerId: string
}

/** Keeps what an editor holds; blank text removes the draft, as there is nothing to bring back. */
export async function saveDraft(target: DraftTarget, text: string): Promise<void> {
  const { key, kind, briefingId, pointerId } = toRaw(target)
  if (!text.trim()) {
    await db.drafts.delete(key)
    return
  }
  const draft: Draft = { key, kind, briefingId, pointerId, text, updatedAt: new Date().toISOString() }
  await db.drafts.put(draft)
}

export async function getDraft(key: string): Promise<Draft | undefined> {
  return db.drafts.get(key)
}

/** Called once the words are saved as a record (or the person discards them). */
export async function deleteDraft(key: string): Promise<void> {
  await db.drafts.delete(key)
}
