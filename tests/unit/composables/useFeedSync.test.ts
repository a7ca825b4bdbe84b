import { beforeEach, describe, expect, it, vi } from 'vitest'

const syncFeed = vi.fn()
vi.mock('~/briefings/feed', () => ({ syncFeed: (...args: unknown[]) => syncFeed(...args) }))

// useFeedSync keeps one shared state per module, so each test loads a fresh copy.
async function loadFeedSync() {
  vi.resetModules()
  const { useFeedSync } = await import('~/composables/useFeedSync')
  // FeedError's base class, from the same fresh module graph as useFeedSync.
  const { UserFacingError } = await import('~/db/errors')
  return { useFeedSync, UserFacingError }
}

beforeEach(() => { syncFeed.mockReset() })

describe('useFeedSync', () => {
  it('syncs once on first use and shares its state', async () => {
    syncFeed.mockResolvedValue({ added: ['new-one'], updated: [], problems: [] })
    const { useFeedSync } = await loadFeedSync()
    const first = useFeedSync()
    const second = useFeedSync()
    expect(first.state.value).toBe('syncing')
    await vi.waitFor(() => expect(first.state.value).toBe('done'))
    expect(second.state).toBe(first.state)
    expect(first.added.value).toEqual(['new-one'])
    expect(first.message.value).toBeNull()
    expect(syncFeed).toHaveBeenCalledTimes(1)
  })

  it('shows the feed error in plain words, and syncs again when back online', async () => {
    const { useFeedSync, UserFacingError } = await loadFeedSync()
    syncFeed.mockRejectedValueOnce(new UserFacingError('You are offline: showing the briefings saved on this device.'))
    const { state, message } = useFeedSync()
    await vi.waitFor(() => expect(state.value).toBe('error'))
    expect(message.value).toBe('You are offline: showing the briefings saved on this device.')
    // Not "Once": copies of the module loaded by earlier tests listen for 'online' too.
    syncFeed.mockResolvedValue({ added: [], updated: [], problems: [] })
    window.dispatchEvent(new Event('online'))
    await vi.waitFor(() => expect(state.value).toBe('done'))
    expect(message.value).toBeNull()
  })

  it('reports document problems and storage failures', async () => {
    const { useFeedSync } = await loadFeedSync()
    syncFeed.mockResolvedValueOnce({ added: [], updated: [], problems: ['The briefing “X” could not be read: it was not found (404).'] })
    const { state, message, sync } = useFeedSync()
    await vi.waitFor(() => expect(state.value).toBe('done'))
    expect(message.value).toBe('The briefing “X” could not be read: it was not found (404).')
    syncFeed.mockRejectedValueOnce(new Error('Disk trouble'))
    await sync()
    expect(state.value).toBe('error')
    expect(message.value).toBe('New briefings could not be saved on this device: Disk trouble.')
  })

  it('does not start a second sync while one is running', async () => {
    let finish = () => {}
    syncFeed.mockImplementation(() => new Promise((resolve) => { finish = () => resolve({ added: [], updated: [], problems: [] }) }))
    const { useFeedSync } = await loadFeedSync()
    const { sync } = useFeedSync()
    const again = sync()
    await vi.waitFor(() => expect(syncFeed).toHaveBeenCalled())
    finish()
    await again
    expect(syncFeed).toHaveBeenCalledTimes(1)
  })
})
