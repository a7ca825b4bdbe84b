import { toValue, type MaybeRefOrGetter } from 'vue'
import { loadBriefingDetail, type BriefingDetail } from '~/db/briefing-reads'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { BriefingDetail }

/** One briefing with its entries, answers and prayed records; `data` is null when it is not stored. */
export function useBriefing(id: MaybeRefOrGetter<string>): LiveQueryState<BriefingDetail | null> {
  return useLiveQuery(() => loadBriefingDetail(toValue(id)), { deps: () => toValue(id) })
}
