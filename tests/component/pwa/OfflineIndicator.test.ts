import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import OfflineIndicator from '~/components/pwa/OfflineIndicator.vue'

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online)
  window.dispatchEvent(new Event(online ? 'online' : 'offline'))
}

describe('OfflineIndicator', () => {
  afterEach(() => { vi.restoreAllMocks() })

  it('tells the person they are offline and that their words are still kept', async () => {
    setOnline(true)
    const wrapper = mount(OfflineIndicator)
    const status = wrapper.get('[role="status"]')
    expect(status.text()).toBe('')

    setOnline(false)
    await nextTick()
    expect(status.text()).toContain('Offline. Everything you write is saved on this device.')

    setOnline(true)
    await nextTick()
    expect(status.text()).toBe('')
    wrapper.unmount()
  })

  it('stops listening once unmounted', () => {
    const remove = vi.spyOn(window, 'removeEventListener')
    mount(OfflineIndicator).unmount()
    expect(remove.mock.calls.map(call => call[0])).toEqual(expect.arrayContaining(['online', 'offline']))
  })
})
