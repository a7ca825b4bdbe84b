import { mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import InstallButton from '~/components/pwa/InstallButton.vue'
import InstallSection from '~/components/settings/InstallSection.vue'

const iPhone = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

function browser(userAgent: string, standalone = false) {
  vi.spyOn(navigator, 'userAgent', 'get').mockReturnValue(userAgent)
  vi.spyOn(window, 'matchMedia').mockImplementation(query => ({ matches: standalone && query === '(display-mode: standalone)', media: query }) as MediaQueryList)
}

describe('InstallSection', () => {
  afterEach(() => { vi.restoreAllMocks() })

  it('gives Safari on an iPhone the steps: Share, then Add to Home Screen', () => {
    browser(iPhone)
    const wrapper = mount(InstallSection)
    expect(wrapper.get('h2').text()).toBe('Install Selah')
    expect(wrapper.findAll('li').map(item => item.text())).toEqual([
      'Open Selah in Safari.',
      'Tap Share: the square with an arrow pointing up, at the bottom of the screen (at the top on iPad).',
      'Scroll down and tap Add to Home Screen, then Add.',
    ])
    expect(wrapper.find('button').exists()).toBe(false)
  })

  it('shows the browser\'s own offer where it makes one, the same one the header shows, and both let it go once used', async () => {
    browser('Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36')
    const header = mount(InstallButton)
    const section = mount(InstallSection)
    expect(section.text()).toContain('This browser has not offered to install Selah yet.')
    const offer = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: vi.fn(async () => {}),
      userChoice: Promise.resolve({ outcome: 'accepted', platform: 'web' }),
    })
    window.dispatchEvent(offer)
    await nextTick()
    expect(header.get('button').text()).toBe('Install Selah')
    await section.get('button').trigger('click')
    expect(offer.prompt).toHaveBeenCalledOnce()
    expect(header.find('button').exists()).toBe(false)
    expect(section.find('button').exists()).toBe(false)
    header.unmount()
    section.unmount()
  })

  it('says Selah is installed when opened from the home screen, and names Add to Dock for Safari on a Mac', () => {
    browser(iPhone, true)
    expect(mount(InstallSection).text()).toContain('Selah is installed on this device')
    vi.restoreAllMocks()
    browser('Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15')
    expect(mount(InstallSection).text()).toContain('choose File, then Add to Dock')
  })
})
