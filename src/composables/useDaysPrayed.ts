import { toValue, type MaybeRefOrGetter } from 'vue'
import { loadDaysMarked, type DayMarks, type LocalSpan } from '~/db/history'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

export type { DayMarks, LocalSpan }

/** The local days in `span` on which something was prayed or written, by YYYY-MM-DD. */
export function useDaysPrayed(span: MaybeRefOrGetter<LocalSpan>): LiveQueryState<Map<string, DayMarks>> {
  return useLiveQuery(() => loadDaysMarked(toValue(span)), {
    // Re-read only when the shown span really changes, not for every new Date object.
    deps: () => `${toValue(span).start.getTime()}-${toValue(span).end.getTime()}`,
  })
}
