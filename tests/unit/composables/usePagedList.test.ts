import { afterEach, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest'
import { effectScope } from 'vue'
import { useBriefingList } from '~/composables/useBriefingList'
import { usePagedList } from '~/composables/usePagedList'
import { db } from '~/db'
import { briefingPageKey, readBriefingPage } from '~/db/briefing-pages'
import { addEntry } from '~/db/entries'
import { snapshotOf } from '~/db/snapshot'
import type { StoredBriefing } from '~/db/types'
import { makeBriefing, useFreshDatabase } from '../db/helpers'

useFreshDatabase()
beforeEach(() => vi.useFakeTimers({ toFake: ['Date'] }))
afterEach(() => vi.useRealTimers())

function inScope<T>(setup: () => T): T {
  const scope = effectScope()
  onTestFinished(() => scope.stop())
  return scope.run(setup)!
}

function stored(id: string, sortDate: string): StoredBriefing {
  return { ...makeBriefing({ id, date: sortDate }), source: 'feed', hash: id, addedAt: 't', updatedAt: 't', openedAt: null, sortDate }
}
const day = (n: number) => `2025-01-${String(n).padStart(2, '0')}`

describe('usePagedList', () => {
  it('reads a page at a time and keeps every page live, without gaps or repeats', async () => {
    // Briefings on days 2, 4, ... 20: room between them for later arrivals.
    await db.briefings.bulkPut(Array.from({ length: 10 }, (_, i) => stored(`b${(i + 1) * 2}`, day((i + 1) * 2))))
    const list = inScope(() => usePagedList({ read: readBriefingPage, keyOf: briefingPageKey, pageSize: 4 }))
    const ids = () => list.data.value?.map(summary => summary.briefing.id)
    await vi.waitFor(() => expect(ids()).toEqual(['b20', 'b18', 'b16', 'b14']))
    expect(list.hasMore.value).toBe(true)

    list.loadMore()
    await vi.waitFor(() => expect(ids()).toHaveLength(8))
    list.loadMore()
    await vi.waitFor(() => expect(ids()).toEqual(['b20', 'b18', 'b16', 'b14', 'b12', 'b10', 'b8', 'b6', 'b4', 'b2']))
    expect(list.hasMore.value).toBe(false)

    // Arrivals inside the first and the second page, and below the last, each land in place.
    await db.briefings.bulkPut([stored('b19', day(19)), stored('b11', day(11)), stored('b1', day(1))])
    await vi.waitFor(() => expect(ids()).toEqual(['b20', 'b19', 'b18', 'b16', 'b14', 'b12', 'b11', 'b10', 'b8', 'b6', 'b4', 'b2', 'b1']))
    await db.briefings.delete('b14')
    await vi.waitFor(() => expect(ids()).not.toContain('b14'))

    const b10 = makeBriefing({ id: 'b10', date: day(10) })
    await addEntry(snapshotOf(b10, b10.pointers[0]!), 'words')
    await vi.waitFor(() => expect(list.data.value?.find(summary => summary.briefing.id === 'b10')?.entryCount).toBe(1))
  })

  it('useBriefingList answers an empty list, then the first page', async () => {
    const { data, hasMore } = inScope(() => useBriefingList())
    await vi.waitFor(() => expect(data.value).toEqual([]))
    expect(hasMore.value).toBe(false)
    await db.briefings.put(stored('only', day(1)))
    await vi.waitFor(() => expect(data.value?.map(summary => summary.briefing.id)).toEqual(['only']))
  })
})
