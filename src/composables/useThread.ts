import { toValue, type MaybeRefOrGetter } from 'vue'
import { loadThread, type PointerThread } from '~/db/thread'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { PointerThread }

/** One pointer's thread, kept current; `data` is null when nothing on this device knows the pointer. */
export function useThread(pointerId: MaybeRefOrGetter<string>): LiveQueryState<PointerThread | null> {
  return useLiveQuery(() => loadThread(toValue(pointerId)), { deps: () => toValue(pointerId) })
}
