import { liveQuery, type Subscription } from 'dexie'
import { defineStore } from 'pinia'
import { onScopeDispose, shallowRef } from 'vue'
import { buildSearchIndex, searchIndexNeedsBuild, type SearchIndexProgress } from '~/db/search-index'

/**
 * The background build of the search index: for a journal written before it existed, after a
 * restore, and when much has been written since the last build. Watched from main.ts; `progress`
 * is null while no build runs.
 */
export const useSearchIndexStore = defineStore('search-index', () => {
  const progress = shallowRef<SearchIndexProgress | null>(null)
  let running = false
  let watching: Subscription | undefined
  onScopeDispose(() => watching?.unsubscribe())

  async function build(): Promise<void> {
    if (running) return
    running = true
    try {
      await buildSearchIndex((value) => { progress.value = value })
    }
    catch (error) {
      // Search still works without the index, checking records in time order; the next start tries again.
      console.warn('The search index could not be built now', error)
    }
    finally {
      running = false
      progress.value = null
    }
  }

  /** Builds whenever the index needs it, from now until the app closes. */
  function start() {
    watching ??= liveQuery(searchIndexNeedsBuild).subscribe({
      next: (needed) => {
        if (needed) void build()
      },
      error: (error: unknown) => console.warn('Could not look at the search index', error),
    })
  }

  return { progress, start }
})
