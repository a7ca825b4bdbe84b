import { shallowRef } from 'vue'
import { recordPrayed, removePrayed } from '~/db/prayed'
import type { PointerSnapshot } from '~/db/types'
import { useToastStore } from '~/stores/toast'

/**
 * The items prayed for since pray-through mode opened, for the "Prayed" mark on each: the walk is
 * not live, so the mark comes from here. Undo takes back both the record and the mark.
 */
export function usePraySession() {
  const toasts = useToastStore()
  /** By pointer id, how many prayers were recorded here: undoing one of two leaves the mark. */
  const counts = shallowRef<ReadonlyMap<string, number>>(new Map())

  function mark(pointerId: string, by: 1 | -1) {
    const next = new Map(counts.value)
    next.set(pointerId, Math.max(0, (next.get(pointerId) ?? 0) + by))
    counts.value = next
  }
  const prayedNow = (pointerId: string) => (counts.value.get(pointerId) ?? 0) > 0

  async function pray(snapshot: PointerSnapshot) {
    const record = await recordPrayed(snapshot)
    mark(snapshot.pointerId, 1)
    toasts.show({
      message: 'Recorded that you prayed.',
      scope: snapshot.pointerId,
      undo: async () => {
        await removePrayed(record.id)
        mark(snapshot.pointerId, -1)
      },
    })
  }

  return { prayedNow, pray }
}
