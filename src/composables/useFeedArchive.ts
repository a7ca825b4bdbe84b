import { computed } from 'vue'
import { readArchiveState } from '~/db/archive'
import { useLiveQuery } from './useLiveQuery'

/**
 * The feed's archive pages as this device knows them: the years listed, and those whose
 * briefings are not listed here yet (never read, or changed since).
 */
export function useFeedArchive() {
  const { data, error } = useLiveQuery(readArchiveState)
  const unreadYears = computed(() => (data.value?.links ?? [])
    .filter(link => data.value?.read[link.year] !== link.path)
    .map(link => link.year))
  return { state: data, error, unreadYears }
}
