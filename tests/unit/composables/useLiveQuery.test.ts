import { describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { useLiveQuery } from '~/composables/useLiveQuery'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { firstPointer, useFreshDatabase } from '../db/helpers'

useFreshDatabase()

function inScope<T>(setup: () => T) {
  const scope = effectScope()
  const result = scope.run(setup)!
  return { result, stop: () => scope.stop() }
}

describe('useLiveQuery', () => {
  it('starts with the initial value, then follows every write', async () => {
    const { result, stop } = inScope(() => useLiveQuery(() => db.entries.count(), { initial: -1 }))
    expect(result.data.value).toBe(-1)
    expect(result.loading.value).toBe(true)
    await vi.waitFor(() => expect(result.data.value).toBe(0))
    expect(result.loading.value).toBe(false)
    await addEntry(firstPointer(), 'a new entry')
    await vi.waitFor(() => expect(result.data.value).toBe(1))
    stop()
  })

  it('runs the query again when a dependency changes', async () => {
    const pointerId = shallowRef(firstPointer().pointerId)
    const { result, stop } = inScope(() => useLiveQuery(
      () => db.entries.where('pointerId').equals(pointerId.value).count(),
      { deps: pointerId },
    ))
    await addEntry(firstPointer(), 'one')
    await vi.waitFor(() => expect(result.data.value).toBe(1))
    pointerId.value = 'another-pointer'
    await nextTick()
    await vi.waitFor(() => expect(result.data.value).toBe(0))
    stop()
  })

  it('puts a failing query into error', async () => {
    const { result, stop } = inScope(() => useLiveQuery(() => Promise.reject(new Error('broken'))))
    await vi.waitFor(() => expect(result.error.value).toEqual(new Error('broken')))
    expect(result.loading.value).toBe(false)
    expect(result.data.value).toBeUndefined()
    stop()
  })

  it('stops following the database when its scope ends', async () => {
    const query = vi.fn(() => db.entries.count())
    const { result, stop } = inScope(() => useLiveQuery(query))
    await vi.waitFor(() => expect(result.data.value).toBe(0))
    stop()
    const runs = query.mock.calls.length
    // A query still following the same table: Dexie tells every follower of a write at once, so
    // once this one has been given a write's answer, the stopped one would have been asked too.
    const witness = inScope(() => useLiveQuery(() => db.entries.count()))
    await vi.waitFor(() => expect(witness.result.data.value).toBe(0))
    await addEntry(firstPointer(), 'after the view closed')
    await vi.waitFor(() => expect(witness.result.data.value).toBe(1))
    // IndexedDB runs a write only after the reads begun before it: its answer comes after any to the first.
    await addEntry(firstPointer(), 'and another')
    await vi.waitFor(() => expect(witness.result.data.value).toBe(2))
    expect(query.mock.calls.length).toBe(runs)
    expect(result.data.value).toBe(0)
    witness.stop()
  })
})
