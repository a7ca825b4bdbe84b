import { listEntriesNewestFirst } from '~/db/entries'
import type { JournalEntry } from '~/db/types'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

/** Every journal entry, newest first. */
export function useJournal(): LiveQueryState<JournalEntry[]> {
  return useLiveQuery(listEntriesNewestFirst)
}
