import { onScopeDispose, shallowRef, watch, type ShallowRef } from 'vue'

/**
 * Whether `target` (an empty element after a list) is within `margin` pixels of the bottom of the
 * window: the moment to read the next page, before the reader gets there.
 */
export function useNearEnd(target: Readonly<ShallowRef<Element | null>>, margin = 800): Readonly<ShallowRef<boolean>> {
  const near = shallowRef(false)
  if (typeof IntersectionObserver === 'undefined') return near
  const observer = new IntersectionObserver((seen) => {
    near.value = seen[seen.length - 1]!.isIntersecting
  }, { rootMargin: `0px 0px ${margin}px 0px` })
  watch(target, (element, previous) => {
    if (previous) observer.unobserve(previous)
    near.value = false
    if (element) observer.observe(element)
  }, { immediate: true })
  onScopeDispose(() => observer.disconnect())
  return near
}
