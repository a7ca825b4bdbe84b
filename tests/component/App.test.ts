import { flushPromises } from '@vue/test-utils'
import { describe, expect, it, vi } from 'vitest'
import App from '~/App.vue'
import { useUnsavedStore } from '~/stores/unsaved'
import { mountRoute, useComponentTestSetup } from './helpers'

// The PWA helper tests its own components; here they only need to be in place.
vi.mock('~/components/pwa/OfflineIndicator.vue', () => ({ default: { name: 'OfflineIndicator', render: () => null } }))
vi.mock('~/components/pwa/InstallButton.vue', () => ({ default: { name: 'InstallButton', render: () => null } }))
vi.mock('~/components/pwa/ReloadPrompt.vue', () => ({ default: { name: 'ReloadPrompt', render: () => null } }))
useComponentTestSetup()

async function mountApp() {
  return (await mountRoute('/', App)).wrapper
}

describe('App shell', () => {
  it('has a skip link, the name linking home, the main navigation and one main', async () => {
    const wrapper = await mountApp()
    expect(wrapper.get('a.skip-link').attributes('href')).toBe('#main')
    expect(wrapper.get('header a.brand').text()).toBe('Selah')
    const nav = wrapper.get('nav[aria-label="Main"]')
    expect(nav.findAll('a').map(a => [a.text(), a.attributes('href')])).toEqual([
      ['Today', '/'], ['Briefings', '/briefings'], ['My prayers', '/prayers'], ['Journal', '/journal'], ['Settings', '/settings'],
    ])
    expect(nav.get('a[aria-current="page"]').text()).toBe('Today')
    expect(wrapper.findAll('main#main')).toHaveLength(1)
  })

  it('asks before the tab closes only while something is unsaved', async () => {
    await mountApp()
    const unload = () => {
      const event = new Event('beforeunload', { cancelable: true })
      window.dispatchEvent(event)
      return event.defaultPrevented
    }
    expect(unload()).toBe(false)
    let typing = true
    useUnsavedStore().register('entry', () => typing)
    await flushPromises()
    expect(unload()).toBe(true)
    typing = false
    useUnsavedStore().unregister('entry')
    await flushPromises()
    expect(unload()).toBe(false)
  })
})
