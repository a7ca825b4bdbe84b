import { computed, shallowRef } from 'vue'
import { countAnsweredByMonth, countAnsweredByYear } from '~/db/answer-stats'
import { useLiveQuery } from './useLiveQuery'

/** Answered prayers counted by year, and by month within the year chosen (the newest at first). */
export function useAnsweredOverTime() {
  const byYear = useLiveQuery(countAnsweredByYear)
  const chosen = shallowRef<number | null>(null)
  const year = computed(() => chosen.value ?? byYear.data.value?.[0]?.period ?? null)
  const byMonth = useLiveQuery(() => year.value === null ? [] : countAnsweredByMonth(year.value), { deps: year })
  return {
    years: byYear.data,
    year,
    months: byMonth.data,
    error: computed(() => byYear.error.value ?? byMonth.error.value),
    choose: (pick: number) => { chosen.value = pick },
  }
}
