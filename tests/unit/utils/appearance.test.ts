import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { APPEARANCE_KEY, applyAppearance, applySavedAppearance, readAppearance, saveAppearance } from '~/utils/appearance'

const html = document.documentElement

describe('appearance', () => {
  beforeEach(() => {
    localStorage.clear()
    html.removeAttribute('data-theme')
    html.removeAttribute('data-text-size')
  })
  afterEach(() => { vi.restoreAllMocks() })

  it('is the device\'s own until something is chosen', () => {
    expect(readAppearance()).toEqual({ theme: 'system', textSize: 'standard' })
    applySavedAppearance()
    expect(html.hasAttribute('data-theme')).toBe(false)
    expect(html.getAttribute('data-text-size')).toBe('standard')
  })

  it('keeps a choice as a tiny JSON and sets it on <html> at once and at the next start', () => {
    expect(saveAppearance({ theme: 'dark', textSize: 'larger' })).toBe(true)
    expect(JSON.parse(localStorage.getItem(APPEARANCE_KEY)!)).toEqual({ theme: 'dark', textSize: 'larger' })
    expect(html.getAttribute('data-theme')).toBe('dark')
    expect(html.getAttribute('data-text-size')).toBe('larger')

    html.removeAttribute('data-theme')
    html.removeAttribute('data-text-size')
    applySavedAppearance()
    expect(html.getAttribute('data-theme')).toBe('dark')
    expect(html.getAttribute('data-text-size')).toBe('larger')
  })

  it('drops data-theme when the device\'s theme is chosen again', () => {
    applyAppearance({ theme: 'light', textSize: 'large' })
    expect(html.getAttribute('data-theme')).toBe('light')
    applyAppearance({ theme: 'system', textSize: 'large' })
    expect(html.hasAttribute('data-theme')).toBe(false)
    expect(html.getAttribute('data-text-size')).toBe('large')
  })

  it('lets the browser\'s bar colour (meta theme-color) follow a chosen theme, and the device again after', () => {
    document.head.innerHTML = `
      <meta name="theme-color" content="#3b2f63" media="(prefers-color-scheme: light)">
      <meta name="theme-color" content="#1d1830" media="(prefers-color-scheme: dark)">`
    const media = () => [...document.querySelectorAll('meta[name="theme-color"]')].map(meta => meta.getAttribute('media'))
    applyAppearance({ theme: 'dark', textSize: 'standard' })
    expect(media()).toEqual(['not all', 'all'])
    applyAppearance({ theme: 'light', textSize: 'standard' })
    expect(media()).toEqual(['all', 'not all'])
    applyAppearance({ theme: 'system', textSize: 'standard' })
    expect(media()).toEqual(['(prefers-color-scheme: light)', '(prefers-color-scheme: dark)'])
    document.head.innerHTML = ''
  })

  it.each([
    ['damaged JSON', '{"theme": "dark"'],
    ['a value of another kind', '"dark"'],
    ['null', 'null'],
    ['unknown choices', '{"theme":"sepia","textSize":"huge"}'],
  ])('falls back to the device\'s theme and standard text on %s', (_, raw) => {
    localStorage.setItem(APPEARANCE_KEY, raw)
    expect(readAppearance()).toEqual({ theme: 'system', textSize: 'standard' })
  })

  it('keeps what is known of a half-known save', () => {
    localStorage.setItem(APPEARANCE_KEY, '{"theme":"light","textSize":"huge"}')
    expect(readAppearance()).toEqual({ theme: 'light', textSize: 'standard' })
  })

  it('starts as the device when storage refuses to be read', () => {
    localStorage.setItem(APPEARANCE_KEY, '{"theme":"dark","textSize":"larger"}')
    vi.spyOn(window, 'localStorage', 'get').mockImplementation(() => { throw new DOMException('denied', 'SecurityError') })
    expect(readAppearance()).toEqual({ theme: 'system', textSize: 'standard' })
    expect(() => applySavedAppearance()).not.toThrow()
    expect(html.hasAttribute('data-theme')).toBe(false)
  })

  it('still applies a choice for this page when storage refuses to keep it', () => {
    vi.spyOn(localStorage, 'setItem').mockImplementation(() => { throw new DOMException('full', 'QuotaExceededError') })
    expect(saveAppearance({ theme: 'dark', textSize: 'large' })).toBe(false)
    expect(html.getAttribute('data-theme')).toBe('dark')
    expect(html.getAttribute('data-text-size')).toBe('large')
  })
})
