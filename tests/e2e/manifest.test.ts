import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, inject } from 'vitest'
import { decodePng } from './png'

// Lives with the browser tests because their global setup has just made a production build.
const dist = inject('dist')
const read = (file: string) => readFileSync(join(dist, file))

/** Width, height and colour type from a PNG's IHDR chunk (type 2 = RGB: no alpha, fully opaque). */
function png(file: string) {
  const bytes = read(file)
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG')
  expect(bytes.subarray(12, 16).toString('latin1'), file).toBe('IHDR')
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes.readUInt8(25) }
}

describe('the built web app manifest and service worker', () => {
  const manifest = JSON.parse(read('manifest.webmanifest').toString('utf8'))

  it('describes an installable standalone app', () => {
    expect(manifest).toMatchObject({
      id: '/',
      name: 'Selah: prayer journal',
      short_name: 'Selah',
      start_url: '/',
      scope: '/',
      display: 'standalone',
      theme_color: '#3b2f63',
      background_color: '#faf8f3',
    })
    expect(manifest.description.length).toBeGreaterThan(20)
  })

  it('has 192 and 512 px icons and a maskable one, each a PNG of the size it claims', () => {
    const icons: { src: string, sizes: string, purpose?: string }[] = manifest.icons
    const sizes = (purpose: string) => icons.filter(icon => (icon.purpose ?? 'any').split(' ').includes(purpose)).map(icon => icon.sizes)
    expect(sizes('any')).toEqual(expect.arrayContaining(['192x192', '512x512']))
    expect(sizes('maskable')).toContain('512x512')
    for (const icon of icons) {
      const { width, height } = png(icon.src)
      expect(`${width}x${height}`, icon.src).toBe(icon.sizes)
    }
    // Maskable icons are cropped to any shape: the background must reach every corner.
    expect(png(icons.find(icon => icon.purpose === 'maskable')!.src).colourType).toBe(2)
  })

  it('keeps the maskable icon\'s mark inside the safe circle, on the theme colour to every edge', () => {
    const icon = decodePng(read('maskable-icon-512x512.png'))
    const theme = [0x3b, 0x2f, 0x63]
    const centre = icon.width / 2
    let outside = 0
    let markInside = 0
    for (let y = 0; y < icon.height; y++) {
      for (let x = 0; x < icon.width; x++) {
        const at = (y * icon.width + x) * icon.channels
        const onTheme = theme.every((value, channel) => Math.abs(icon.data[at + channel]! - value) <= 2)
        // A launcher may crop to a circle of 40 % of the size around the centre (the safe zone).
        if (Math.hypot(x + 0.5 - centre, y + 0.5 - centre) > icon.width * 0.4) outside += onTheme ? 0 : 1
        else markInside += onTheme ? 0 : 1
      }
    }
    expect(outside, 'pixels of the mark outside the safe circle').toBe(0)
    expect(markInside, 'pixels of the mark inside it').toBeGreaterThan(icon.width * icon.height * 0.1)
  })

  it('offers "Today" and "Write in the journal" as home-screen shortcuts, each with a 96 px icon, inside the app', () => {
    const shortcuts: { name: string, url: string, icons: { src: string, sizes: string }[] }[] = manifest.shortcuts
    expect(shortcuts.map(shortcut => [shortcut.name, shortcut.url])).toEqual([['Today', '/'], ['Write in the journal', '/pray/today?write']])
    for (const shortcut of shortcuts) {
      const { width, height } = png(shortcut.icons[0]!.src)
      expect(`${width}x${height}`).toBe(shortcut.icons[0]!.sizes)
      expect(shortcut.icons[0]!.sizes).toBe('96x96')
    }
  })

  it('links an opaque 180 px apple-touch icon and the manifest from index.html', () => {
    const html = read('index.html').toString('utf8')
    expect(html).toMatch(/<link rel="apple-touch-icon" href="\/apple-touch-icon.png"/)
    expect(html).toMatch(/<link rel="manifest" href="\/manifest.webmanifest"/)
    expect(png('apple-touch-icon.png')).toEqual({ width: 180, height: 180, colourType: 2 })
  })

  it('shows the install dialog a narrow and a wide screenshot, each a PNG of the size it claims, not precached', () => {
    const shots: { src: string, sizes: string, form_factor: string, label: string }[] = manifest.screenshots
    expect(shots.map(shot => shot.form_factor)).toEqual(['narrow', 'wide'])
    for (const shot of shots) {
      const { width, height } = png(shot.src)
      expect(`${width}x${height}`, shot.src).toBe(shot.sizes)
      expect(shot.label.length).toBeGreaterThan(10)
    }
    expect(read('sw.js').toString('utf8')).not.toContain('screenshots/')
  })

  it('precaches the app shell but not the feed, which changes without an app update', () => {
    const sw = read('sw.js').toString('utf8')
    const precached = [...sw.matchAll(/\burl["']?\s*:\s*"([^"]+)"/g)].map(match => match[1])
    expect(precached).toContain('index.html')
    expect(precached).toContain('manifest.webmanifest')
    expect(existsSync(join(dist, 'feed/feed.json'))).toBe(true)
    expect(precached.filter(url => url?.startsWith('feed/'))).toEqual([])
    // The reminder's tap handler is loaded into the worker, and kept for offline starts.
    expect(sw).toMatch(/importScripts\("sw-notification\.js"\)/)
    expect(precached).toContain('sw-notification.js')
  })
})
