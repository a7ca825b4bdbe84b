import { useEventListener } from '@vueuse/core'
import type { MaybeRefOrGetter } from 'vue'

/** How far a finger (or mouse) must travel sideways to count as a swipe. */
const SWIPE_DISTANCE = 60

/** Keys and swipes start in writing and controls: there they keep their own meaning. */
const OWN_KEYS = 'input, textarea, select, [contenteditable=""], [contenteditable="true"]'
const OWN_SWIPES = `${OWN_KEYS}, button, a`

function inside(target: EventTarget | null, selector: string) {
  return target instanceof Element && target.closest(selector) !== null
}

/**
 * Moves through pray-through mode with the arrow keys and leaves it with Escape (never while typing) and with a sideways
 * swipe on `area` (never one that starts in a box or on a button, nor a mostly vertical scroll).
 */
export function usePrayGestures(options: { area: MaybeRefOrGetter<HTMLElement | null>, next: () => void, previous: () => void, close: () => void }) {
  const { area, next, previous, close } = options

  useEventListener(document, 'keydown', (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
    if (inside(event.target, OWN_KEYS)) return
    if (event.key === 'ArrowRight') next()
    else if (event.key === 'ArrowLeft') previous()
    else if (event.key === 'Escape') close()
    else return
    event.preventDefault()
  })

  let start: { x: number, y: number, id: number } | null = null
  useEventListener(area, 'pointerdown', (event: PointerEvent) => {
    start = event.isPrimary && !inside(event.target, OWN_SWIPES) ? { x: event.clientX, y: event.clientY, id: event.pointerId } : null
  })
  useEventListener(area, 'pointercancel', () => { start = null })
  useEventListener(area, 'pointerup', (event: PointerEvent) => {
    if (!start || start.id !== event.pointerId) return
    const dx = event.clientX - start.x
    const dy = event.clientY - start.y
    start = null
    // Mostly sideways: a scroll that drifts a little is still a scroll.
    if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < 2 * Math.abs(dy)) return
    // A drag that selected words was for copying them, not for moving on.
    if (window.getSelection()?.toString()) return
    if (dx < 0) next()
    else previous()
  })
}
