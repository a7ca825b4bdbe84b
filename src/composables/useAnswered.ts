import { answeredPageKey, readAnsweredPage, type AnsweredRow } from '~/db/answers'
import { usePagedList, type PagedList } from './usePagedList'

export type { AnsweredRow }

/** The first page, about two screens of notes: it is what the view waits for. */
export const ANSWERED_FIRST_PAGE = 10

/** Answered prayers, most recently answered first, a page at a time, each with when its prayer began. */
export function useAnswered(): PagedList<AnsweredRow> {
  return usePagedList({ read: readAnsweredPage, keyOf: answeredPageKey, firstPageSize: ANSWERED_FIRST_PAGE, pageSize: 40 })
}
