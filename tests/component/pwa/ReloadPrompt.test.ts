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
  })

  it('hides on Later without updating', async () => {
    sw.needRefresh.value = true
    const wrapper = mountPrompt()
    await button(wrapper, 'Later').trigger('click')
    expect(wrapper.text()).not.toContain('A new version')
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()
  })

  it('never reloads over unsaved words without asking first', async () => {
    sw.needRefresh.value = true
    const wrapper = mountPrompt()
    const unsaved = useUnsavedStore()
    let typing = true
    unsaved.register('journal-p1', () => typing)
    await flushPromises()
    expect(wrapper.text()).toContain('Save what you are writing first; updating reloads the page.')

    await button(wrapper, 'Update now').trigger('click')
    await flushPromises()
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()
    expect(document.activeElement?.textContent).toBe('Keep writing')

    await button(wrapper, 'Keep writing').trigger('click')
    expect(sw.updateServiceWorker).not.toHaveBeenCalled()

    await button(wrapper, 'Update now').trigger('click')
    await button(wrapper, 'Update and lose unsaved text').trigger('click')
    expect(sw.updateServiceWorker).toHaveBeenCalledOnce()

    // Once the words are saved, updating needs no confirmation.
    typing = false
    unsaved.unregister('journal-p1')
    await flushPromises()
    expect(wrapper.text()).not.toContain('Save what you are writing first')
    wrapper.unmount()
  })
})

function button(wrapper: ReturnType<typeof mount>, name: string) {
  const found = wrapper.findAll('button').find(candidate => candidate.text() === name)
  if (!found) throw new Error(`No button "${name}" in: ${wrapper.html()}`)
  return found
}
