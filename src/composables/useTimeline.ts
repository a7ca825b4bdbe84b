import { liveQuery, type Subscription } from 'dexie'
import { onScopeDispose, shallowRef, triggerRef, watch, type Ref } from 'vue'
import { readTimeline, readTimelinePage, type TimelineFilter, type TimelineItem } from '~/db/timeline'
import { storageErrorKind } from '~/db/errors'
import type { TimelinePage, TimelineState } from '~/stores/timeline'
import { dayKey } from '~/utils/dates'

/** Items per page: the first fills a screen, the rest a few screens, each read in a few milliseconds. */
export const TIMELINE_FIRST_PAGE = 20
const PAGE_SIZE = 150
/** Pages this far from the screen let go of their records (they keep their shape: days and counts). */
const KEEP_PAGES = 3

export type TimelineRow =
  | { type: 'day', day: string }
  | { type: 'item', item: TimelineItem | null }

function runsOf(items: TimelineItem[]): TimelinePage['runs'] {
  const runs: TimelinePage['runs'] = []
  for (const item of items) {
    const day = dayKey(new Date(item.at))
    const last = runs.at(-1)
    if (last?.day === day) last.count++
    else runs.push({ day, count: 1 })
  }
  return runs
}

/** The same records in the same order: a live query's run that changed nothing redraws nothing. */
function sameItems(old: TimelineItem[] | null, next: TimelineItem[]): boolean {
  if (!old || old.length !== next.length) return false
  return next.every((item, i) => item.key === old[i]!.key && JSON.stringify(item.record) === JSON.stringify(old[i]!.record))
}

/**
 * The journal's timeline for a filter, as rows for a virtual list: day headings and items, read a
 * page at a time by key as the list nears its end. Pages near the screen stay live (an entry
 * added, edited or deleted anywhere shows at once); pages far away keep only their shape.
 */
export function useTimeline(filter: Ref<TimelineFilter>, restore?: TimelineState) {
  const state = shallowRef<TimelineState>(restore ?? { pages: [], done: false })
  const rowCount = shallowRef(0)
  const loading = shallowRef(false)
  const error = shallowRef<unknown>(null)
  const live = new Map<TimelinePage, Subscription>()
  /** Pages just read, whose live query starts once they are drawn. */
  const settling = new Set<TimelinePage>()
  /** Index of each page's first row, and whether its first day needs a heading. */
  let starts: number[] = []
  let headed: boolean[] = []
  let generation = 0
  /** The last row on screen, as the list last said. */
  let lastShown = 0
  /** The database was closed under this list: nothing more can be read. */
  let closed = false

  function layout() {
    starts = []
    headed = []
    let row = 0
    let lastDay = ''
    for (const page of state.value.pages) {
      starts.push(row)
      const firstDay = page.runs[0]?.day ?? lastDay
      headed.push(firstDay !== lastDay)
      for (const [i, run] of page.runs.entries()) row += run.count + (i > 0 || run.day !== lastDay ? 1 : 0)
      lastDay = page.runs.at(-1)?.day ?? lastDay
    }
    rowCount.value = row
    triggerRef(state)
  }

  function pageAt(row: number): number {
    let low = 0
    let high = starts.length - 1
    while (low < high) {
      const mid = (low + high + 1) >> 1
      if (starts[mid]! <= row) low = mid
      else high = mid - 1
    }
    return low
  }

  /** What to draw at a row of the list. */
  function rowAt(row: number): TimelineRow | null {
    const p = pageAt(row)
    const page = state.value.pages[p]
    if (!page) return null
    let offset = row - starts[p]!
    let itemIndex = 0
    for (const [i, run] of page.runs.entries()) {
      const heading = i > 0 || headed[p]
      if (heading) {
        if (offset === 0) return { type: 'day', day: run.day }
        offset--
      }
      if (offset < run.count) return { type: 'item', item: page.items?.[itemIndex + offset] ?? null }
      offset -= run.count
      itemIndex += run.count
    }
    return null
  }

  function subscribe(page: TimelinePage) {
    if (live.has(page)) return
    const current = generation
    const query = () => readTimeline(filter.value, page.range)
    live.set(page, liveQuery(query).subscribe({
      next: (items) => {
        if (current !== generation || sameItems(page.items, items)) return
        page.items = items
        page.runs = runsOf(items)
        layout()
      },
      error: (reason: unknown) => {
        if (storageErrorKind(reason) !== 'closed') error.value = reason
      },
    }))
  }

  function release(page: TimelinePage) {
    live.get(page)?.unsubscribe()
    live.delete(page)
    page.items = null
  }

  async function loadMore(): Promise<void> {
    if (loading.value || state.value.done || closed) return
    loading.value = true
    const current = generation
    try {
      const last = state.value.pages.at(-1)
      const after = last ? last.range.lower : null
      if (last && !after) return
      const { items, next } = await readTimelinePage(filter.value, after, last ? PAGE_SIZE : TIMELINE_FIRST_PAGE)
      if (current !== generation) return
      const lastItem = items.at(-1)
      // The last page stays open at its bottom, so an older record imported later still appears.
      const page: TimelinePage = { range: { upper: after, lower: next && lastItem ? { at: lastItem.at, key: lastItem.key } : null }, items, runs: runsOf(items) }
      state.value = { pages: [...state.value.pages, page], done: next === null }
      layout()
      // Live from the frame after this page is drawn: its first run reads the range again, so
      // nothing written in between is missed, and the reader sees the page without waiting for it.
      settling.add(page)
      requestAnimationFrame(() => setTimeout(() => {
        settling.delete(page)
        if (current === generation && state.value.pages.includes(page)) subscribe(page)
      }))
    }
    catch (reason) {
      // A database this tab let go of (another tab updated Selah) is the banner's to explain.
      if (storageErrorKind(reason) !== 'closed') error.value = reason
      else closed = true
    }
    finally {
      if (current === generation) loading.value = false
    }
    // The reader may have reached the end while this page was read: read on (after a page that
    // arrived, never after a failure, which would only fail again at once).
    if (current === generation && !error.value && !closed && !state.value.done && lastShown >= rowCount.value - 80) void loadMore()
  }

  /** Keeps the pages around rows first..last live and in memory, and lets go of the rest. */
  function showRows(first: number, last: number) {
    lastShown = last
    const from = pageAt(first)
    const to = pageAt(last)
    state.value.pages.forEach((page, i) => {
      if (i >= from - 1 && i <= to + 1 && !settling.has(page)) subscribe(page)
      else if (i < from - KEEP_PAGES || i > to + KEEP_PAGES) release(page)
    })
    // Read ahead by about a page, so a fast scroll meets rows, not a wait.
    if (!state.value.done && last >= rowCount.value - 80) void loadMore()
  }

  function reset(keep?: TimelineState) {
    generation++
    for (const page of live.keys()) release(page)
    settling.clear()
    error.value = null
    loading.value = false
    state.value = keep ?? { pages: [], done: false }
    layout()
    if (!state.value.pages.length) void loadMore()
  }

  watch(() => JSON.stringify(filter.value), () => reset())
  reset(restore)
  onScopeDispose(() => {
    generation++
    for (const subscription of live.values()) subscription.unsubscribe()
    live.clear()
  })

  return { state, rowCount, rowAt, showRows, loading, error }
}
