import { computed, type ComputedRef } from 'vue'
import { countOnThisDay, loadOnThisDay, type OnThisDayYear } from '~/db/history'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { OnThisDayYear }

/** What was written, prayed and answered on today's date in earlier years, newest year first. */
export function useOnThisDay(): LiveQueryState<OnThisDayYear[]> {
  return useLiveQuery(() => loadOnThisDay(new Date()))
}

/** Only how many things happened on this date in earlier years (0 until known): counted, not read. */
export function useOnThisDayCount(): ComputedRef<number> {
  const { data } = useLiveQuery(() => countOnThisDay(new Date()))
  return computed(() => data.value ?? 0)
}
