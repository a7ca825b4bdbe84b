import { computed, nextTick, shallowRef, toValue, watch, type MaybeRefOrGetter } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { markBriefingOpened } from '~/db/briefings'
import { readBriefingWalk, readTodayWalk, type PrayStep, type PrayWalk } from '~/db/pray-through'
import { useFeedStore } from '~/stores/feed'
import { useUnsavedStore } from '~/stores/unsaved'

export type { PrayStep, PrayWalk }

/** The id of the heading that takes focus after each move, so a screen reader reads the new item. */
export const STEP_HEADING_ID = 'pray-step-heading'
/** `?at=end`: the closing step, after the last item. */
const END = 'end'

/**
 * Pray-through mode: the walk (a briefing's pointers or Today's items), read once when it opens so
 * praying never moves the list, and the place in it, kept in the URL (`?at=<pointerId>`) so a reload
 * or Back returns to the same item.
 */
export function usePrayThrough(source: MaybeRefOrGetter<string>) {
  const route = useRoute()
  const router = useRouter()
  const unsaved = useUnsavedStore()
  const feed = useFeedStore()
  /** undefined while reading, null when the briefing is not on this device (yet: see `missing`). */
  const walk = shallowRef<PrayWalk | null | undefined>()
  const error = shallowRef<unknown>(null)
  /** Words that could not be kept as a draft: moving on would lose them. */
  const blocked = shallowRef(false)

  async function read(id: string) {
    error.value = null
    try {
      const found = id === 'today' ? await readTodayWalk() : await readBriefingWalk(id)
      if (id !== toValue(source)) return
      walk.value = found
      if (found && id !== 'today') markBriefingOpened(id).catch(e => console.warn('Could not mark the briefing opened', e))
    }
    catch (reason) {
      error.value = reason
    }
  }
  watch(() => toValue(source), (id) => {
    walk.value = undefined
    void read(id)
  }, { immediate: true })
  // A briefing not here yet may be on its way: the first sync on a new device brings it.
  watch(() => feed.state, (state) => {
    if (state !== 'done' || walk.value !== null) return
    walk.value = undefined
    void read(toValue(source))
  })
  const missing = computed(() => walk.value === null && feed.state !== 'idle' && feed.state !== 'syncing')

  const steps = computed(() => walk.value?.steps ?? [])
  /** 0…steps.length; steps.length is the end. An unknown `at` starts at the first. */
  const index = computed(() => {
    const at = route.query.at
    if (at === END) return steps.value.length
    return Math.max(0, steps.value.findIndex(step => step.snapshot.pointerId === at))
  })
  const step = computed<PrayStep | undefined>(() => steps.value[index.value])

  async function move(by: 1 | -1) {
    const to = index.value + by
    if (to < 0 || to > steps.value.length) return
    // The journal box is about to go: its words must be in the drafts table first, or it would take them along.
    blocked.value = !await unsaved.flushAll()
    if (blocked.value) return
    const at = steps.value[to]?.snapshot.pointerId ?? END
    await router.replace({ query: { ...route.query, at } })
    await nextTick()
    window.scrollTo({ top: 0 })
    document.getElementById(STEP_HEADING_ID)?.focus({ preventScroll: true })
  }
  // One move at a time: two quick presses go two steps, each from where the last one landed.
  let moves = Promise.resolve()
  const queue = (by: 1 | -1) => {
    moves = moves.then(() => move(by)).catch(e => console.warn('Could not move to the next step', e))
    return moves
  }

  return {
    walk,
    missing,
    error,
    blocked,
    steps,
    index,
    step,
    next: () => queue(1),
    previous: () => queue(-1),
  }
}
