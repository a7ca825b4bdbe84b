import { getCurrentScope, onScopeDispose, readonly, shallowRef } from 'vue'
import type { Ref } from 'vue'

/** Whether the browser believes it has a network connection, kept current by its online/offline events. */
export function useOnline(): Readonly<Ref<boolean>> {
  const online = shallowRef(typeof navigator === 'undefined' || navigator.onLine)
  if (typeof window === 'undefined') return readonly(online)

  const update = () => { online.value = navigator.onLine }
  window.addEventListener('online', update)
  window.addEventListener('offline', update)
  if (getCurrentScope()) {
    onScopeDispose(() => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    })
  }
  return readonly(online)
}
