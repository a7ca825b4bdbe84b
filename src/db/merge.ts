import type { AnsweredNote, JournalEntry, PrayerList, PrayerRequest, StoredBriefing } from './types'

/**
 * How a record from a backup meets the same record already on this device (merge mode).
 * Each rule gives the same answer when applied twice, so importing a file again changes nothing.
 */

const earliest = (a: string, b: string) => (a <= b ? a : b)

function sameRecord(a: object, b: object): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/**
 * The content of the later-updated briefing, with the history of both: the first time it was
 * added and opened, and 'pasted' if the person pasted it on either device.
 * Returns null when the local row stays as it is.
 */
export function mergeBriefing(local: StoredBriefing, incoming: StoredBriefing): StoredBriefing | null {
  const winner = incoming.updatedAt > local.updatedAt ? incoming : local
  const addedAt = earliest(local.addedAt, incoming.addedAt)
  const openedAt = local.openedAt && incoming.openedAt
    ? earliest(local.openedAt, incoming.openedAt)
    : local.openedAt ?? incoming.openedAt
  const merged: StoredBriefing = {
    ...winner,
    source: local.source === 'pasted' || incoming.source === 'pasted' ? 'pasted' : 'feed',
    addedAt,
    openedAt,
    // An undated briefing sorts by the day it was added.
    sortDate: winner.date === null && addedAt !== winner.addedAt ? addedAt.slice(0, 10) : winner.sortDate,
  }
  return sameRecord(merged, local) ? null : merged
}

/** The later-edited of two versions of an entry or note; null when the local one stays. */
export function laterEdit<T extends JournalEntry | AnsweredNote>(local: T, incoming: T): T | null {
  return incoming.editedAt > local.editedAt ? incoming : null
}

/** The later-updated of two versions of a list or request; null when the local one stays. */
export function laterUpdate<T extends PrayerList | PrayerRequest>(local: T, incoming: T): T | null {
  return incoming.updatedAt > local.updatedAt ? incoming : null
}
