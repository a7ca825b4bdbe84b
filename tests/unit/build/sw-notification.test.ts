import { readFileSync } from 'node:fs'
import { describe, expect, it, vi } from 'vitest'

type Handler = (event: { notification: { close: () => void }, waitUntil: (work: Promise<unknown>) => void }) => void

/** Runs the worker script against a stand-in `self` holding `windows`, and taps the notification. */
async function tap(windows: { url: string, focus: () => Promise<unknown> }[]) {
  let handler: Handler | undefined
  const self = {
    location: new URL('http://127.0.0.1:4173/sw.js'),
    registration: { scope: 'http://127.0.0.1:4173/' },
    addEventListener: (type: string, listener: Handler) => { if (type === 'notificationclick') handler = listener },
    clients: { matchAll: vi.fn(async () => windows), openWindow: vi.fn(async () => null) },
  }
  new Function('self', readFileSync('public/sw-notification.js', 'utf8'))(self)
  const close = vi.fn()
  let work: Promise<unknown> | undefined
  handler!({ notification: { close }, waitUntil: (promise) => { work = promise } })
  await work
  return { self, close }
}

describe('tapping the daily reminder', () => {
  it('brings an open Selah window forward', async () => {
    const focus = vi.fn(async () => null)
    const { self, close } = await tap([{ url: 'https://elsewhere.example/', focus: vi.fn() }, { url: 'http://127.0.0.1:4173/journal', focus }])
    expect(close).toHaveBeenCalled()
    expect(focus).toHaveBeenCalled()
    expect(self.clients.openWindow).not.toHaveBeenCalled()
  })

  it('opens Selah on Today when no window is open', async () => {
    const { self } = await tap([])
    expect(self.clients.openWindow).toHaveBeenCalledWith('http://127.0.0.1:4173/')
  })
})
