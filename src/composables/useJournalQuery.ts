import { computed } from 'vue'
import { useRoute, useRouter, type LocationQuery, type LocationQueryRaw } from 'vue-router'
import { TIMELINE_KINDS, type TimelineFilter, type TimelineKind } from '~/db/timeline'

const DAY = /^\d{4}-\d{2}-\d{2}$/

function text(value: LocationQuery[string] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? ''
}

/** Reads the journal's filter from its URL; anything unknown or malformed is left out, not an error. */
export function filterFromQuery(query: LocationQuery): TimelineFilter {
  const filter: TimelineFilter = {}
  const q = text(query.q).trim()
  if (q) filter.query = q
  if (text(query.briefing)) filter.briefingId = text(query.briefing)
  if (text(query.pointer)) filter.pointerId = text(query.pointer)
  const status = text(query.status)
  if (status === 'praying' || status === 'answered') filter.status = status
  if (DAY.test(text(query.from))) filter.from = text(query.from)
  if (DAY.test(text(query.to))) filter.to = text(query.to)
  const kinds = text(query.kind).split(',').filter((kind): kind is TimelineKind => (TIMELINE_KINDS as string[]).includes(kind))
  if (kinds.length && kinds.length < TIMELINE_KINDS.length) filter.kinds = [...new Set(kinds)]
  return filter
}

/** The URL query of a filter: short, readable, and a bookmark that opens the same view offline. */
export function queryFromFilter(filter: TimelineFilter): LocationQueryRaw {
  const query: LocationQueryRaw = {}
  if (filter.query) query.q = filter.query
  if (filter.briefingId) query.briefing = filter.briefingId
  if (filter.pointerId) query.pointer = filter.pointerId
  if (filter.status) query.status = filter.status
  if (filter.from) query.from = filter.from
  if (filter.to) query.to = filter.to
  if (filter.kinds?.length) query.kind = filter.kinds.join(',')
  return query
}

/** The journal's filter, kept in the URL: changing it replaces the query, so Back leaves the journal. */
export function useJournalQuery() {
  const route = useRoute()
  const router = useRouter()
  const filter = computed(() => filterFromQuery(route.query))
  function update(changes: Partial<TimelineFilter>) {
    const next = { ...filter.value, ...changes }
    for (const key of Object.keys(next) as (keyof TimelineFilter)[]) if (next[key] === undefined || next[key] === '') delete next[key]
    void router.replace({ query: queryFromFilter(next) })
  }
  return { filter, update }
}
