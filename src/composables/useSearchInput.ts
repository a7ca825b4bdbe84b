import { onScopeDispose, shallowRef, watch } from 'vue'

/**
 * A search box's text and when to send it: as soon as typing pauses for `delay` ms (coalescing a
 * burst of keys), or at once on Enter. A query changed from outside (Back, a link) fills the box.
 */
export function useSearchInput(query: () => string, search: (query: string) => void, delay: number) {
  const text = shallowRef(query())
  watch(query, (value) => {
    if (value !== text.value.trim()) text.value = value
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  function send() {
    clearTimeout(timer)
    if (text.value.trim() !== query()) search(text.value.trim())
  }
  function typed() {
    clearTimeout(timer)
    timer = setTimeout(send, delay)
  }
  onScopeDispose(() => clearTimeout(timer))
  return { text, send, typed }
}
