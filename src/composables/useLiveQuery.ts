import { liveQuery, type Subscription } from 'dexie'
import { getCurrentScope, onScopeDispose, shallowRef, watch, type ShallowRef, type WatchSource } from 'vue'

export interface LiveQueryOptions<T> {
  /** Re-run the query when these change (the query itself is not tracked by Vue). */
  deps?: WatchSource | WatchSource[]
  /** What `data` holds before the first answer. */
  initial?: T
}

export interface LiveQueryState<T> {
  data: ShallowRef<T | undefined>
  error: ShallowRef<unknown>
  loading: ShallowRef<boolean>
}

/**
 * The result of a Dexie query, kept current: whenever a verb in src/db writes a table the query
 * read, Dexie runs it again and `data` changes. Unsubscribes when the calling scope ends.
 */
export function useLiveQuery<T>(query: () => T | Promise<T>, options: LiveQueryOptions<T> = {}): LiveQueryState<T> {
  const data = shallowRef<T | undefined>(options.initial)
  const error = shallowRef<unknown>(null)
  const loading = shallowRef(true)
  let subscription: Subscription | undefined

  function subscribe() {
    subscription?.unsubscribe()
    loading.value = true
    // The previous answer stays in `data` until the new one arrives, so the page does not flicker.
    subscription = liveQuery(query).subscribe({
      next: (value) => {
        data.value = value
        error.value = null
        loading.value = false
      },
      error: (reason: unknown) => {
        error.value = reason
        loading.value = false
      },
    })
  }

  const { deps } = options
  if (deps === undefined) subscribe()
  else watch(Array.isArray(deps) ? deps : [deps], subscribe, { immediate: true })

  if (getCurrentScope()) onScopeDispose(() => subscription?.unsubscribe())
  return { data, error, loading }
}
