import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { ref } from 'vue'
import ReloadPrompt from '~/components/pwa/ReloadPrompt.vue'
import { useUnsavedStore } from '~/stores/unsaved'

// The real registration is proved in the browser tests; here only the prompt's decisions matter.
const sw = vi.hoisted(() => ({
  needRefresh: undefined as unknown as import('vue').Ref<boolean>,
  offlineReady: undefined as unknown as import('vue').Ref<boolean>,
  updateServiceWorker: vi.fn(async () => {}),
}))
vi.mock('virtual:pwa-register/vue', () => ({ useRegisterSW: () => sw }))

function mountPrompt() {
  const pinia = createPinia()
  setActivePinia(pinia)
  return mount(ReloadPrompt, { global: { plugins: [pinia] }, attachTo: document.body })
}

/** An editor as the journal's editors register it: its words, and whether a draft write works. */
function draftEditor(options: { draftWorks: boolean }) {
  const state = { typed: true, stored: false }
  const flush = vi.fn(async () => {
    state.stored = options.draftWorks
    return options.draftWorks
  })
  useUnsavedStore().register('entry-new:p1', { dirty: () => state.typed, pending: () => state.typed && !state.stored, flush })
  return { state, flush }
}

describe('ReloadPrompt', () => {
  beforeEach(() => {
    sw.needRefresh = ref(false)
    sw.offlineReady = ref(false)
    sw.updateServiceWorker.mockClear()
  })

  it('says once that Selah is ready to work offline, and can be closed', async () => {
    sw.offlineReady.value = true
    const wrapper = mountPrompt()
    expect(wrapper.get('[role="status"]').text()).toContain('Ready to work offline')
    await wrapper.get('button').trigger('click')
    expect(wrapper.text()).not.toContain('Ready to work offline')
  })

  it('updates at once when nothing is being written', async () => {
    sw.needRefresh.value = true
    const wrapper = mountPrompt()
    expect(wrapper.text()).toContain('A new version of Selah is ready.')
    await button(wrapper, 'Update now').trigger('click')
    expect(sw.updateServiceWorker).toHaveBeenCalledOnce()
    expect(useUnsavedStore().leaving).toBe(true)
  })

  it('hides on Later without updating', async () => {
    sw.needRefresh.value = true
    const wrapper = mountPrompt()
    await button(wrapper, 'Later').trigger('click')
    expect(wrapper.text()).not.toContain('A new version')
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()
  })

  it('keeps unfinished writing as a draft first, says so, then updates', async () => {
    sw.needRefresh.value = true
    const wrapper = mountPrompt()
    const { flush } = draftEditor({ draftWorks: true })
    await flushPromises()
    expect(wrapper.text()).toContain('Your unfinished writing will be kept as a draft and be here after the update.')

    await button(wrapper, 'Update now').trigger('click')
    await flushPromises()
    expect(flush).toHaveBeenCalledOnce()
    expect(sw.updateServiceWorker).toHaveBeenCalledOnce()
    expect(wrapper.get('[role="status"]').text()).toContain('Your unfinished writing is kept as a draft and will be here after the update.')
    // The tab's own "leave this page?" guard must not ask again: the words are safe.
    expect(useUnsavedStore().leaving).toBe(true)
    expect(useUnsavedStore().hasPending).toBe(false)
  })

  it('never updates over words it could not keep as a draft without asking first', async () => {
    sw.needRefresh.value = true
    const wrapper = mountPrompt()
    const { state, flush } = draftEditor({ draftWorks: false })
    await flushPromises()

    await button(wrapper, 'Update now').trigger('click')
    await flushPromises()
    expect(flush).toHaveBeenCalledOnce()
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()
    expect(wrapper.text()).toContain('Updating now reloads the page and loses the text you have not saved.')
    expect(wrapper.text()).not.toContain('kept as a draft')
    expect(document.activeElement?.textContent).toBe('Keep writing')

    await button(wrapper, 'Keep writing').trigger('click')
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()

    await button(wrapper, 'Update now').trigger('click')
    await flushPromises()
    await button(wrapper, 'Update and lose unsaved text').trigger('click')
    expect(sw.updateServiceWorker).toHaveBeenCalledOnce()
    expect(wrapper.text()).not.toContain('kept as a draft')
    expect(state.typed).toBe(true)
    wrapper.unmount()
  })

  it('asks first for words in an editor that keeps no drafts (a pasted briefing)', async () => {
    sw.needRefresh.value = true
    const wrapper = mountPrompt()
    const unsaved = useUnsavedStore()
    let typing = true
    unsaved.register('add-briefing', () => typing)
    await flushPromises()
    expect(wrapper.text()).toContain('Save what you are writing first; updating reloads the page.')

    await button(wrapper, 'Update now').trigger('click')
    await flushPromises()
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()
    expect(hasButton(wrapper, 'Update and lose unsaved text')).toBe(true)

    // Once the words are saved, updating needs no confirmation.
    typing = false
    unsaved.unregister('add-briefing')
    await flushPromises()
    expect(hasButton(wrapper, 'Update and lose unsaved text')).toBe(false)
    expect(wrapper.text()).not.toContain('Save what you are writing first')
    await button(wrapper, 'Update now').trigger('click')
    expect(sw.updateServiceWorker).toHaveBeenCalledOnce()
    wrapper.unmount()
  })
})

function hasButton(wrapper: ReturnType<typeof mount>, name: string) {
  return wrapper.findAll('button').some(candidate => candidate.text() === name)
}

function button(wrapper: ReturnType<typeof mount>, name: string) {
  const found = wrapper.findAll('button').find(candidate => candidate.text() === name)
  if (!found) throw new Error(`No button "${name}" in: ${wrapper.html()}`)
  return found
}
