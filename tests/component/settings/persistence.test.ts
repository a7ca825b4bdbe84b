import { afterEach, describe, expect, it, vi } from 'vitest'
import { getSetting, setSetting } from '~/db/settings'
import { requestPersistence, requestPersistenceOnce } from '~/db/persistence'
import { useComponentTestSetup } from '../helpers'

useComponentTestSetup()

/** happy-dom has no StorageManager: stand in for the browser's answer. */
function browserAnswers(granted: boolean | Error) {
  const persist = vi.fn(async () => {
    if (granted instanceof Error) throw granted
    return granted
  })
  vi.stubGlobal('navigator', { ...navigator, storage: { persist, persisted: async () => false } })
  return persist
}

afterEach(() => { vi.unstubAllGlobals() })

describe('asking the browser to keep Selah’s data', () => {
  it('asks once, records the answer and when, and never asks again by itself', async () => {
    const persist = browserAnswers(false)
    await requestPersistenceOnce()
    const stored = await getSetting('persistence')
    expect(stored.granted).toBe(false)
    expect(Date.parse(stored.askedAt)).not.toBeNaN()
    await requestPersistenceOnce()
    expect(persist).toHaveBeenCalledTimes(1)
  })

  it('asks again when the person presses the button, and records a yes', async () => {
    await setSetting('persistence', { askedAt: '2026-01-01T00:00:00.000Z', granted: false })
    const persist = browserAnswers(true)
    expect(await requestPersistence()).toBe(true)
    expect(persist).toHaveBeenCalledTimes(1)
    expect((await getSetting('persistence')).granted).toBe(true)
  })

  it('does nothing where the browser cannot be asked, and never throws', async () => {
    vi.stubGlobal('navigator', { ...navigator, storage: undefined })
    await expect(requestPersistenceOnce()).resolves.toBeUndefined()
    expect((await getSetting('persistence')).askedAt).toBe('')

    browserAnswers(new DOMException('no', 'InvalidStateError'))
    await expect(requestPersistenceOnce()).resolves.toBeUndefined()
    expect((await getSetting('persistence')).granted).toBe(false)
  })
})
