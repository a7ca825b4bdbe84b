import { createPinia, disposePinia, setActivePinia, type Pinia } from 'pinia'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { UserFacingError } from '~/db/errors'
import { useFeedStore } from '~/stores/feed'

const syncFeed = vi.fn()
vi.mock('~/feed/sync', () => ({ syncFeed: (...args: unknown[]) => syncFeed(...args) }))

// Each test gets its own Pinia, so its own feed store: nothing to reset by hand. Disposing it
// stops the store's 'online' listener.
let pinia: Pinia
beforeEach(() => {
  syncFeed.mockReset()
  setActivePinia(pinia = createPinia())
})
afterEach(() => disposePinia(pinia))

describe('the feed store', () => {
  it('syncs once when started, however often start() is called, and shares its state', async () => {
    syncFeed.mockResolvedValue({ added: ['new-one'], updated: [], problems: [] })
    const feed = useFeedStore()
    expect(feed.state).toBe('idle')
    feed.start()
    feed.start()
    expect(feed.state).toBe('syncing')
    await vi.waitFor(() => expect(feed.state).toBe('done'))
    expect(useFeedStore()).toBe(feed)
    expect(feed.added).toEqual(['new-one'])
    expect(feed.message).toBeNull()
    expect(syncFeed).toHaveBeenCalledTimes(1)
  })

  it('shows the feed error in plain words, and syncs again when back online', async () => {
    syncFeed.mockRejectedValueOnce(new UserFacingError('You are offline: showing the briefings saved on this device.'))
    const feed = useFeedStore()
    feed.start()
    await vi.waitFor(() => expect(feed.state).toBe('error'))
    expect(feed.message).toBe('You are offline: showing the briefings saved on this device.')
    syncFeed.mockResolvedValueOnce({ added: [], updated: [], problems: [] })
    window.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(feed.state).toBe('done'))
    expect(feed.message).toBeNull()
    expect(syncFeed).toHaveBeenCalledTimes(2)
  })

  it('does not fetch on "online" before it was started', async () => {
    const feed = useFeedStore()
    window.dispatchEvent(new Event('online'))
    await Promise.resolve()
    expect(feed.state).toBe('idle')
    expect(syncFeed).not.toHaveBeenCalled()
  })

  it('reports document problems and storage failures', async () => {
    syncFeed.mockResolvedValueOnce({ added: [], updated: [], problems: ['The briefing “X” could not be read: it was not found (404).'] })
    const feed = useFeedStore()
    await feed.sync()
    expect(feed.state).toBe('done')
    expect(feed.message).toBe('The briefing “X” could not be read: it was not found (404).')
    syncFeed.mockRejectedValueOnce(new Error('Disk trouble'))
    await feed.sync()
    expect(feed.state).toBe('error')
    expect(feed.message).toBe('New briefings could not be saved on this device: Disk trouble.')
  })

  it('does not start a second sync while one is running', async () => {
    let finish = () => {}
    syncFeed.mockImplementation(() => new Promise((resolve) => { finish = () => resolve({ added: [], updated: [], problems: [] }) }))
    const feed = useFeedStore()
    const first = feed.sync()
    const again = feed.sync()
    await vi.waitFor(() => expect(syncFeed).toHaveBeenCalled())
    finish()
    await Promise.all([first, again])
    expect(syncFeed).toHaveBeenCalledTimes(1)
  })
})
