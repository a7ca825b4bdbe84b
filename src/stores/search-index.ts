import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { indexNextBatch, searchIndexProgress, type SearchIndexProgress } from '~/db/search-index'

/** A breath for the page between batches, so taps and typing stay quick while the index builds. */
const pause = () => new Promise<void>(resolve => setTimeout(resolve, 0))

/**
 * The background build of the search index for a journal written before it existed. Started once
 * from main.ts; `progress` is null until the first look, then says how far the build is.
 */
export const useSearchIndexStore = defineStore('search-index', () => {
  const progress = shallowRef<SearchIndexProgress | null>(null)
  const failed = shallowRef(false)
  let running = false

  async function start(): Promise<void> {
    if (running) return
    running = true
    try {
      progress.value = await searchIndexProgress()
      while (!progress.value.finished) {
        await pause()
        progress.value = await indexNextBatch()
      }
    }
    catch (error) {
      // Search still works without the index (more slowly, and it may miss older records); the
      // next start resumes from the last finished batch.
      console.warn('The search index could not be built now', error)
      failed.value = true
    }
    finally {
      running = false
    }
  }

  return { progress, failed, start }
})
