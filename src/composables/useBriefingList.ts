import { briefingPageKey, readBriefingPage, type BriefingSummary } from '~/db/briefing-pages'
import { usePagedList, type PagedList } from './usePagedList'

export type { BriefingSummary }

/** The first page is what the list waits for: about two screens of briefings. Later pages are larger. */
export const BRIEFING_PAGE_SIZE = 12

/** The stored briefings, newest first, a page at a time, with how much has been written against each. */
export function useBriefingList(): PagedList<BriefingSummary> {
  return usePagedList({ read: readBriefingPage, keyOf: briefingPageKey, firstPageSize: BRIEFING_PAGE_SIZE, pageSize: 48 })
}
