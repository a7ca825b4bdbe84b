import { nextTick, shallowRef, type ShallowRef } from 'vue'
import type { DraftTarget } from '~/db/drafts'
import { useToastStore } from '~/stores/toast'
import { trackUnsaved } from '~/stores/unsaved'
import { until } from '~/utils/until'
import { useDraft } from './useDraft'
import { useStorageAction } from './useStorageAction'

export interface InlineEditorOptions {
  /** Where this editor's unsaved words are kept as a draft; its key names the editor. */
  target: DraftTarget
  /** The words as stored now; undefined while there is no record yet. */
  stored: () => string | undefined
  /** Writes the text through a db verb; a rejection is shown in plain words. */
  persist: (text: string) => Promise<unknown>
  /** Refuses the text before writing, in plain words; null lets it through. */
  check?: (text: string) => string | null
  /** The text field (or a component exposing its focus). */
  field: Readonly<ShallowRef<{ focus: () => void } | null>>
  /** Gets focus back when the editor closes. */
  opener: Readonly<ShallowRef<HTMLElement | null>>
}

/**
 * Edit-in-place for a stored text (a journal entry, an answered note), with its focus and errors.
 * Words typed and not saved are kept as a draft: the editor opens with them after a reload.
 */
export function useInlineEditor(options: InlineEditorOptions) {
  const editing = shallowRef(false)
  const text = shallowRef('')
  const { busy, error, run } = useStorageAction()
  const toasts = useToastStore()

  const changed = () => editing.value && text.value.trim() !== (options.stored() ?? '')
  const draft = useDraft({
    target: options.target,
    text,
    worthKeeping: changed,
    restore: (found) => {
      if (editing.value || found.text.trim() === (options.stored() ?? '')) return false
      text.value = found.text
      editing.value = true
      return true
    },
  })
  trackUnsaved(options.target.key, { dirty: changed, pending: () => draft.pending.value, flush: draft.flush })

  async function openWith(words: string) {
    text.value = words
    error.value = null
    editing.value = true
    await nextTick()
    options.field.value?.focus()
  }
  // A click handler: the event must not become the text.
  const open = () => openWith(options.stored() ?? '')

  /** Cancel: the words typed here are let go, draft and all. */
  async function close() {
    editing.value = false
    error.value = null
    await draft.clear()
    await nextTick()
    options.opener.value?.focus()
  }

  async function save() {
    if (busy.value) return
    const refused = options.check?.(text.value) ?? null
    if (refused) {
      error.value = refused
      options.field.value?.focus()
      return
    }
    const saved = await run(async () => {
      await options.persist(text.value)
      // Swap the form for the saved words once the live query shows them, so nothing flickers.
      await until(() => options.stored() === text.value.trim())
    })
    if (saved) await close()
  }

  /** Lets a restored draft go, with an Undo notice that brings the words back into the editor. */
  async function discard() {
    const words = text.value
    await close()
    toasts.show({ message: 'Draft discarded.', scope: options.target.pointerId, undo: () => openWith(words) })
  }

  // `act` runs another action on the record (delete, unmark) and shows its failure the same way.
  return { editing, text, draft, error, busy, open, close, save, discard, act: run }
}

export type InlineEditor = ReturnType<typeof useInlineEditor>
