import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import { storageErrorMessage } from '~/db/errors'

export interface UndoToast {
  id: number
  message: string
  /** Where the toast is shown: the pointer id whose card holds it, so "Undo" sits next to what changed. */
  scope: string
  undo: () => Promise<unknown>
  /** Move focus to "Undo" because the control the user pressed has just gone away. */
  focus?: boolean
}

/** One "Entry deleted. Undo" notice at a time; a newer one replaces it. */
export const useToastStore = defineStore('toast', () => {
  const current = shallowRef<UndoToast | null>(null)
  const error = shallowRef<{ scope: string, message: string } | null>(null)
  let nextId = 1

  function show(toast: Omit<UndoToast, 'id'>) {
    error.value = null
    current.value = { ...toast, id: nextId++ }
  }

  function dismiss(id?: number) {
    if (id === undefined || current.value?.id === id) current.value = null
  }

  async function undo() {
    const toast = current.value
    if (!toast) return
    current.value = null
    try {
      await toast.undo()
    }
    catch (e) {
      error.value = { scope: toast.scope, message: storageErrorMessage(e) }
    }
  }

  return { current, error, show, dismiss, undo }
})
