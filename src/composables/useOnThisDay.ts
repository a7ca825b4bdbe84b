import { computed, type ComputedRef } from 'vue'
import { countOnThisDay, loadOnThisDay, type OnThisDayYear } from '~/db/history'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { OnThisDayYear }

export interface OnThisDayState extends LiveQueryState<OnThisDayYear[]> {
  /** How many things happened on this date in earlier years (0 until known). */
  count: ComputedRef<number>
}

/** What was written, prayed and answered on today's date in earlier years, newest year first. */
export function useOnThisDay(): OnThisDayState {
  const state = useLiveQuery(() => loadOnThisDay(new Date()))
  const count = computed(() => state.data.value?.reduce((sum, year) => sum + year.events.length, 0) ?? 0)
  return { ...state, count }
}

/** Only how many things happened on this date in earlier years (0 until known): counted, not read. */
export function useOnThisDayCount(): ComputedRef<number> {
  const { data } = useLiveQuery(() => countOnThisDay(new Date()))
  return computed(() => data.value ?? 0)
}
