import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import App from '~/App.vue'
import { db } from '~/db'
import { getSetting } from '~/db/settings'
import { routes } from '~/router'
import { button, field, pointerCard, seedBriefing, until, useComponentTestSetup } from '../helpers'
import { briefing, fillTheDisk, freeTheDisk } from './support'

vi.mock('~/components/pwa/OfflineIndicator.vue', () => ({ default: { name: 'OfflineIndicator', render: () => null } }))
vi.mock('~/components/pwa/InstallButton.vue', () => ({ default: { name: 'InstallButton', render: () => null } }))
vi.mock('~/components/pwa/ReloadPrompt.vue', () => ({ default: { name: 'ReloadPrompt', render: () => null } }))
useComponentTestSetup()

async function openBriefingInApp() {
  await seedBriefing(briefing)
  const router = createRouter({ history: createMemoryHistory(), routes })
  await router.push(`/briefings/${briefing.id}`)
  await router.isReady()
  const wrapper = mount(App, { global: { plugins: [router] }, attachTo: document.body })
  await until(() => expect(wrapper.find('article').exists()).toBe(true))
  const card = () => pointerCard(wrapper, 1)
  return { card, textarea: () => field(card(), 'Journal entry for pointer 1') }
}

/** Whether closing the tab now would ask "Leave this page?". */
function closingWouldAsk() {
  const event = new Event('beforeunload', { cancelable: true })
  window.dispatchEvent(event)
  return event.defaultPrevented
}

describe('leaving the page while writing', () => {
  it('asks only while the words are not stored anywhere yet', async () => {
    const { card, textarea } = await openBriefingInApp()
    expect(closingWouldAsk()).toBe(false)
    await textarea().setValue('Half a prayer')
    await flushPromises()
    expect(closingWouldAsk()).toBe(true)
    await until(() => expect(card().text()).toContain('Draft saved on this device'))
    expect(closingWouldAsk()).toBe(false)
  })

  it('asks when the draft could not be stored (a full disk)', async () => {
    const { card, textarea } = await openBriefingInApp()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await fillTheDisk()
    try {
      await textarea().setValue('Words only on screen')
      await until(() => expect(card().text()).toContain('This device could not keep a draft of these words.'))
      expect(closingWouldAsk()).toBe(true)
    }
    finally {
      await freeTheDisk()
      warn.mockRestore()
    }
  })
})

describe('durable storage', () => {
  const realStorage = Object.getOwnPropertyDescriptor(navigator, 'storage')
  afterEach(() => {
    if (realStorage) Object.defineProperty(navigator, 'storage', realStorage)
    else delete (navigator as { storage?: unknown }).storage
  })

  it('is asked for after the first saved entry, not when the page opens', async () => {
    const persist = vi.fn(async () => true)
    Object.defineProperty(navigator, 'storage', { value: { persist }, configurable: true })
    const { card, textarea } = await openBriefingInApp()
    await textarea().setValue('The first entry')
    await until(() => expect(card().text()).toContain('Draft saved on this device'))
    expect(persist).not.toHaveBeenCalled()

    await button(card(), 'Save entry').trigger('submit')
    await until(async () => expect((await getSetting('persistence')).granted).toBe(true))
    expect(persist).toHaveBeenCalledOnce()
    expect(await db.entries.count()).toBe(1)

    // Asked once per device: later entries do not ask again.
    await textarea().setValue('A second entry')
    await button(card(), 'Save entry').trigger('submit')
    await until(async () => expect(await db.entries.count()).toBe(2))
    await flushPromises()
    expect(persist).toHaveBeenCalledOnce()
  })
})
