import { listAnsweredNewestFirst } from '~/db/answers'
import type { AnsweredNote } from '~/db/types'
import { useLiveQuery, type LiveQueryState } from './useLiveQuery'

/** Every answered prayer, most recently answered first. */
export function useAnswered(): LiveQueryState<AnsweredNote[]> {
  return useLiveQuery(listAnsweredNewestFirst)
}
