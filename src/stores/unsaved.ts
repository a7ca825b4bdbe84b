import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowReactive, shallowRef } from 'vue'

/**
 * Which editors hold words the user has not saved yet, so that an app update or closing
 * the tab never throws them away. Editors register a getter; the store never copies text.
 */
export const useUnsavedStore = defineStore('unsaved', () => {
  const editors = shallowReactive(new Map<string, () => boolean>())

  function register(key: string, dirty: () => boolean) {
    editors.set(key, dirty)
  }

  function unregister(key: string) {
    editors.delete(key)
  }

  const hasUnsaved = computed(() => [...editors.values()].some(dirty => dirty()))

  // Set once the person has chosen to reload anyway (an update): the page must not ask again.
  const leaving = shallowRef(false)
  function allowLeaving() {
    leaving.value = true
  }

  return { register, unregister, hasUnsaved, leaving, allowLeaving }
})

/** Registers an editor for the lifetime of the calling component. */
export function trackUnsaved(key: string, dirty: () => boolean) {
  const store = useUnsavedStore()
  store.register(key, dirty)
  onScopeDispose(() => store.unregister(key))
}
