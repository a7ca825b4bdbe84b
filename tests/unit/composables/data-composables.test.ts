import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { effectScope, shallowRef, watch } from 'vue'
import { useAnswered } from '~/composables/useAnswered'
import { useBriefing } from '~/composables/useBriefing'
import { useBriefingList } from '~/composables/useBriefingList'
import { useTimeline } from '~/composables/useTimeline'
import { markAnswered } from '~/db/answers'
import { markBriefingOpened, mirrorBriefings } from '~/db/briefings'
import { addEntry, editEntry } from '~/db/entries'
import { db } from '~/db'
import { firstPointer, makeBriefing, useFreshDatabase } from '../db/helpers'

useFreshDatabase()

function inScope<T>(setup: () => T): T {
  const scope = effectScope()
  onTestFinished(() => scope.stop())
  return scope.run(setup)!
}

const briefing = makeBriefing()

describe('data composables', () => {
  it('useBriefingList follows new briefings, entries and openings', async () => {
    const { data } = inScope(() => useBriefingList())
    await vi.waitFor(() => expect(data.value).toEqual([]))
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    await vi.waitFor(() => expect(data.value?.[0]).toMatchObject({ entryCount: 0, isNew: true }))
    await addEntry(firstPointer(briefing), 'words')
    await markBriefingOpened(briefing.id)
    await vi.waitFor(() => expect(data.value?.[0]).toMatchObject({ entryCount: 1, isNew: false }))
  })

  it('useBriefing answers null for an unknown id and follows the id it is given', async () => {
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    const id = shallowRef('unknown')
    const { data } = inScope(() => useBriefing(id))
    await vi.waitFor(() => expect(data.value).toBeNull())
    id.value = briefing.id
    await vi.waitFor(() => expect(data.value?.briefing.title).toBe('Peace in Ukraine'))
    const entry = await addEntry(firstPointer(briefing), 'on this pointer')
    await vi.waitFor(() => expect(data.value?.entries.get(entry.pointerId)).toEqual([entry]))
  })

  it('useBriefing takes back a write that fails (shown at once, before its commit)', async () => {
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    const { data } = inScope(() => useBriefing(briefing.id))
    const entry = await addEntry(firstPointer(briefing), 'kept words')
    await vi.waitFor(() => expect(data.value?.entries.get(entry.pointerId)).toEqual([entry]))
    // The same id again: IndexedDB refuses it, and nothing of it may stay on screen.
    await expect(db.entries.add({ ...entry, text: 'refused words' })).rejects.toThrow()
    await new Promise(resolve => setTimeout(resolve, 50))
    expect(data.value?.entries.get(entry.pointerId)).toEqual([entry])
  })

  it('useAnswered lists newest first and follows writes', async () => {
    const answered = inScope(() => useAnswered())
    const answer = await markAnswered(firstPointer(briefing), 'answered words')
    await vi.waitFor(() => expect(answered.data.value?.map(row => row.answer)).toEqual([answer]))
  })

  it('useTimeline keeps its rows when a live run finds nothing changed, and shows an edit', async () => {
    const entry = await addEntry(firstPointer(briefing), 'first words')
    const timeline = inScope(() => useTimeline(shallowRef({})))
    // The record as the first read gave it, before the page's live query ran at all.
    let before: unknown
    inScope(() => watch(timeline.state, (state) => { before ??= state.pages[0]?.items?.[0] }))
    await vi.waitFor(() => expect(before).toBeDefined())
    timeline.showRows(0, 1)
    // The page goes live a frame after it is drawn; its first run reads the same record again.
    await new Promise(resolve => setTimeout(resolve, 100))
    timeline.showRows(0, 1)
    await markBriefingOpened(briefing.id)
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(timeline.state.value.pages[0]!.items![0]).toBe(before)
    await editEntry(entry.id, 'second words')
    await vi.waitFor(() => expect(timeline.state.value.pages[0]!.items![0]).toMatchObject({ record: { text: 'second words' } }))
  })
})
