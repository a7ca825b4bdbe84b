/**
 * Renders Selah's icons from one SVG mark with headless Chromium, so every size stays in step.
 * Run with `npx tsx src/cli/make-icons.ts`; the outputs in public/ are committed.
 */
import { writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const THEME = '#3b2f63'
const PAGE = '#faf8f3'
const FLAME = '#f2b84b'

/** An open book with a small flame above its spine, drawn on a 64-unit grid. */
const MARK = `
  <path d="M32 48 C26 44 18 42.5 10 43.5 V22 C18 21 26 22.5 32 27 Z" fill="${PAGE}"/>
  <path d="M32 48 C38 44 46 42.5 54 43.5 V22 C46 21 38 22.5 32 27 Z" fill="${PAGE}"/>
  <path d="M32 27 V48" stroke="${THEME}" stroke-width="2.5"/>
  <path d="M32 8 C36 12.5 37.5 15.5 37.5 18.5 A5.5 5.5 0 0 1 26.5 18.5 C26.5 15.5 28 12.5 32 8 Z" fill="${FLAME}"/>`

/** `scale` shrinks the mark around the centre: maskable icons keep it inside the 80 % safe zone. */
function svg(options: { rounded: boolean, scale: number }): string {
  const radius = options.rounded ? 14 : 0
  const offset = 32 * (1 - options.scale)
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">
  <rect width="64" height="64" rx="${radius}" fill="${THEME}"/>
  <g transform="translate(${offset} ${offset}) scale(${options.scale})">${MARK}
  </g>
</svg>
`
}

/** A home-screen shortcut's glyph (the navigation's 24-unit grid), in the page colour on the theme. */
function shortcut(glyph: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">
  <rect width="24" height="24" rx="5" fill="${THEME}"/>
  <g transform="translate(5 5) scale(0.5833)" fill="none" stroke="${PAGE}" stroke-width="2.25" stroke-linecap="round" stroke-linejoin="round">${glyph}</g>
</svg>
`
}
const SUN = '<circle cx="12" cy="12" r="4"/><path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4"/>'
const PEN = '<path d="M4 20h4L19 9l-4-4L4 16z"/><path d="M13 7l4 4"/>'

const icons: { file: string, size: number, body: string }[] = [
  { file: 'pwa-192x192.png', size: 192, body: svg({ rounded: true, scale: 1 }) },
  { file: 'pwa-512x512.png', size: 512, body: svg({ rounded: true, scale: 1 }) },
  // Full-bleed background; the mark spans 44 of 64 units at most, well inside the 80 % circle.
  { file: 'maskable-icon-512x512.png', size: 512, body: svg({ rounded: false, scale: 0.72 }) },
  // iOS rounds the corners itself and shows transparency as black: opaque and square.
  { file: 'apple-touch-icon.png', size: 180, body: svg({ rounded: false, scale: 0.86 }) },
  // The manifest's shortcuts (src/build/pwa-options.ts), shown on a long press of the home-screen icon.
  { file: 'shortcut-today-96x96.png', size: 96, body: shortcut(SUN) },
  { file: 'shortcut-write-96x96.png', size: 96, body: shortcut(PEN) },
]

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  console.error('Chromium is needed to render the icons. Install it with: sudo apt-get install -y chromium, or set CHROMIUM_PATH.')
  process.exit(1)
}

const publicDir = fileURLToPath(new URL('../../public/', import.meta.url))
await writeFile(`${publicDir}favicon.svg`, svg({ rounded: true, scale: 1 }))

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  const page = await browser.newPage()
  for (const icon of icons) {
    await page.setViewportSize({ width: icon.size, height: icon.size })
    const body = icon.body.replace('<svg ', `<svg width="${icon.size}" height="${icon.size}" `)
    await page.setContent(`<!doctype html><style>html,body{margin:0;background:transparent}svg{display:block}</style>${body}`)
    await page.screenshot({ path: `${publicDir}${icon.file}`, omitBackground: true, clip: { x: 0, y: 0, width: icon.size, height: icon.size } })
    console.log(`public/${icon.file} ${icon.size}x${icon.size}`)
  }
}
finally {
  await browser.close()
}
