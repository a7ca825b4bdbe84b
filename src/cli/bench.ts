/**
 * Prints Selah's size and speed figures: what the first screen downloads against its budgets, what
 * the service worker precaches, and how fast the parser is on normal and hostile input. It only
 * prints; tests/e2e/budgets.test.ts is what fails when a budget is exceeded.
 * Usage: npm run bench [-- --no-build]   (builds dist/ first unless --no-build)
 */
import { spawnSync } from 'node:child_process'
import { readFileSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { parseBriefing } from '../briefings/parse'
import { firstScreenSize, FIRST_SCREEN_BUDGET, kib } from '../build/first-screen-size'

const root = fileURLToPath(new URL('../../', import.meta.url))
const dist = `${root}dist/`
const sample = 'src/content/briefings/2025-09-05-ukraine-putin-rejects-peace-force.txt'
/** vue + pinia + vue-router + dexie, gzip, in an empty vite 8 app: the floor any such app pays (65.6 KiB with workbox-window's 2.3, which Selah loads later). */
const FRAMEWORK_KIB = 63.3

const gzipped = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length
const row = (label: string, value: string) => console.log(`  ${label.padEnd(48)} ${value.padStart(12)}`)

if (!process.argv.includes('--no-build')) {
  const build = spawnSync(process.execPath, [`${root}node_modules/vite/bin/vite.js`, 'build', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' })
  if (build.status !== 0) process.exit(build.status ?? 1)
}

firstScreen()
precache()
parser()

/** The first screen's JavaScript and CSS, each against its budget (src/build/first-screen-size.ts). */
function firstScreen() {
  const { files, js, css } = firstScreenSize(dist)
  console.log('First screen (the entry, the app it starts and the stylesheet, gzip -9)')
  for (const file of [...files].sort((a, b) => a.kind.localeCompare(b.kind) || b.gzip - a.gzip)) row(`/${file.file}`, kib(file.gzip))
  const verdict = (size: number, budget: number) => `${kib(size)} of ${kib(budget)}${size > budget ? ' OVER' : ''}`
  row('JavaScript (budget)', verdict(js, FIRST_SCREEN_BUDGET.js))
  row('CSS (budget)', verdict(css, FIRST_SCREEN_BUDGET.css))
  row(`JavaScript beyond the ${FRAMEWORK_KIB} KiB framework baseline`, kib(js - FRAMEWORK_KIB * 1024))
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
