import { listBriefings, type BriefingSummary } from '~/db/briefing-reads'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { BriefingSummary }

/** Every stored briefing, newest first, with how much has been written against it. */
export function useBriefingList(): LiveQueryState<BriefingSummary[]> {
  return useLiveQuery(listBriefings)
}
