import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * What a start at `/` downloads before Today can draw, and what it may weigh (issue 11): the page's
 * entry (which draws the kept first screen), the app it then imports (src/mount.ts, with Vue, Dexie
 * and Today: vite.config.ts puts them in one chunk), every chunk those import statically, and the
 * one stylesheet. Read from a production build's manifest; `npm run bench` prints it and
 * tests/e2e/budgets.test.ts fails when it is over.
 */
export const FIRST_SCREEN_BUDGET = { js: 80 * 1024, css: 10 * 1024 }

export interface FirstScreenFile {
  /** As the build names it, e.g. assets/app-1a2b3c.js */
  file: string
  kind: 'js' | 'css'
  /** gzip -9 bytes: about what travels. */
  gzip: number
}

export interface FirstScreenSize {
  files: FirstScreenFile[]
  js: number
  css: number
}

/** One entry of Vite's build manifest (dist/.vite/manifest.json). */
interface ManifestChunk {
  file: string
  imports?: string[]
  dynamicImports?: string[]
  css?: string[]
}

export function firstScreenSize(dist: string): FirstScreenSize {
  const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>
  const names = new Set<string>()
  const visit = (key: string) => {
    const chunk = manifest[key]
    if (!chunk || names.has(chunk.file)) return
    names.add(chunk.file)
    for (const css of chunk.css ?? []) names.add(css)
    for (const imported of chunk.imports ?? []) visit(imported)
  }
  const entry = manifest['index.html']
  if (!entry) throw new Error(`${dist} has no index.html in its build manifest`)
  visit('index.html')
  // The entry's only dynamic import is the app (main.ts imports src/mount.ts once the kept screen is painted).
  for (const app of entry.dynamicImports ?? []) visit(app)
  // The app's one stylesheet (vite.config.ts: cssCodeSplit false), linked from the page.
  visit('style.css')

  const files = [...names].map((file): FirstScreenFile => ({
    file,
    kind: file.endsWith('.css') ? 'css' : 'js',
    gzip: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  }))
  const total = (kind: FirstScreenFile['kind']) => files.filter(f => f.kind === kind).reduce((sum, f) => sum + f.gzip, 0)
  return { files, js: total('js'), css: total('css') }
}

export const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`
