import { db } from '~/db'
import { editedEntryId } from '~/db/drafts'
import type { Draft } from '~/db/types'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

/** A draft with what is needed to name it: the briefing's title and the pointer's place in it. */
export interface UnfinishedDraft {
  draft: Draft
  /** Null when the briefing is no longer on this device. */
  briefingTitle: string | null
  /** 1-based; null when the pointer is no longer in the briefing. */
  position: number | null
  pointerLabel: string | null
  /** Opening its pointer brings the editor back with the words; false when the pointer or entry is gone. */
  reachable: boolean
}

/** Every draft, most recently typed first. */
export async function listUnfinishedDrafts(): Promise<UnfinishedDraft[]> {
  return db.transaction('r', db.drafts, db.briefings, db.entries, async () => {
    const drafts = await db.drafts.orderBy('updatedAt').reverse().toArray()
    const ids = [...new Set(drafts.map(draft => draft.briefingId))]
    const briefings = new Map((await db.briefings.bulkGet(ids)).flatMap(b => b ? [[b.id, b] as const] : []))
    const edited = drafts.flatMap(draft => editedEntryId(draft) ?? [])
    const entries = new Set((await db.entries.bulkGet(edited)).flatMap(entry => entry ? [entry.id] : []))
    return drafts.map((draft) => {
      const briefing = briefings.get(draft.briefingId)
      const index = briefing?.pointers.findIndex(pointer => pointer.id === draft.pointerId) ?? -1
      const entryId = editedEntryId(draft)
      const entryThere = entryId === null || entries.has(entryId)
      return {
        draft,
        briefingTitle: briefing?.title ?? null,
        position: index >= 0 ? index + 1 : null,
        pointerLabel: index >= 0 ? briefing!.pointers[index]!.label : null,
        reachable: index >= 0 && entryThere,
      }
    })
  })
}

/** The unfinished drafts on this device, kept current. */
export function useUnfinishedDrafts(): LiveQueryState<UnfinishedDraft[]> {
  return useLiveQuery(listUnfinishedDrafts)
}
