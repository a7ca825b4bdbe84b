import { defineStore } from 'pinia'
import { onScopeDispose, shallowRef } from 'vue'
import { shortReason, UserFacingError } from '~/db/errors'
import { feedRequest } from '~/feed/request'
import type { RecentBriefing } from '~/feed/sync'

export type FeedSyncState = 'idle' | 'syncing' | 'done' | 'error'

/** The feed sync: `start()` (main.ts) runs it once, and it runs again whenever the browser comes back online. */
export const useFeedStore = defineStore('feed', () => {
  const state = shallowRef<FeedSyncState>('idle')
  /** Plain words for the last sync's trouble (offline, unreadable feed or documents); null when all went well. */
  const message = shallowRef<string | null>(null)
  /** Ids of the briefings the last sync brought in for the first time. */
  const added = shallowRef<string[]>([])
  /** The recent briefings of the last feed read, before they are stored (see syncFeed's onRecent). */
  const recent = shallowRef<RecentBriefing[] | null>(null)
  let running: Promise<void> | null = null
  let started = false

  async function run(): Promise<void> {
    state.value = 'syncing'
    try {
      // Asked for before the sync's code loads: the two travel side by side.
      const feedResponse = feedRequest(import.meta.env.BASE_URL)
      feedResponse.catch(() => {}) // read (and explained) by syncFeed
      const { syncFeed } = await feedCode()
      const result = await syncFeed({ feedResponse, onRecent: (briefings) => { recent.value = briefings } })
      added.value = result.added
      message.value = result.problems.length ? result.problems.join(' ') : null
      state.value = 'done'
    }
    catch (error) {
      message.value = error instanceof UserFacingError
        ? error.message
        : `New briefings could not be saved on this device: ${shortReason(error)}.`
      state.value = 'error'
    }
  }

  /** Syncs now, or joins the sync already running. */
  function sync(): Promise<void> {
    running ??= run().finally(() => { running = null })
    return running
  }

  function start(): void {
    if (started) return
    started = true
    void sync()
  }

  // A plain listener, not VueUse's, as in the first screen's other code (useLocalDay.ts says why).
  const onOnline = () => { if (started) void sync() }
  window.addEventListener('online', onOnline)
  onScopeDispose(() => window.removeEventListener('online', onOnline))

  // The feed's code loads on demand: none of it is needed to paint the first screen.
  const feedCode = () => import('~/feed/sync')

  /** Fetches a briefing the archive lists, for the view opening it; false when it lists none by that id. */
  async function fetchArchived(id: string): Promise<boolean> {
    return (await feedCode()).fetchArchivedBriefing(id)
  }

  let reading: Promise<{ unread: number, problems: string[] }> | null = null
  /** Lists older briefings from the archive pages not read yet, `limit` pages at most (one reading at a time). */
  function readArchive(limit?: number): Promise<{ unread: number, problems: string[] }> {
    reading ??= feedCode().then(code => code.readArchiveYears(limit)).finally(() => { reading = null })
    return reading
  }

  return { state, message, added, recent, sync, start, fetchArchived, readArchive, feedCode }
})
