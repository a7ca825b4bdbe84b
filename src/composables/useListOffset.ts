import { onMounted, onScopeDispose, shallowRef, type Ref } from 'vue'

/**
 * Where a window-scrolled list starts in the page: the heading and whatever sits above it, which
 * can change height after the list renders (a notice, a progress bar, a card that loads later).
 * Kept current with a ResizeObserver on the list's parent.
 */
export function useListOffset(list: Readonly<Ref<HTMLElement | null>>) {
  const offset = shallowRef(0)
  function measure() {
    if (list.value) offset.value = Math.round(list.value.getBoundingClientRect().top + window.scrollY)
  }
  let resizes: ResizeObserver | undefined
  onMounted(() => {
    measure()
    if (typeof ResizeObserver === 'undefined' || !list.value?.parentElement) return
    resizes = new ResizeObserver(measure)
    resizes.observe(list.value.parentElement)
  })
  onScopeDispose(() => resizes?.disconnect())
  return { offset, measure }
}

/**
 * The virtualizer's scroll: instant. The page scrolls smoothly by default (main.css), and a
 * correction for a measured row, or a return to where the reader was, must not glide.
 */
export function scrollWindowTo(offset: number, { adjustments = 0, behavior = 'instant' }: { adjustments?: number, behavior?: ScrollBehavior }) {
  window.scrollTo({ top: offset + adjustments, behavior })
}
