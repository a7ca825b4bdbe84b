import { answeredPageKey, readAnsweredPage, type AnsweredRow } from '~/db/answers'
import { usePagedList, type PagedList } from './usePagedList'

export type { AnsweredRow }

/**
 * Answered prayers, most recently answered first, a page at a time, each with when its prayer
 * began. The first page is about two screens of notes: it is what the view waits for.
 */
export function useAnswered(): PagedList<AnsweredRow> {
  return usePagedList({ read: readAnsweredPage, keyOf: answeredPageKey, firstPageSize: 10, pageSize: 40 })
}
