import { flushPromises, mount } from '@vue/test-utils'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createMemoryHistory, createRouter } from 'vue-router'
import App from '~/App.vue'
import { db } from '~/db'
import { requestPersistence, requestPersistenceOnce } from '~/db/persistence'
import { getSetting } from '~/db/settings'
import { routes } from '~/router'
import { button, field, pointerCard, seedBriefing, until, useComponentTestSetup } from '../helpers'
import { briefing, fillTheDisk, freeTheDisk } from './support'

vi.mock('~/components/pwa/OfflineIndicator.vue', () => ({ default: { name: 'OfflineIndicator', render: () => null } }))
vi.mock('~/components/pwa/InstallButton.vue', () => ({ default: { name: 'InstallButton', render: () => null } }))
vi.mock('~/components/pwa/ReloadPrompt.vue', () => ({ default: { name: 'ReloadPrompt', render: () => null } }))
// The real verbs, watched: the form asks in the background after a save, and a test must know when that finished.
vi.mock('~/db/persistence', async (importOriginal) => {
  const real = await importOriginal<typeof import('~/db/persistence')>()
  return { ...real, requestPersistence: vi.fn(real.requestPersistence), requestPersistenceOnce: vi.fn(real.requestPersistenceOnce) }
})
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
    const askOnce = vi.mocked(requestPersistenceOnce)
    askOnce.mockClear()
    vi.mocked(requestPersistence).mockClear()
    const { card, textarea } = await openBriefingInApp()
    await textarea().setValue('The first entry')
    await until(() => expect(card().text()).toContain('Draft saved on this device'))
    expect(askOnce).not.toHaveBeenCalled()
    expect(requestPersistence).not.toHaveBeenCalled()
    expect(persist).not.toHaveBeenCalled()

    const beforeFirstSave = Date.now()
    await button(card(), 'Save entry').trigger('submit')
    await until(() => expect(askOnce).toHaveBeenCalledOnce())
    await askOnce.mock.results[0]!.value
    expect(persist).toHaveBeenCalledOnce()
    const asked = await getSetting('persistence')
    expect(asked.granted).toBe(true)
    expect(Date.parse(asked.askedAt)).toBeGreaterThanOrEqual(beforeFirstSave)
    expect(await db.entries.count()).toBe(1)

    // Asked once per device: a later entry checks, finds the answer stored, and does not ask again.
    await textarea().setValue('A second entry')
    await button(card(), 'Save entry').trigger('submit')
    await until(() => expect(askOnce).toHaveBeenCalledTimes(2))
    await askOnce.mock.results[1]!.value
    expect(await db.entries.count()).toBe(2)
    expect(persist).toHaveBeenCalledOnce()
    expect(await getSetting('persistence')).toEqual(asked)
  })
})
