import { liveQuery, type Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, type ShallowRef } from 'vue'
import { FIRST_PAGE, type PageKey, type PageRange } from '~/db/index-pages'

export interface PagedListOptions<T> {
  /** A db read of one page (src/db/index-pages.ts): the rows in `range`, newest first. */
  read: (range: PageRange, limit: number) => Promise<T[]>
  /** Where a row sits, for the page after it. */
  keyOf: (row: T) => PageKey
  /** Rows in the first page: about what fills a screen or two, since the list waits for it. */
  firstPageSize?: number
  /** Rows in each later page: larger, so a long scroll holds fewer pages. */
  pageSize?: number
}

export interface PagedList<T> {
  /** Every row of the pages read so far, in order; undefined until the first page answers. */
  data: ShallowRef<T[] | undefined>
  error: ShallowRef<unknown>
  /** The last page was full: there may be more below it. */
  hasMore: ShallowRef<boolean>
  /** Reads the next page (once the last one has answered and was full). */
  loadMore: () => void
}

interface Page<T> {
  range: PageRange
  limit: number
  rows?: T[]
  subscription?: Subscription
}

/**
 * A long newest-first list read a page at a time, each page a liveQuery over its own key range:
 * a write anywhere re-reads only the pages it touches, and pages never skip or repeat a row.
 * Pages stay subscribed while the list is on screen; their rows are small, the DOM is the
 * virtual list's business.
 */
export function usePagedList<T>(options: PagedListOptions<T>): PagedList<T> {
  const pageSize = options.pageSize ?? 50
  const pages: Page<T>[] = []
  const data = shallowRef<T[]>()
  const error = shallowRef<unknown>(null)
  const hasMore = shallowRef(false)

  function publish() {
    // Show the unbroken run of answered pages from the top; a page still reading hides those below it.
    const rows: T[] = []
    for (const page of pages) {
      if (!page.rows) break
      for (const row of page.rows) rows.push(row)
    }
    data.value = pages[0]?.rows ? rows : undefined
    const last = pages[pages.length - 1]!
    hasMore.value = !last.range.through && (last.rows?.length ?? 0) >= last.limit
  }

  function subscribe(page: Page<T>) {
    page.subscription?.unsubscribe()
    // Until the new query answers, the page keeps its old rows, so nothing flickers.
    page.subscription = liveQuery(() => options.read(page.range, page.limit)).subscribe({
      next: (rows) => {
        page.rows = rows
        error.value = null
        publish()
      },
      error: (reason: unknown) => { error.value = reason },
    })
  }

  function open(range: PageRange, limit: number) {
    const page: Page<T> = { range, limit }
    pages.push(page)
    subscribe(page)
  }

  function loadMore() {
    const last = pages[pages.length - 1]!
    const lastRow = last.rows?.[last.rows.length - 1]
    if (!hasMore.value || lastRow === undefined) return
    hasMore.value = false
    // The last page now ends at its last row, and the next begins right after that key.
    const boundary = options.keyOf(lastRow)
    last.range = { after: last.range.after, through: boundary }
    subscribe(last)
    open({ after: boundary, through: null }, pageSize)
  }

  open(FIRST_PAGE, options.firstPageSize ?? pageSize)
  if (getCurrentScope()) onScopeDispose(() => pages.forEach(page => page.subscription?.unsubscribe()))
  return { data, error, hasMore, loadMore }
}
