import { MY_PRAYERS_ID } from '~/briefings/my-prayers'
import type { Briefing, Pointer } from '~/briefings/types'
import type { PointerSnapshot, PrayerList, PrayerRequest } from './types'

/** The words a journal record keeps from its pointer, so it still reads well after the briefing is gone. */
export function snapshotOf(briefing: Briefing, pointer: Pointer): PointerSnapshot {
  return {
    briefingId: briefing.id,
    pointerId: pointer.id,
    briefingTitle: briefing.title,
    pointerLabel: pointer.label,
    pointerText: pointer.text,
    scriptureReference: pointer.scripture?.reference ?? null,
  }
}

/**
 * A plain copy of just the snapshot fields: whatever the caller passes (a Vue proxy, a whole
 * entry), IndexedDB receives a clonable object with nothing extra in it.
 */
export function copySnapshot(pointer: PointerSnapshot): PointerSnapshot {
  return {
    briefingId: pointer.briefingId,
    pointerId: pointer.pointerId,
    briefingTitle: pointer.briefingTitle,
    pointerLabel: pointer.pointerLabel,
    pointerText: pointer.pointerText,
    scriptureReference: pointer.scriptureReference,
  }
}

/** What every record about a request copies from it, as it reads now. */
export function requestSnapshot(request: PrayerRequest, list: PrayerList | undefined): PointerSnapshot {
  return {
    briefingId: MY_PRAYERS_ID,
    pointerId: request.id,
    briefingTitle: list ? `My prayers: ${list.name}` : 'My prayers',
    pointerLabel: null,
    pointerText: request.text,
    scriptureReference: request.scripture?.reference || null,
  }
}
