import { toValue, type MaybeRefOrGetter } from 'vue'
import { readMyPrayers, type MyPrayers } from '~/db/request-reads'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { MyPrayers }

/** The person's lists and the first `limit` requests, each with the little its card shows, kept current. */
export function useMyPrayers(limit: MaybeRefOrGetter<number>): LiveQueryState<MyPrayers> {
  return useLiveQuery(() => readMyPrayers(toValue(limit)), { deps: () => toValue(limit) })
}
