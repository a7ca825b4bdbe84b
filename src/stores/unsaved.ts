import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowReactive, shallowRef } from 'vue'

/** What an editor tells the store about the words it holds. The store never copies text. */
export interface UnsavedEditor {
  /** The editor holds words that are not saved as a record. */
  dirty: () => boolean
  /** Some of those words are not stored as a draft either: leaving now would lose them. Defaults to `dirty`. */
  pending?: () => boolean
  /** Stores the words as a draft now; resolves true once they are safe. Editors without drafts leave it out. */
  flush?: () => Promise<boolean>
}

/**
 * Which editors hold words the user has not saved yet, so that an app update or closing
 * the tab never throws them away.
 */
export const useUnsavedStore = defineStore('unsaved', () => {
  const editors = shallowReactive(new Map<string, UnsavedEditor>())

  function register(key: string, editor: UnsavedEditor | (() => boolean)) {
    editors.set(key, typeof editor === 'function' ? { dirty: editor } : editor)
  }

  function unregister(key: string) {
    editors.delete(key)
  }

  const dirtyEditors = computed(() => [...editors.values()].filter(editor => editor.dirty()))
  const hasUnsaved = computed(() => dirtyEditors.value.length > 0)
  const hasPending = computed(() => dirtyEditors.value.some(editor => (editor.pending ?? editor.dirty)()))
  /** Every editor holding words can keep them as a draft (a pasted briefing, say, cannot). */
  const allKeptAsDrafts = computed(() => dirtyEditors.value.every(editor => editor.flush !== undefined))

  /** Stores every unsaved editor's words as a draft; true only when all of them are safe. */
  async function flushAll(): Promise<boolean> {
    const results = await Promise.all(dirtyEditors.value.map(editor => editor.flush?.() ?? Promise.resolve(false)))
    return results.every(Boolean) && !hasPending.value
  }

  // Set once the person has chosen to reload anyway (an update): the page must not ask again.
  const leaving = shallowRef(false)
  function allowLeaving() {
    leaving.value = true
  }

  return { register, unregister, hasUnsaved, hasPending, allKeptAsDrafts, flushAll, leaving, allowLeaving }
})

/** Registers an editor for the lifetime of the calling component. */
export function trackUnsaved(key: string, editor: UnsavedEditor | (() => boolean)) {
  const store = useUnsavedStore()
  store.register(key, editor)
  onScopeDispose(() => store.unregister(key))
}
