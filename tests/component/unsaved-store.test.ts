import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { effectScope, shallowRef } from 'vue'
import { trackUnsaved, useUnsavedStore } from '~/stores/unsaved'

describe('useUnsavedStore', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('has unsaved text only while a registered editor says so', () => {
    const store = useUnsavedStore()
    const text = shallowRef('')
    store.register('entry', () => text.value !== '')
    expect(store.hasUnsaved).toBe(false)
    text.value = 'half a prayer'
    expect(store.hasUnsaved).toBe(true)
    // An editor without drafts: its unsaved words are also words that leaving would lose.
    expect(store.hasPending).toBe(true)
    expect(store.allKeptAsDrafts).toBe(false)
    store.unregister('entry')
    expect(store.hasUnsaved).toBe(false)
    expect(store.hasPending).toBe(false)
  })

  it('trackUnsaved unregisters when the editor goes away', () => {
    const store = useUnsavedStore()
    const scope = effectScope()
    scope.run(() => trackUnsaved('answer', () => true))
    expect(store.hasUnsaved).toBe(true)
    scope.stop()
    expect(store.hasUnsaved).toBe(false)
  })

  it('counts words stored as a draft as unsaved, but not as pending', async () => {
    const store = useUnsavedStore()
    const text = shallowRef('half a prayer')
    const inDraft = shallowRef<string | null>(null)
    store.register('entry-new:p1', {
      dirty: () => text.value !== '',
      pending: () => text.value !== inDraft.value,
      flush: async () => {
        inDraft.value = text.value
        return true
      },
    })
    expect(store.hasUnsaved).toBe(true)
    expect(store.hasPending).toBe(true)
    expect(store.allKeptAsDrafts).toBe(true)

    expect(await store.flushAll()).toBe(true)
    expect(store.hasUnsaved).toBe(true)
    expect(store.hasPending).toBe(false)
  })

  it('flushAll is false when any editor could not keep its words', async () => {
    const store = useUnsavedStore()
    store.register('entry-new:p1', { dirty: () => true, pending: () => false, flush: async () => true })
    store.register('answer:p2', { dirty: () => true, pending: () => true, flush: async () => false })
    expect(await store.flushAll()).toBe(false)

    store.unregister('answer:p2')
    store.register('add-briefing', () => true)
    expect(store.allKeptAsDrafts).toBe(false)
    expect(await store.flushAll()).toBe(false)

    store.unregister('add-briefing')
    expect(await store.flushAll()).toBe(true)
  })

  it('flushAll asks only editors that hold words', async () => {
    const store = useUnsavedStore()
    let asked = 0
    store.register('entry-new:p1', { dirty: () => false, flush: async () => { asked++; return false } })
    expect(await store.flushAll()).toBe(true)
    expect(asked).toBe(0)
  })
})
