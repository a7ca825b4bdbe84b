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
    store.unregister('entry')
    expect(store.hasUnsaved).toBe(false)
  })

  it('trackUnsaved unregisters when the editor goes away', () => {
    const store = useUnsavedStore()
    const scope = effectScope()
    scope.run(() => trackUnsaved('answer', () => true))
    expect(store.hasUnsaved).toBe(true)
    scope.stop()
    expect(store.hasUnsaved).toBe(false)
  })
})
