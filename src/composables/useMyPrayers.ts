import { readMyPrayers, type MyPrayers } from '~/db/request-reads'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { MyPrayers }

/** The person's lists and requests, each with the little its card shows, kept current. */
export function useMyPrayers(): LiveQueryState<MyPrayers> {
  return useLiveQuery(readMyPrayers)
}
