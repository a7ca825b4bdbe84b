import { listUnfinishedDrafts, type UnfinishedDraft } from '~/db/drafts'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { UnfinishedDraft }

/** The unfinished drafts on this device, kept current. */
export function useUnfinishedDrafts(): LiveQueryState<UnfinishedDraft[]> {
  return useLiveQuery(listUnfinishedDrafts)
}
