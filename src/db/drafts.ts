import { toRaw } from 'vue'
import { db } from './index'
import type { Draft, DraftKind } from './types'

export interface DraftTarget {
  key: string
  kind: DraftKind
  briefingId: string
  pointerId: string
}

type PointerRef = { briefingId: string, pointerId: string }

/**
 * The draft slot of one editor. Its key names the editor: `entry-new:<pointerId>`,
 * `answer:<pointerId>`, or `entry-edit:<entryId>` (a pointer has many entries).
 */
export function draftTarget(kind: 'entry-new' | 'answer', at: PointerRef): DraftTarget
export function draftTarget(kind: 'entry-edit', at: PointerRef, entryId: string): DraftTarget
export function draftTarget(kind: DraftKind, { briefingId, pointerId }: PointerRef, entryId?: string): DraftTarget {
  return { key: `${kind}:${kind === 'entry-edit' ? entryId : pointerId}`, kind, briefingId, pointerId }
}

/** The journal entry an `entry-edit` draft changes; null for other drafts. */
export function editedEntryId(draft: Draft): string | null {
  return draft.kind === 'entry-edit' ? draft.key.slice('entry-edit:'.length) : null
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
