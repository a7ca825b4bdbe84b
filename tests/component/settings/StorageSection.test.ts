import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import StorageSection from '~/components/settings/StorageSection.vue'
import { formatBytes } from '~/composables/useStorageStatus'
import { getSetting } from '~/db/settings'
import { button, hasButton, until, useComponentTestSetup } from '../helpers'

useComponentTestSetup()
afterEach(() => { vi.unstubAllGlobals() })

/** happy-dom has no StorageManager: a browser that keeps data only once asked (when `grants`). */
function storageManager({ grants, usage }: { grants: boolean, usage: number }) {
  let persisted = false
  const storage = {
    persisted: async () => persisted,
    persist: vi.fn(async () => (persisted = grants)),
    estimate: async () => ({ usage, quota: 10e9 }),
  }
  vi.stubGlobal('navigator', { ...navigator, storage })
  return storage
}

describe('StorageSection', () => {
  it('says the data is not kept for sure, shows the usage, and asks when the button is pressed', async () => {
    const storage = storageManager({ grants: true, usage: 1_234_567 })
    const wrapper = mount(StorageSection, { attachTo: document.body })
    expect(wrapper.get('h2').text()).toBe('Storage on this device')
    await until(() => expect(wrapper.text()).toContain('Selah is using 1.2 MB.'))
    expect(wrapper.text()).toContain('has not promised to keep')
    expect(wrapper.text()).toMatch(/Safari .* clears the data of sites that are not installed after 7 days without a visit/)
    expect(storage.persist).not.toHaveBeenCalled()

    await button(wrapper, `Ask the browser to keep Selah's data`).trigger('click')
    await until(() => expect(wrapper.get('[role="status"]').text()).toBe(`The browser agreed to keep Selah's data.`))
    expect(wrapper.text()).toContain('has agreed to keep')
    expect(hasButton(wrapper, `Ask the browser to keep Selah's data`)).toBe(false)
    expect((await getSetting('persistence')).granted).toBe(true)
    await until(() => expect(wrapper.text()).toMatch(/Selah last asked the browser to keep its data on .+; the answer was yes\./))
  })

  it('says so plainly when the browser says no', async () => {
    storageManager({ grants: false, usage: 0 })
    const wrapper = mount(StorageSection, { attachTo: document.body })
    await until(() => expect(hasButton(wrapper, `Ask the browser to keep Selah's data`)).toBe(true))
    await button(wrapper, `Ask the browser to keep Selah's data`).trigger('click')
    await until(() => expect(wrapper.get('[role="status"]').text()).toMatch(/^The browser said no for now/))
    expect(hasButton(wrapper, `Ask the browser to keep Selah's data`)).toBe(true)
  })

  it('offers no button where the browser cannot be asked', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined })
    const wrapper = mount(StorageSection, { attachTo: document.body })
    await until(() => expect(wrapper.text()).toContain('does not say whether it will keep'))
    expect(wrapper.findAll('button')).toHaveLength(0)
    expect(wrapper.text()).not.toContain('Selah is using')
  })

  it('formats sizes the way devices report them', () => {
    expect(formatBytes(0)).toMatch(/^0 bytes$/)
    expect(formatBytes(512)).toBe('512 bytes')
    expect(formatBytes(1_234_567)).toBe('1.2 MB')
    expect(formatBytes(45_600)).toBe('46 kB')
    expect(formatBytes(3_000_000_000)).toBe('3 GB')
  })
})
