import { shallowRef, type ShallowRef } from 'vue'
import { UserFacingError, shortReason } from '../db/errors'

export type FeedSyncState = 'idle' | 'syncing' | 'done' | 'error'

export interface FeedSync {
  state: ShallowRef<FeedSyncState>
  /** Plain words for the last sync's trouble (offline, unreadable feed or documents); null when all went well. */
  message: ShallowRef<string | null>
  /** Ids of the briefings the last sync brought in for the first time. */
  added: ShallowRef<string[]>
  sync: () => Promise<void>
}

// One shared instance: every component sees the same sync, and the feed is fetched once.
const state = shallowRef<FeedSyncState>('idle')
const message = shallowRef<string | null>(null)
const added = shallowRef<string[]>([])
let running: Promise<void> | null = null
let started = false

async function run(): Promise<void> {
  state.value = 'syncing'
  try {
    // Loaded on demand: the feed's validation code is not needed to paint the first screen.
    const { syncFeed } = await import('../briefings/feed')
    const result = await syncFeed()
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

function sync(): Promise<void> {
  running ??= run().finally(() => { running = null })
  return running
}

/** The feed sync: runs on first use and again whenever the browser comes back online. */
export function useFeedSync(): FeedSync {
  if (!started) {
    started = true
    if (typeof window !== 'undefined') window.addEventListener('online', () => { void sync() })
    void sync()
  }
  return { state, message, added, sync }
}
