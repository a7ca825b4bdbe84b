import { db } from './index'
import { kindBits, toSeconds } from './search-index'
import { resolve, timelineSearch, type SearchCandidates, type TimelineSearch } from './timeline-search'
import type { AnsweredNote, JournalEntry, PrayedRecord } from './types'
import { timed } from './timing'

/**
 * The journal's timeline: everything written, prayed and answered, newest first, read a page at a
 * time through the time indexes (or, for one pointer, one briefing or a rare search word, through
 * their own indexes), never every row.
 */
export type TimelineKind = 'written' | 'prayed' | 'answered'
export const TIMELINE_KINDS: readonly TimelineKind[] = ['written', 'prayed', 'answered']

export interface TimelineFilter {
  /** Search text: every word must start a word of the record or of its pointer. */
  query?: string
  briefingId?: string
  pointerId?: string
  /** Still praying: the pointer has no answered note; answered: it has one. */
  status?: 'praying' | 'answered'
  /** Local calendar days, YYYY-MM-DD, both included. */
  from?: string
  to?: string
  /** What happened; none means all three. */
  kinds?: readonly TimelineKind[]
}

export type TimelineItem =
  | { kind: 'written', key: string, at: string, record: JournalEntry }
  | { kind: 'prayed', key: string, at: string, record: PrayedRecord }
  | { kind: 'answered', key: string, at: string, record: AnsweredNote }

/** A place in the timeline's order: newest first, then by key, so every item has exactly one place. */
export interface TimelineCursor {
  at: string
  key: string
}

type AnyRecord = JournalEntry | PrayedRecord | AnsweredNote

interface Source {
  table: 'entries' | 'prayed' | 'answers'
  time: string
  byPointer: string | null
  byBriefing: string
  toItem: (record: never) => TimelineItem
}

const SOURCES: Record<TimelineKind, Source> = {
  written: {
    table: 'entries',
    time: 'createdAt',
    byPointer: '[pointerId+createdAt]',
    byBriefing: '[briefingId+createdAt]',
    toItem: (record: JournalEntry) => ({ kind: 'written', key: `written:${record.id}`, at: record.createdAt, record }),
  },
  prayed: {
    table: 'prayed',
    time: 'prayedAt',
    byPointer: '[pointerId+prayedAt]',
    byBriefing: '[briefingId+prayedAt]',
    toItem: (record: PrayedRecord) => ({ kind: 'prayed', key: `prayed:${record.id}`, at: record.prayedAt, record }),
  },
  answered: {
    table: 'answers',
    time: 'answeredAt',
    byPointer: null,
    byBriefing: 'briefingId',
    toItem: (record: AnsweredNote) => ({ kind: 'answered', key: `answered:${record.pointerId}`, at: record.answeredAt, record }),
  },
}

/** Whether `a` comes before `b` in the timeline (newer, or as new with the greater key). */
export function comesBefore(a: TimelineCursor, b: TimelineCursor): boolean {
  return a.at > b.at || (a.at === b.at && a.key > b.key)
}

export function byTimeline(a: TimelineItem, b: TimelineItem): number {
  return comesBefore(a, b) ? -1 : comesBefore(b, a) ? 1 : 0
}

/** The start of a local calendar day as an ISO time ('2026-12-02' in Oslo -> '2026-12-01T23:00:00.000Z'). */
export function localDayStart(day: string, plusDays = 0): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  return new Date(year, month - 1, date + plusDays).toISOString()
}

/** The part of the timeline a read covers: after `upper` (exclusive), down to `lower` (inclusive). */
export interface TimelineRange {
  upper: TimelineCursor | null
  lower: TimelineCursor | null
}

interface Plan {
  filter: TimelineFilter
  kinds: readonly TimelineKind[]
  search: TimelineSearch | null
  /** For a status filter: which pointers have an answered note, as far as the read has needed to know. */
  answered: AnsweredBook | null
  /** ISO bounds from the day filter: lowest included, highest excluded. */
  lo: string
  hi: string
}

/**
 * Whether pointers have an answered note, learnt only for the pointers a read meets: reading the
 * keys of every answered note costs as much as reading the notes (about 90 ms for 5,000), a get
 * per pointer on a page a few milliseconds. For one pointer or one briefing it is known at once:
 * their answered notes are all there is to know, found by key or by index.
 */
class AnsweredBook {
  private readonly known = new Map<string, boolean>()
  /** Every pointer not in `known` is still prayed for. */
  private complete = false

  static async of(filter: TimelineFilter): Promise<AnsweredBook> {
    const book = new AnsweredBook()
    if (filter.pointerId || filter.briefingId) {
      const keys = filter.pointerId
        ? (await db.answers.get(filter.pointerId) ? [filter.pointerId] : [])
        : await db.answers.where('briefingId').equals(filter.briefingId!).primaryKeys()
      for (const key of keys) book.known.set(key, true)
      book.complete = true
    }
    return book
  }

  /** Looks up the pointers of `records` not known yet, in one request each, all at once. */
  async learn(records: readonly AnyRecord[]): Promise<void> {
    if (this.complete) return
    // An answered note answers its own question.
    for (const record of records) if ('answeredAt' in record) this.known.set(record.pointerId, true)
    const unknown = [...new Set(records.map(record => record.pointerId))].filter(id => !this.known.has(id))
    if (!unknown.length) return
    const found = await db.answers.bulkGet(unknown)
    unknown.forEach((id, i) => this.known.set(id, found[i] !== undefined))
  }

  has(pointerId: string): boolean {
    const known = this.known.get(pointerId)
    if (known === undefined && !this.complete) throw new Error(`The answered status of ${pointerId} was read before it was learnt.`)
    return known ?? false
  }
}

async function makePlan(filter: TimelineFilter): Promise<Plan> {
  const kinds = filter.kinds?.length ? filter.kinds : TIMELINE_KINDS
  const [search, answered] = await Promise.all([
    filter.query ? timelineSearch(filter.query) : null,
    filter.status ? AnsweredBook.of(filter) : null,
  ])
  return {
    filter,
    kinds: filter.status === 'praying' ? kinds.filter(kind => kind !== 'answered') : kinds,
    search,
    answered,
    lo: filter.from ? localDayStart(filter.from) : '',
    hi: filter.to ? localDayStart(filter.to, 1) : '\uffff',
  }
}

function accepts(plan: Plan, item: TimelineItem, range: TimelineRange): boolean {
  if (item.at < plan.lo || item.at >= plan.hi) return false
  if (range.upper && !comesBefore(range.upper, item)) return false
  if (range.lower && comesBefore(range.lower, item)) return false
  const { filter } = plan
  if (filter.pointerId && item.record.pointerId !== filter.pointerId) return false
  if (filter.briefingId && item.record.briefingId !== filter.briefingId) return false
  if (plan.answered) {
    const answered = item.kind === 'answered' || plan.answered.has(item.record.pointerId)
    if (answered !== (filter.status === 'answered')) return false
  }
  return !plan.search || plan.search.matches(item.kind, item.record)
}

/**
 * The records the search index names, newest first, until `limit` pass their checks: candidates
 * are taken a slice at a time, each slice ending at a whole second, so exact order within a slice
 * is exact order overall.
 */
async function readCandidates(plan: Plan, kind: TimelineKind, candidates: SearchCandidates, range: TimelineRange, limit: number, keep: (record: AnyRecord) => boolean): Promise<AnyRecord[]> {
  const prefix = `${kind}:`
  const top = Math.min(range.upper ? toSeconds(range.upper.at) : Infinity, plan.hi === '\uffff' ? Infinity : toSeconds(plan.hi))
  const bottom = Math.max(range.lower ? toSeconds(range.lower.at) : -Infinity, plan.lo ? toSeconds(plan.lo) : -Infinity)
  const kindOfHash = kindBits(kind)
  const window = candidates.list.filter(c => c.seconds <= top && c.seconds >= bottom && (c.cursor ? c.cursor.key.startsWith(prefix) : (c.hash & 3) === kindOfHash))
  const table = db.table<AnyRecord, string>(SOURCES[kind].table)
  const records: AnyRecord[] = []
  const size = Number.isFinite(limit) ? limit + 8 : 400
  for (let start = 0; start < window.length && records.length < limit;) {
    let end = Math.min(start + size, window.length)
    while (end < window.length && window[end]!.seconds === window[end - 1]!.seconds) end++
    const cursors = (await resolve(candidates, window.slice(start, end)))
      .filter(cursor => cursor.key.startsWith(prefix))
      .sort((a, b) => (comesBefore(a, b) ? -1 : 1))
    start = end
    const found = (await table.bulkGet(cursors.map(cursor => cursor.key.slice(prefix.length)))).filter(record => record !== undefined)
    await plan.answered?.learn(found)
    for (const record of found) if (keep(record)) records.push(record)
  }
  return records
}

/** The largest slice one read takes when checks keep few rows: about a megabyte of records. */
const MAX_SLICE = 2000

/**
 * Records of one kind with times from `bottom` to `top` (both included), newest first, until
 * `limit` pass `keep`: read by a time index (`within` one pointer or briefing, for the compound
 * indexes that start with it) in slices (getAll, far quicker per row than a cursor), each
 * starting at the time where the last ended, with the rows at that time already read left out,
 * and each twice as long as the last.
 */
async function readNewest(plan: Plan, source: Source, bottom: string, top: string, first: number, limit: number, keep: (record: AnyRecord) => boolean, within?: { index: string, id: string }): Promise<AnyRecord[]> {
  const table = db.table<AnyRecord, string>(source.table)
  const timeOf = (record: AnyRecord) => (record as unknown as Record<string, string>)[source.time]!
  const keyOf = (record: AnyRecord) => (record as unknown as Record<string, string>)[table.schema.primKey.keyPath as string]!
  const kept: AnyRecord[] = []
  let ceiling = top
  /** Keys of the rows already read whose time is `ceiling`: the next slice starts with them again. */
  let atCeiling = new Set<string>()
  for (let size = first; ;) {
    const want = size + atCeiling.size
    const slice = within
      ? table.where(within.index).between([within.id, bottom], [within.id, ceiling], true, true)
      : table.where(source.time).between(bottom, ceiling, true, true)
    const rows = await slice.reverse().limit(want).toArray()
    await plan.answered?.learn(rows)
    for (const row of rows) if (!(atCeiling.has(keyOf(row)) && timeOf(row) === ceiling) && keep(row)) kept.push(row)
    if (kept.length >= limit || rows.length < want) return kept
    const last = timeOf(rows.at(-1)!)
    if (last !== ceiling) atCeiling = new Set()
    ceiling = last
    for (const row of rows) if (timeOf(row) === ceiling) atCeiling.add(keyOf(row))
    size = Math.min(size * 2, MAX_SLICE)
  }
}

/** The records of one kind inside `range`, newest first, at most `limit` of them. */
async function readKind(plan: Plan, kind: TimelineKind, range: TimelineRange, limit: number): Promise<TimelineItem[]> {
  const source = SOURCES[kind]
  const table = db.table<AnyRecord, string>(source.table)
  const { filter } = plan
  const top = range.upper && range.upper.at < plan.hi ? range.upper.at : plan.hi
  const bottom = range.lower && range.lower.at > plan.lo ? range.lower.at : plan.lo
  if (top < bottom) return []
  const keep = (record: AnyRecord) => accepts(plan, source.toItem(record as never), range)
  let records: AnyRecord[]
  // Most pages need no check but the range's edges: one getAll of a few extra rows is far quicker
  // than a cursor. A status or a common search word lets through about half: read twice the rows
  // at once (answered notes all pass a status of their own), and when checks drop more, read on
  // in growing slices. Every row read beyond need costs its status lookup too.
  const checked = (plan.answered && kind !== 'answered') || plan.search
  const first = Number.isFinite(limit) ? limit * (checked ? 2 : 1) + 16 : Infinity
  const candidates = plan.search?.candidates
  if (candidates) {
    records = await readCandidates(plan, kind, candidates, range, limit, keep)
  }
  else if (filter.pointerId && source.byPointer) {
    records = await readNewest(plan, source, bottom, top, first, limit, keep, { index: source.byPointer, id: filter.pointerId })
  }
  else if (filter.pointerId) {
    // A pointer has at most one answered note, keyed by the pointer.
    const answer = await db.answers.get(filter.pointerId)
    records = answer ? [answer] : []
  }
  else if (filter.briefingId && source.byBriefing !== 'briefingId') {
    records = await readNewest(plan, source, bottom, top, first, limit, keep, { index: source.byBriefing, id: filter.briefingId })
  }
  else if (filter.briefingId) {
    records = await table.where('briefingId').equals(filter.briefingId).toArray()
  }
  else {
    records = await readNewest(plan, source, bottom, top, first, limit, keep)
  }
  return records.filter(keep).map(record => source.toItem(record as never)).sort(byTimeline).slice(0, limit)
}

/** Reads everything in `range` matching `filter`, newest first, at most `limit` items. */
export async function readTimeline(filter: TimelineFilter, range: TimelineRange, limit = Infinity): Promise<TimelineItem[]> {
  // The search index's tables only for a search: a transaction costs more the more it spans.
  const tables = [db.entries, db.prayed, db.answers, ...(filter.query ? [db.searchTerms, db.searchDocs, db.searchRecent, db.settings] : [])]
  return db.transaction('r', tables, async () => {
    const plan = await makePlan(filter)
    const perKind = await Promise.all(plan.kinds.map(kind => readKind(plan, kind, range, limit)))
    return perKind.flat().sort(byTimeline).slice(0, limit)
  })
}

export interface TimelinePage {
  items: TimelineItem[]
  /** Where the next page starts (exclusive); null when this page reached the end. */
  next: TimelineCursor | null
}

/** The next `limit` items after `after` (null: from the newest). */
export async function readTimelinePage(filter: TimelineFilter, after: TimelineCursor | null, limit: number): Promise<TimelinePage> {
  const items = await timed(filter.query ? 'search' : 'timeline', () => readTimeline(filter, { upper: after, lower: null }, limit + 1))
  const more = items.length > limit
  const page = more ? items.slice(0, limit) : items
  const last = page.at(-1)
  return { items: page, next: more && last ? { at: last.at, key: last.key } : null }
}
