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
  const prayedNow = shallowRef<ReadonlySet<string>>(new Set())

  function mark(pointerId: string, on: boolean) {
    const next = new Set(prayedNow.value)
    if (on) next.add(pointerId)
    else next.delete(pointerId)
    prayedNow.value = next
  }

  async function pray(snapshot: PointerSnapshot) {
    const record = await recordPrayed(snapshot)
    mark(snapshot.pointerId, true)
    toasts.show({
      message: 'Recorded that you prayed.',
      scope: snapshot.pointerId,
      undo: async () => {
        await removePrayed(record.id)
        mark(snapshot.pointerId, false)
      },
    })
  }

  return { prayedNow, pray }
}
