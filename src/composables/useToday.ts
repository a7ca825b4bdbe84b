import { readToday, type Today, type TodayList } from '~/db/today'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'
import { useLocalDay } from './useLocalDay'

export type { Today, TodayList }

/** What to pray for today, kept current as prayers are recorded, and read afresh when the day turns. */
export function useToday(): LiveQueryState<Today> {
  const day = useLocalDay()
  return useLiveQuery(() => readToday(new Date()), { deps: day })
}
