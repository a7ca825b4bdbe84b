/**
 * Prints Selah's size and speed figures: what the first screen downloads, what the service worker
 * precaches, and how fast the parser is on normal and hostile input. It only prints; nothing fails.
 * Usage: npm run bench [-- --no-build]   (builds dist/ first unless --no-build)
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parseBriefing } from '../briefings/parse'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = `${root}dist/`
const sample = 'src/content/briefings/2025-09-05-ukraine-putin-rejects-peace-force.txt'
/** vue + pinia + vue-router + dexie + workbox-window, gzip, measured with vite 8 in an empty app: the floor any such app pays. */
const FRAMEWORK_KIB = 65.6

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length
const row = (label: string, value: string) => console.log(`  ${label.padEnd(48)} ${value.padStart(12)}`)

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

firstScreen()
precache()
parser()

/**
 * What a first visit downloads before the briefing list can draw: the page's entry (which draws a
 * kept screen when there is one), the app it imports at once (src/mount.ts) with every chunk that
 * imports statically, and the one stylesheet. Read from the build's manifest.
 */
function firstScreen() {
  const manifest = JSON.parse(readFileSync(`${dist}.vite/manifest.json`, 'utf8')) as Record<string, ManifestChunk>
  const files = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || files.has(chunk.file)) return
    files.add(chunk.file)
    for (const css of chunk.css ?? []) files.add(css)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  visit('index.html')
  visit('src/mount.ts')
  // The app's one stylesheet (vite.config.ts: cssCodeSplit false), linked from the page.
  visit('style.css')
  console.log('First screen (the entry and the app it starts, JS + CSS, gzip -9)')
  let total = 0
  for (const file of files) {
    const size = gzipped(readFileSync(`${dist}${file}`))
    total += size
    row(`/${file}`, kib(size))
  }
  row('total', kib(total))
  row(`beyond the ${FRAMEWORK_KIB} KiB framework baseline`, kib(total - FRAMEWORK_KIB * 1024))
}

/** One entry of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string
  imports?: string[]
  css?: string[]
}

function precache() {
  const sw = readFileSync(`${dist}sw.js`, 'utf8')
  const urls = [...sw.matchAll(/\burl["']?\s*:\s*"([^"]+)"/g)].map(match => match[1]!)
  let raw = 0
  let gzip = 0
  for (const url of urls) {
    const bytes = readFileSync(`${dist}${url}`)
    raw += statSync(`${dist}${url}`).size
    gzip += gzipped(bytes)
  }
  console.log(`\nPrecache (${urls.length} files in dist/sw.js)`)
  row('raw', kib(raw))
  row('gzip -9 (roughly what travels)', kib(gzip))
}

function parser() {
  const text = readFileSync(`${root}${sample}`, 'utf8')
  const fileName = sample.split('/').pop()!
  const lines = ['A Very Long Briefing', '']
  for (let i = 0; i < 50_000; i++) lines.push(`Article line ${i} about the situation on the ground.`)
  lines.push('Prayer Pointers')
  for (let i = 0; i < 50_000; i++) lines.push(`- Pray: for request number ${i}. “Blessed are the peacemakers.” Matthew 5:9`)

  console.log('\nParser (performance.now)')
  time('shared briefing x1000', 1000, () => parseBriefing(text, { fileName }))
  time('2 MB single line', 1, () => parseBriefing('x'.repeat(2 * 1024 * 1024)))
  time('100k lines (50k article, 50k pointers)', 1, () => parseBriefing(lines.join('\n')))
}

function time(label: string, runs: number, parse: () => unknown) {
  const started = performance.now()
  for (let i = 0; i < runs; i++) parse()
  const total = performance.now() - started
  row(label, runs > 1 ? `${total.toFixed(0)} ms (${(total / runs).toFixed(3)} ms each)` : `${total.toFixed(1)} ms`)
}
