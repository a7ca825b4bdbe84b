import Dexie from 'dexie'
import { IDBFactory } from 'fake-indexeddb'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { nextPrayerTime, usePrayerReminder } from '~/composables/usePrayerReminder'
import { db } from '~/db'
import { setSetting } from '~/db/settings'

const savedZone = process.env.TZ
beforeAll(() => { process.env.TZ = 'America/New_York' })
afterAll(() => {
  if (savedZone === undefined) delete process.env.TZ
  else process.env.TZ = savedZone
})

describe('nextPrayerTime, on this device’s clock (New York)', () => {
  it('is today while the time is ahead, else tomorrow', () => {
    const now = new Date(2026, 11, 3, 7, 0)
    expect(nextPrayerTime('07:15', now)).toEqual(new Date(2026, 11, 3, 7, 15))
    expect(nextPrayerTime('07:00', now)).toEqual(new Date(2026, 11, 4, 7, 0))
    expect(nextPrayerTime('06:59', now)).toEqual(new Date(2026, 11, 4, 6, 59))
    expect(nextPrayerTime('00:00', new Date(2026, 11, 31, 23, 59))).toEqual(new Date(2027, 0, 1, 0, 0))
  })

  it('lands after the gap on the day the clocks skip the time, as the calendar does', () => {
    expect(nextPrayerTime('02:30', new Date(2027, 2, 13, 12, 0)).toISOString()).toBe('2027-03-14T07:30:00.000Z')
    // The day after, 02:30 is there again, now in summer time.
    expect(nextPrayerTime('02:30', new Date(2027, 2, 14, 12, 0)).toISOString()).toBe('2027-03-15T06:30:00.000Z')
  })
})

/**
 * Lets fake-indexeddb (setImmediate) and Dexie's liveQuery (a zero-delay setTimeout) answer while
 * the timers are fake, without moving the fake clock.
 */
async function settle() {
  for (let i = 0; i < 30; i++) {
    await new Promise(resolve => setImmediate(resolve))
    vi.advanceTimersByTime(0)
  }
}

describe('usePrayerReminder', () => {
  const shown: { title: string, options: NotificationOptions }[] = []
  let scope: ReturnType<typeof effectScope>

  beforeEach(async () => {
    Dexie.dependencies.indexedDB = new IDBFactory()
    await db.delete()
    await db.open()
    shown.length = 0
    vi.stubGlobal('Notification', Object.assign(function Notification(title: string, options: NotificationOptions) {
      shown.push({ title, options })
    }, { permission: 'granted' }))
    vi.useFakeTimers({ now: new Date(2026, 11, 3, 7, 0), toFake: ['setTimeout', 'clearTimeout', 'Date'] })
  })
  afterEach(() => {
    scope?.stop()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  async function start() {
    scope = effectScope()
    scope.run(() => usePrayerReminder())
    await settle()
  }

  it('shows one notification at the time, with the day’s tag, and again the next day', async () => {
    await setSetting('prayerTime', { time: '07:15', notify: true })
    await start()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(15 * 60_000 - 1)
    await settle()
    expect(shown).toHaveLength(0)
    vi.advanceTimersByTime(1)
    await settle()
    expect(shown).toEqual([{ title: 'Pray with Selah', options: expect.objectContaining({ tag: 'selah-prayer-2026-12-03' }) }])
    expect(vi.getTimerCount()).toBe(1)

    vi.advanceTimersByTime(24 * 60 * 60_000)
    await settle()
    expect(shown.map(one => one.options.tag)).toEqual(['selah-prayer-2026-12-03', 'selah-prayer-2026-12-04'])
    expect(vi.getTimerCount()).toBe(1)
  })

  it('sets nothing when no time is chosen, notifications are off or not allowed', async () => {
    await start()
    expect(vi.getTimerCount()).toBe(0)
    await setSetting('prayerTime', { time: '07:15', notify: false })
    await settle()
    expect(vi.getTimerCount()).toBe(0)
    await setSetting('prayerTime', { time: '', notify: true })
    await settle()
    expect(vi.getTimerCount()).toBe(0)

    vi.stubGlobal('Notification', { permission: 'denied' })
    await setSetting('prayerTime', { time: '07:15', notify: true })
    await settle()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('moves the timer when the time changes, and stops with its scope', async () => {
    await setSetting('prayerTime', { time: '07:15', notify: true })
    await start()
    await setSetting('prayerTime', { time: '07:30', notify: true })
    await settle()
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(20 * 60_000)
    await settle()
    expect(shown).toHaveLength(0)
    vi.advanceTimersByTime(10 * 60_000)
    await settle()
    expect(shown).toHaveLength(1)

    scope.stop()
    expect(vi.getTimerCount()).toBe(0)
  })

  it('shows it through the service worker when one is registered', async () => {
    const showNotification = vi.fn(async () => {})
    vi.stubGlobal('navigator', { ...navigator, serviceWorker: { getRegistration: async () => ({ showNotification }) } })
    await setSetting('prayerTime', { time: '07:15', notify: true })
    await start()
    vi.advanceTimersByTime(15 * 60_000)
    await settle()
    expect(showNotification).toHaveBeenCalledWith('Pray with Selah', expect.objectContaining({ tag: 'selah-prayer-2026-12-03' }))
    expect(shown).toHaveLength(0)
  })

  it('says nothing hours late after the device slept, and waits for the next day', async () => {
    await setSetting('prayerTime', { time: '07:15', notify: true })
    await start()
    // The clock moves on three hours while the timer stays behind, as in sleep.
    vi.setSystemTime(new Date(2026, 11, 3, 10, 15))
    vi.advanceTimersToNextTimer()
    await settle()
    expect(shown).toHaveLength(0)
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(21 * 60 * 60_000)
    await settle()
    expect(shown.map(one => one.options.tag)).toEqual(['selah-prayer-2026-12-04'])
  })
})
