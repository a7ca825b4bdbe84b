import type { PrayerList, PrayerRequest } from '~/db/types'
import { blockText, formatLongDay, inlineText, inRange, type DateRange } from './markdown-text'

/**
 * The prayer book's last part, "My prayers": the person's own lists and their requests, the
 * active ones first in their order, then the archived, each with its scripture and notes. What was
 * written about a request is in the months already, through the records' own copies of its words;
 * this part is what the request itself says now. A book without requests has no such part, so it
 * stays exactly the book it was before lists existed.
 */
export interface MyPrayersData {
  prayerLists: PrayerList[]
  requests: PrayerRequest[]
}

/** Kept at some time in the dates: added by their end, and not archived before their start. */
export function requestInRange(request: PrayerRequest, range: DateRange): boolean {
  return inRange(request.createdAt, { to: range.to }) && (request.archivedAt === null || inRange(request.archivedAt, { from: range.from }))
}

function scriptureLine({ quote, reference }: NonNullable<PrayerRequest['scripture']>): string {
  return quote.trim() ? `*“${inlineText(quote)}” (${inlineText(reference)})*` : `*${inlineText(reference)}*`
}

function requestLines(request: PrayerRequest): string[] {
  const lines = [`**${inlineText(request.text)}**`, '']
  if (request.scripture) lines.push(scriptureLine(request.scripture), '')
  if (request.notes.trim()) lines.push(blockText(request.notes), '')
  const added = `Added on ${formatLongDay(request.createdAt)}`
  lines.push(request.archivedAt ? `*${added}; archived on ${formatLongDay(request.archivedAt)}.*` : `*${added}.*`, '')
  return lines
}

const byOrder = (a: { order: number }, b: { order: number }) => a.order - b.order

export function myPrayersLines({ prayerLists, requests }: MyPrayersData, range: DateRange, now: Date): string[] {
  const byList = new Map<string, PrayerRequest[]>()
  for (const request of requests) {
    if (!requestInRange(request, range)) continue
    const inList = byList.get(request.listId)
    if (inList) inList.push(request)
    else byList.set(request.listId, [request])
  }
  if (byList.size === 0) return []
  const lines = ['## My prayers', '', `Your own prayer requests, list by list, as they stood on ${formatLongDay(now.toISOString())}.`, '']
  for (const list of [...prayerLists].sort(byOrder)) {
    const inList = (byList.get(list.id) ?? []).sort(byOrder)
    if (!inList.length) continue
    lines.push(`### ${inlineText(list.name)}`, '')
    const active = inList.filter(request => request.archivedAt === null)
    const archived = inList.filter(request => request.archivedAt !== null)
    for (const request of [...active, ...archived]) lines.push(...requestLines(request))
  }
  return lines
}
