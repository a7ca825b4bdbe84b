/**
 * Times Selah's backup at the size of a long-kept journal, in Chromium with the built app, through
 * Settings as a person does it: download a backup (plain and with a passphrase), and restore each
 * into a fresh profile. Prints seconds, file sizes and the page's peak JS heap; the last line is JSON.
 *
 * The journal is seeded by restoring a generated backup (format version 2) through the same screen,
 * so it goes through the app's own database layer (search words included).
 * Usage (hold the shared browser lock):
 *   flock /tmp/selah-browser.lock npx tsx src/cli/bench-backup.ts [--entries 100000] [--briefings 2000]
 *     [--prayed 50000] [--answers 5000] [--long] [--no-build] [--dist DIR]
 * --long writes entries of 20 to 40 sentences (about 300 MB of journal at 100,000 entries).
 */
import { spawn, spawnSync } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { mkdtemp, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createGzip } from 'node:zlib'
import { chromium, type BrowserContext, type Page } from 'playwright-core'

const root = fileURLToPath(new URL('../../', import.meta.url))
const args = process.argv.slice(2)
const flag = (name: string, fallback: number) => {
  const at = args.indexOf(`--${name}`)
  return at >= 0 ? Number(args[at + 1]) : fallback
}
const options = {
  entries: flag('entries', 100_000),
  briefings: flag('briefings', 2000),
  prayed: flag('prayed', 50_000),
  answers: flag('answers', 5000),
  long: args.includes('--long'),
  build: !args.includes('--no-build'),
  dist: args.includes('--dist') ? args[args.indexOf('--dist') + 1]! : '/tmp/selah-bench-backup-dist',
}
const LIMIT = 20 * 60_000
const WORDS = ('lord father thank you for peace hope healing family church village city border winter harvest water bread '
  + 'school children mother soldiers refugees neighbours doctors nurses leaders grief joy strength courage wisdom mercy grace '
  + 'faith shelter medicine food roads rain drought storm night morning journey prison court mayor council volunteers '
  + 'widows orphans students farmers prayed asked remembered carried waited listened rebuilt gave served comforted '
  + 'forgave welcomed restored quiet tired grateful anxious steady gentle faithful brave weary hopeful again still today '
  + 'tomorrow slowly together alone home letter message visit worship song psalm promise answer silence light darkness '
  + 'Kyïv Odesa Khartoum Juba Aleppo Gaza Kabul Lagos Bogotá São Anna Olena Ahmed Miriam Samuel Zoë José Amara').split(' ')

let state = 12345
const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!
const sentence = () => {
  const words = Array.from({ length: 8 + Math.floor(random() * 12) }, () => pick(WORDS))
  return `${words.join(' ').replace(/^./, c => c.toUpperCase())}.`
}
const text = (min: number, max: number) => Array.from({ length: min + Math.floor(random() * (max - min + 1)) }, sentence).join(' ')

/** A version 2 backup of a generated journal, spread over thirty years. */
async function writeSeed(path: string) {
  const gzip = createGzip()
  const done = new Promise<void>(resolve => gzip.pipe(createWriteStream(path)).on('finish', () => resolve()))
  const now = Date.now()
  const span = 30 * 365 * 86_400_000
  const time = (i: number, n: number) => new Date(now - span + Math.floor((i / n) * span)).toISOString()
  const counts = { briefings: options.briefings, entries: options.entries, answers: Math.min(options.answers, options.briefings * 3), prayed: options.prayed }
  const write = (line: object) => gzip.write(`${JSON.stringify(line)}\n`) || new Promise<void>(resolve => gzip.once('drain', () => resolve()))
  await write({ app: 'selah', kind: 'backup', formatVersion: 2, exportedAt: new Date(now).toISOString(), schemaVersion: 3, counts, settings: {} })
  const briefings = Array.from({ length: counts.briefings }, (_, i) => {
    const at = time(i, counts.briefings)
    const id = `${at.slice(0, 10)}-briefing-${i}`
    const pointers = Array.from({ length: 3 + (i % 6) }, (_, p) => ({ id: `${id}-p${p + 1}`, label: p % 2 ? 'Pray' : null, text: sentence(), scripture: p % 3 ? null : { quote: sentence(), reference: 'Psalm 46:1' } }))
    return { id, title: `Briefing ${i}: ${sentence()}`, date: at.slice(0, 10), paragraphs: [text(3, 6), text(3, 6)], pointers, prayer: null, source: 'feed', hash: `h${i}`, addedAt: at, updatedAt: at, openedAt: at, sortDate: at.slice(0, 10) }
  })
  for (const record of briefings) await write({ table: 'briefings', record })
  const snapshot = (i: number, pointer = 0) => {
    const b = briefings[i % briefings.length]!
    const p = b.pointers[pointer % b.pointers.length]!
    return { briefingId: b.id, pointerId: p.id, briefingTitle: b.title, pointerLabel: p.label, pointerText: p.text, scriptureReference: p.scripture?.reference ?? null }
  }
  for (let i = 0; i < counts.entries; i++) {
    const at = time(i, counts.entries)
    const words = options.long ? text(20, 40) : text(1, 8)
    await write({ table: 'entries', record: { ...snapshot(Math.floor((i / counts.entries) * counts.briefings), i), id: `entry-${i}`, text: words, createdAt: at, editedAt: at } })
  }
  for (let i = 0; i < counts.answers; i++) {
    const at = time(i, counts.answers)
    await write({ table: 'answers', record: { ...snapshot(Math.floor(i / 3), i % 3), note: text(1, 3), answeredAt: at, editedAt: at } })
  }
  for (let i = 0; i < counts.prayed; i++) {
    await write({ table: 'prayed', record: { ...snapshot(Math.floor((i / counts.prayed) * counts.briefings), i), id: `prayed-${i}`, prayedAt: time(i, counts.prayed) } })
  }
  gzip.end()
  await done
}

async function serve(dist: string) {
  const vite = `${root}node_modules/vite/bin/vite.js`
  if (options.build) spawnSync(process.execPath, [vite, 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit' })
  const port = 4180 + Math.floor(Math.random() * 100)
  const server = spawn(process.execPath, [vite, 'preview', '--outDir', dist, '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: root, detached: true, stdio: 'ignore' })
  const origin = `http://127.0.0.1:${port}`
  for (let tries = 0; tries < 100; tries++) {
    if (await fetch(origin).then(r => r.ok, () => false)) break
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  return { origin, stop: () => { try { process.kill(-server.pid!, 'SIGTERM') } catch { /* gone */ } } }
}

async function profile(origin: string): Promise<{ context: BrowserContext, page: Page, dir: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'selah-bench-backup-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, baseURL: origin, acceptDownloads: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  const page = context.pages()[0] ?? await context.newPage()
  if (process.env.DEBUG_BACKUP) page.on('console', message => console.log('  page:', message.text()))
  await page.goto('/settings')
  await page.getByRole('heading', { name: 'Restore from a backup' }).waitFor()
  return { context, page, dir }
}

/** Runs `action` while sampling the page's JS heap; returns seconds and the peak heap in MB. */
async function timed(page: Page, action: () => Promise<unknown>) {
  const cdp = await page.context().newCDPSession(page)
  let peak = 0
  let sampling = true
  const sampler = (async () => {
    while (sampling) {
      const { usedSize } = await cdp.send('Runtime.getHeapUsage').catch(() => ({ usedSize: 0 }))
      peak = Math.max(peak, usedSize)
      await new Promise(resolve => setTimeout(resolve, 250))
    }
  })()
  const started = performance.now()
  await action()
  const seconds = (performance.now() - started) / 1000
  sampling = false
  await sampler
  return { seconds: +seconds.toFixed(1), peakHeapMB: Math.round(peak / 1024 ** 2) }
}

/** Whether the app's search index is built, read from the settings row on a connection of its own. */
const INDEX_BUILT = `new Promise((resolve) => {
  const open = indexedDB.open('selah')
  open.onerror = () => resolve(false)
  open.onsuccess = () => {
    if (!open.result.objectStoreNames.contains('settings')) return resolve(true)
    const request = open.result.transaction('settings').objectStore('settings').get('searchIndex')
    request.onsuccess = () => {
      open.result.close()
      const value = request.result && request.result.value
      resolve(!value || value.built !== false)
    }
    request.onerror = () => resolve(false)
  }
})`

/**
 * The search index is rebuilt in the background after a large restore; waits for it, so it does
 * not share the export's time. Polled from here: waitForFunction took the promise the check
 * returns for a truthy answer without waiting for it, so the first export used to overlap the build.
 */
async function indexBuilt(page: Page): Promise<number> {
  const started = performance.now()
  while (!await page.evaluate(INDEX_BUILT)) {
    if (performance.now() - started > LIMIT) throw new Error('The search index was not built in time.')
    await new Promise(resolve => setTimeout(resolve, 1000))
  }
  return +((performance.now() - started) / 1000).toFixed(1)
}

async function download(page: Page, dir: string, passphrase = '') {
  await page.getByLabel('Passphrase (optional)').fill(passphrase)
  await page.getByLabel('Confirm passphrase').fill(passphrase)
  let path = ''
  const time = await timed(page, async () => {
    const [file] = await Promise.all([page.waitForEvent('download', { timeout: LIMIT }), page.getByRole('button', { name: 'Download backup' }).click()])
    path = join(dir, file.suggestedFilename())
    await file.saveAs(path)
  })
  return { ...time, path, fileMB: +((await stat(path)).size / 1024 ** 2).toFixed(1) }
}

async function restore(page: Page, path: string, { passphrase = '', replace = true } = {}) {
  const region = page.getByRole('region', { name: 'Restore from a backup' })
  return timed(page, async () => {
    await region.getByLabel('Choose a backup file').setInputFiles(path)
    await region.getByRole('button', { name: 'Restore backup' }).waitFor({ timeout: LIMIT })
    if (passphrase) await region.getByLabel('Backup passphrase').fill(passphrase)
    if (replace) await region.getByRole('radio', { name: /Replace everything/ }).check()
    await region.getByRole('button', { name: 'Restore backup' }).click()
    if (replace) await region.getByRole('button', { name: 'Replace everything' }).click()
    const outcome = region.getByRole('status').filter({ hasText: /\S/ }).or(region.getByRole('alert'))
    await outcome.first().waitFor({ timeout: LIMIT })
    const said = await outcome.first().innerText()
    if (!said.startsWith('Restored')) throw new Error(`The restore failed: ${said}`)
  })
}

async function main() {
  const work = await mkdtemp(join(tmpdir(), 'selah-bench-backup-files-'))
  const seed = join(work, 'seed.selah')
  await writeSeed(seed)
  const server = await serve(options.dist)
  const contexts: { context: BrowserContext, dir: string }[] = []
  const open = async () => {
    const opened = await profile(server.origin)
    contexts.push(opened)
    return opened.page
  }
  try {
    const results: Record<string, unknown> = { options: { ...options, seedMB: +((await stat(seed)).size / 1024 ** 2).toFixed(1) } }
    const page = await open()
    results.seedRestore = await restore(page, seed, { replace: false })
    console.log('seeded (restore into an empty journal, merge):', results.seedRestore)
    results.searchIndexAfterSeed = { seconds: await indexBuilt(page) }
    console.log('then the search index was rebuilt in the background in', results.searchIndexAfterSeed)
    const plain = await download(page, work)
    console.log('export, plain:', plain)
    const sealed = await download(page, work, 'correct horse battery staple')
    console.log('export, with a passphrase:', sealed)
    results.exportPlain = { seconds: plain.seconds, fileMB: plain.fileMB, peakHeapMB: plain.peakHeapMB }
    results.exportEncrypted = { seconds: sealed.seconds, fileMB: sealed.fileMB, peakHeapMB: sealed.peakHeapMB }
    results.restorePlain = await restore(await open(), plain.path)
    console.log('restore into a fresh profile, plain (replace):', results.restorePlain)
    results.restoreEncrypted = await restore(await open(), sealed.path, { passphrase: 'correct horse battery staple' })
    console.log('restore into a fresh profile, with a passphrase (replace):', results.restoreEncrypted)
    console.log(JSON.stringify(results))
  }
  finally {
    for (const { context, dir } of contexts) {
      await context.close().catch(() => {})
      await rm(dir, { recursive: true, force: true })
    }
    server.stop()
    await rm(work, { recursive: true, force: true })
  }
}

await main()
