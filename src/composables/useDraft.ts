import { useEventListener } from '@vueuse/core'
import { computed, onScopeDispose, shallowRef, watch, type Ref } from 'vue'
import { deleteDraft, getDraft, saveDraft, type DraftTarget } from '~/db/drafts'
import type { Draft } from '~/db/types'

/** How long typing must pause before the words are written to the drafts table. */
export const DRAFT_DELAY = 500

export interface DraftOptions {
  target: DraftTarget
  /** The words in the editor. */
  text: Ref<string>
  /** Whether the words are worth a draft: not blank, and not just the saved record's own words. */
  worthKeeping: () => boolean
  /** Puts a draft found on mount into the editor; false leaves the editor as it is (the person already typed). */
  restore: (draft: Draft) => boolean
}

/**
 * Keeps an editor's words in the drafts table while the person types, so a reload, a crash,
 * a closed tab or an app update brings them back. Writes go out one at a time, in order,
 * a short pause after typing stops, and at once when the page is hidden or left.
 * A failed write (a full disk) never reaches the UI as an error: the words stay `pending`.
 */
export function useDraft(options: DraftOptions) {
  const { target, text } = options
  /** The draft found when the editor opened, while it is being shown as "restored". */
  const restored = shallowRef<Draft | null>(null)
  /** What the drafts table holds for this editor, as far as this editor knows. */
  const inDb = shallowRef<string | null>(null)
  const writeFailed = shallowRef(false)

  const wanted = () => options.worthKeeping() ? text.value : null
  const current = computed(wanted)
  /** The words on screen are stored as a draft on this device. */
  const saved = computed(() => current.value !== null && current.value === inDb.value)
  /** Words worth keeping that are not stored yet (typing, or a failed write). */
  const pending = computed(() => current.value !== null && current.value !== inDb.value)
  /** The last write failed and the words are only on screen. */
  const failed = computed(() => writeFailed.value && pending.value)

  let timer: ReturnType<typeof setTimeout> | undefined
  let queue = Promise.resolve(true)

  /** Writes what the editor holds now; resolves true once it is stored (or there is nothing to store). */
  function write(value = wanted()): Promise<boolean> {
    clearTimeout(timer)
    timer = undefined
    queue = queue.then(async () => {
      if (value === inDb.value) return true
      try {
        if (value === null) await deleteDraft(target.key)
        else await saveDraft(target, value)
        inDb.value = value
        writeFailed.value = false
        return true
      }
      catch (error) {
        console.warn('Could not keep a draft on this device', error)
        writeFailed.value = true
        return false
      }
    })
    return queue
  }

  watch(current, (value) => {
    // Emptied by hand (or back to the saved words): there is no restored draft left to speak of.
    if (value === null) restored.value = null
    clearTimeout(timer)
    timer = setTimeout(() => void write(), DRAFT_DELAY)
  })

  void getDraft(target.key).then((draft) => {
    if (!draft) return
    inDb.value = draft.text
    if (options.restore(draft)) restored.value = draft
    // A draft that is not (or no longer) worth keeping goes away; a refused one is replaced by what was typed.
    if (wanted() !== inDb.value) void write()
  }).catch((error: unknown) => console.warn('Could not read the draft on this device', error))

  // The page may be closed or frozen next: store what is typed without waiting for the pause.
  const unstored = () => wanted() !== inDb.value
  useEventListener(document, 'visibilitychange', () => {
    if (document.visibilityState === 'hidden' && unstored()) void write()
  })
  useEventListener('pagehide', () => {
    if (unstored()) void write()
  })
  onScopeDispose(() => {
    // The editor is going away (another page): keep what it held.
    if (unstored()) void write()
    else clearTimeout(timer)
  })

  /** The words are saved as a record, or the person let them go: the draft goes. */
  async function clear(): Promise<void> {
    restored.value = null
    clearTimeout(timer)
    timer = undefined
    queue = queue.then(async () => {
      try {
        await deleteDraft(target.key)
        inDb.value = null
        writeFailed.value = false
      }
      catch (error) {
        console.warn('Could not remove a draft from this device', error)
      }
      return true
    })
    await queue
  }

  return { restored, saved, pending, failed, flush: () => write(), clear }
}

export type DraftState = ReturnType<typeof useDraft>
