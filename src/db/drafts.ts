import { MY_PRAYERS_ID } from '~/briefings/my-prayers'
import { db } from './index'
import { requestSnapshot } from './requests'
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
  const { key, kind, briefingId, pointerId } = target
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

/** A draft with what is needed to name it: the briefing's title and the pointer's place in it. */
export interface UnfinishedDraft {
  draft: Draft
  /** Null when the briefing is no longer on this device. */
  briefingTitle: string | null
  /** 1-based; null when the pointer is no longer in the briefing. */
  position: number | null
  pointerLabel: string | null
  /** The words of the person's own request it is about (My prayers), while that request is here. */
  requestText: string | null
  /** Opening its pointer brings the editor back with the words; false when the pointer or entry is gone. */
  reachable: boolean
}

/** Every draft, most recently typed first. */
export async function listUnfinishedDrafts(): Promise<UnfinishedDraft[]> {
  return db.transaction('r', [db.drafts, db.briefings, db.entries, db.requests, db.prayerLists], async () => {
    const drafts = await db.drafts.orderBy('updatedAt').reverse().toArray()
    const ids = [...new Set(drafts.map(draft => draft.briefingId))]
    const briefings = new Map((await db.briefings.bulkGet(ids)).flatMap(b => b ? [[b.id, b] as const] : []))
    const edited = drafts.flatMap(draft => editedEntryId(draft) ?? [])
    const entries = new Set((await db.entries.bulkGet(edited)).flatMap(entry => entry ? [entry.id] : []))
    const own = drafts.filter(draft => draft.briefingId === MY_PRAYERS_ID).map(draft => draft.pointerId)
    const requests = new Map((await db.requests.bulkGet(own)).flatMap(r => r ? [[r.id, r] as const] : []))
    const lists = new Map((await db.prayerLists.bulkGet([...new Set([...requests.values()].map(r => r.listId))])).flatMap(l => l ? [[l.id, l] as const] : []))
    return drafts.map((draft): UnfinishedDraft => {
      const entryThere = editedEntryId(draft) === null || entries.has(editedEntryId(draft)!)
      if (draft.briefingId === MY_PRAYERS_ID) {
        const request = requests.get(draft.pointerId)
        // An archived request has no card on My prayers to open; its thread still holds its records.
        return { draft, briefingTitle: request ? requestSnapshot(request, lists.get(request.listId)).briefingTitle : null, position: null, pointerLabel: null, requestText: request?.text ?? null, reachable: !!request && request.archivedAt === null && entryThere }
      }
      const briefing = briefings.get(draft.briefingId)
      const index = briefing?.pointers.findIndex(pointer => pointer.id === draft.pointerId) ?? -1
      return {
        draft,
        briefingTitle: briefing?.title ?? null,
        position: index >= 0 ? index + 1 : null,
        pointerLabel: index >= 0 ? briefing!.pointers[index]!.label : null,
        requestText: null,
        reachable: index >= 0 && entryThere,
      }
    })
  })
}
