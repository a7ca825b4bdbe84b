import { mount } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import InstallButton from '~/components/pwa/InstallButton.vue'
import { catchEarlyInstallOffer } from '~/utils/install-offer'

function makeOffer() {
  return Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
    prompt: vi.fn(async () => {}),
    userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
  })
}

describe('InstallButton', () => {
  it('appears only when the browser offers installation, and goes once installed', async () => {
    const wrapper = mount(InstallButton)
    expect(wrapper.find('button').exists()).toBe(false)

    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: vi.fn(async () => {}),
      userChoice: Promise.resolve({ outcome: 'dismissed', platform: 'web' }),
    })
    window.dispatchEvent(offer)
    await nextTick()
    expect(offer.defaultPrevented).toBe(true)
    expect(wrapper.get('button').text()).toBe('Install Selah')

    window.dispatchEvent(new Event('appinstalled'))
    await nextTick()
    expect(wrapper.find('button').exists()).toBe(false)

    window.dispatchEvent(offer)
    await nextTick()
    await wrapper.get('button').trigger('click')
    expect(offer.prompt).toHaveBeenCalledOnce()
    wrapper.unmount()
  })

  it('shows an offer the browser made while the kept first screen showed, before the app was there to hear it', async () => {
    catchEarlyInstallOffer()
    const offer = makeOffer()
    window.dispatchEvent(offer)
    expect(offer.defaultPrevented).toBe(true)

    const wrapper = mount(InstallButton)
    expect(wrapper.get('button').text()).toBe('Install Selah')
    await wrapper.get('button').trigger('click')
    expect(offer.prompt).toHaveBeenCalledOnce()
    wrapper.unmount()

    // Taken over: the early catch no longer keeps offers for a later mount.
    window.dispatchEvent(makeOffer())
    const later = mount(InstallButton)
    expect(later.find('button').exists()).toBe(false)
    later.unmount()
  })
})
