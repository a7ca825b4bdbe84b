import { isRequestId, MY_PRAYERS_ID } from '~/briefings/my-prayers'
import type { JournalTable } from '~/db/transfer'
import type { PointerSnapshot, PrayerRequest } from '~/db/types'
import { BackupError } from './errors'

/**
 * What a backup's records may point at: the briefings, lists and requests of the same file, which
 * come before them. So a restore never leaves a record without its pointer, or a request without
 * its list. Both versions of the format check them here (validate.ts, records.ts).
 */
export interface KnownIds {
  briefings: Set<string>
  prayerLists: Set<string>
  requests: Set<string>
}

/** What the person calls one record of each table, numbered in the messages: "prayer request 2". */
export const RECORD_NAMES: Record<JournalTable, string> = {
  briefings: 'briefing',
  prayerLists: 'prayer list',
  requests: 'prayer request',
  entries: 'journal entry',
  answers: 'answered note',
  prayed: 'prayed record',
}

const dangling = (clause: string) => new BackupError('dangling', `This backup file is damaged: ${clause}.`)

/** `name` says which, as the person reads it: "prayer request 2". */
export function refuseRequestWithoutList(request: PrayerRequest, name: string, known: KnownIds) {
  if (!known.prayerLists.has(request.listId)) throw dangling(`${name} is in a prayer list that is not in the file`)
}

/** An entry, answered note or prayed record: its briefing's pointer, or one of the person's own requests. */
export function refuseDanglingRecord({ briefingId, pointerId }: PointerSnapshot, name: string, known: KnownIds) {
  if (briefingId === MY_PRAYERS_ID && isRequestId(pointerId)) {
    if (!known.requests.has(pointerId)) throw dangling(`${name} is about a prayer request that is not in the file`)
    return
  }
  if (!known.briefings.has(briefingId)) throw dangling(`${name} belongs to a briefing that is not in the file`)
  if (!pointerId.startsWith(`${briefingId}-p`)) throw dangling(`${name} points at a prayer pointer of another briefing`)
}
