import { nextTick, shallowRef, type ShallowRef } from 'vue'
import { trackUnsaved } from '~/stores/unsaved'
import { until } from '~/utils/until'
import { useStorageAction } from './useStorageAction'

export interface InlineEditorOptions {
  /** Names this editor among those holding unsaved words. */
  key: string
  /** The words as stored now; undefined while there is no record yet. */
  stored: () => string | undefined
  /** Writes the draft through a db verb; a rejection is shown in plain words. */
  persist: (draft: string) => Promise<unknown>
  /** Refuses a draft before writing, in plain words; null lets it through. */
  check?: (draft: string) => string | null
  field: Readonly<ShallowRef<HTMLTextAreaElement | null>>
  /** Gets focus back when the editor closes. */
  opener: Readonly<ShallowRef<HTMLElement | null>>
}

/** Edit-in-place for a stored text (a journal entry, an answered note), with its focus and errors. */
export function useInlineEditor(options: InlineEditorOptions) {
  const editing = shallowRef(false)
  const draft = shallowRef('')
  const { busy, error, run } = useStorageAction()

  trackUnsaved(options.key, () => editing.value && draft.value.trim() !== (options.stored() ?? ''))

  async function open() {
    draft.value = options.stored() ?? ''
    error.value = null
    editing.value = true
    await nextTick()
    options.field.value?.focus()
  }

  async function close() {
    editing.value = false
    error.value = null
    await nextTick()
    options.opener.value?.focus()
  }

  async function save() {
    if (busy.value) return
    const refused = options.check?.(draft.value) ?? null
    if (refused) {
      error.value = refused
      options.field.value?.focus()
      return
    }
    const saved = await run(async () => {
      await options.persist(draft.value)
      // Swap the form for the saved words once the live query shows them, so nothing flickers.
      await until(() => options.stored() === draft.value.trim())
    })
    if (saved) await close()
  }

  // `act` runs another action on the record (delete, unmark) and shows its failure the same way.
  return { editing, draft, error, busy, open, close, save, act: run }
}
