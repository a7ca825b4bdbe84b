import { ANSWERED_FIRST_PAGE } from './composables/useAnswered'
import { BRIEFING_PAGE_SIZE } from './composables/useBriefingList'
import { TIMELINE_FIRST_PAGE } from './composables/useTimeline'
import { readAnsweredPage } from './db/answers'
import { readBriefingPage } from './db/briefing-pages'
import { addEntry, deleteEntry } from './db/entries'
import { loadOnThisDay } from './db/history'
import { FIRST_PAGE } from './db/index-pages'
import { readMyPrayers } from './db/request-reads'
import { searchIndexNeedsBuild } from './db/search-index'
import { loadThread } from './db/thread'
import { readTimelinePage, type TimelineFilter } from './db/timeline'
import { readToday } from './db/today'
import type { PointerSnapshot } from './db/types'

export interface BenchReads {
  briefings: () => Promise<unknown>
  answered: () => Promise<unknown>
  timeline: (filter: TimelineFilter) => Promise<unknown>
  thread: (pointerId: string) => Promise<unknown>
  onThisDay: () => Promise<unknown>
  today: () => Promise<unknown>
  myPrayers: () => Promise<unknown>
  /** Adds an entry (the part timed) and deletes it again. */
  addEntry: (pointer: PointerSnapshot) => Promise<number>
  /** Whether the search index is whole (not waiting for a build after a restore, say). */
  searchIndexBuilt: () => Promise<boolean>
}

declare global {
  interface Window {
    __selahReads?: BenchReads
  }
}

/**
 * For `npm run bench:scale` only: built in when VITE_SELAH_BENCH=1 (main.ts), never into the app
 * people install. Puts the app's own reads where the page can call them, so the benchmark can
 * time each one alone, with the first page each view asks for, beside the same query on raw
 * IndexedDB in the same page.
 */
export function exposeReads(): void {
  window.__selahReads = {
    briefings: () => readBriefingPage(FIRST_PAGE, BRIEFING_PAGE_SIZE),
    answered: () => readAnsweredPage(FIRST_PAGE, ANSWERED_FIRST_PAGE),
    timeline: filter => readTimelinePage(filter, null, TIMELINE_FIRST_PAGE),
    thread: pointerId => loadThread(pointerId),
    onThisDay: () => loadOnThisDay(),
    today: () => readToday(),
    myPrayers: () => readMyPrayers(),
    async addEntry(pointer) {
      const started = performance.now()
      const entry = await addEntry(pointer, 'A benchmark entry, deleted again.')
      const ms = performance.now() - started
      await deleteEntry(entry.id)
      return ms
    },
    searchIndexBuilt: async () => !await searchIndexNeedsBuild(),
  }
}
