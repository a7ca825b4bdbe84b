import { shallowRef } from 'vue'
import { vi } from 'vitest'
import type { FeedSyncState } from '~/composables/useFeedSync'

/** Stands in for the feed sync (no network in component tests): tests set its state by hand. */
export const feed = {
  state: shallowRef<FeedSyncState>('done'),
  message: shallowRef<string | null>(null),
  added: shallowRef<string[]>([]),
  sync: vi.fn(async () => {}),
}

export function resetFeed() {
  feed.state.value = 'done'
  feed.message.value = null
  feed.added.value = []
}

export const useFeedSync = () => feed
