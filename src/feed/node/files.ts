import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { decodeBriefingBytes } from '../../briefings/decode.ts'
import { buildFeed, DEFAULT_SITE_URL, isSiteUrl, type FeedFiles, type FeedOptions, type FeedSource } from '../build.ts'
import { parseBriefing } from '../../briefings/parse.ts'
import type { ParseResult } from '../../briefings/types.ts'

/** Larger than any real briefing by far; refusing early keeps a stray huge file from eating memory. */
const MAX_BYTES = 10 * 1024 * 1024

/** `file:line: message`, or `file: message` when no line helps. */
export function describeProblem(file: string, problem: { message: string, line: number | null }): string {
  return problem.line === null ? `${file}: ${problem.message}` : `${file}:${problem.line}: ${problem.message}`
}

/** Reads and parses one briefing file. Throws an Error with a plain one-line message when it cannot be read. */
export async function readBriefingFile(file: string): Promise<ParseResult> {
  let bytes: Uint8Array
  try {
    const info = await stat(file)
    if (info.isDirectory()) throw new Error('is a folder, not a text file')
    if (info.size > MAX_BYTES) throw new Error(`is too large to be a briefing (${Math.round(info.size / 1048576)} MB)`)
    bytes = await readFile(file)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const reason = code === 'ENOENT' ? 'no such file'
      : code === 'EACCES' || code === 'EPERM' ? 'permission denied'
        : error instanceof Error ? error.message : String(error)
    throw new Error(`${file}: ${reason}.`, { cause: error })
  }
  return parseBriefing(decodeBriefingBytes(bytes), { fileName: path.basename(file) })
}

/** The *.txt files of a folder, sorted by name, as paths relative to `root`. */
export async function briefingFiles(dir: string, root: string): Promise<string[]> {
  const names = (await readdir(dir)).filter((name) => name.toLowerCase().endsWith('.txt')).sort()
  return names.map((name) => path.relative(root, path.join(dir, name)) || name)
}

/** Files read and parsed at once: enough to overlap disk and parsing, few enough to keep memory flat. */
const BATCH = 32

/** The site address for links in the feeds: SELAH_SITE_URL when set, else the local preview server. */
export function siteUrlFromEnv(env: Record<string, string | undefined> = process.env): string {
  const value = env.SELAH_SITE_URL?.trim()
  if (!value) return DEFAULT_SITE_URL
  if (!isSiteUrl(value)) {
    throw new Error(`SELAH_SITE_URL is "${value}": set it to the full address the app is published at, ending with '/', for example https://example.org/ or https://example.org/selah/.`)
  }
  return value
}

/**
 * Parses every briefing of a folder and builds the feed's files (path -> text). The first bad
 * file, in name order, throws `file:line: message`. The site address defaults to siteUrlFromEnv().
 */
export async function loadFeed(dir: string, root: string, options: FeedOptions = {}): Promise<FeedFiles> {
  const files = await briefingFiles(dir, root)
  const sources: FeedSource[] = []
  for (let start = 0; start < files.length; start += BATCH) {
    const batch = files.slice(start, start + BATCH)
    const results = await Promise.allSettled(batch.map((file) => readBriefingFile(path.resolve(root, file))))
    results.forEach((settled, i) => {
      const file = batch[i] ?? ''
      if (settled.status === 'rejected') throw new Error((settled.reason as Error).message.replace(path.resolve(root, file), file))
      const result = settled.value
      if (!result.ok) throw new Error(describeProblem(file, result.problem))
      sources.push({ fileName: file, briefing: result.briefing })
    })
  }
  return buildFeed(sources, { ...options, siteUrl: options.siteUrl ?? siteUrlFromEnv() })
}

/** Writes the feed's files below `outDir` (a built app's folder, usually), for scripts and tests that build a feed outside Vite. */
export async function writeFeedFiles(files: FeedFiles, outDir: string): Promise<void> {
  const folders = new Set([...files.keys()].map((name) => path.dirname(path.join(outDir, name))))
  for (const folder of folders) await mkdir(folder, { recursive: true })
  const entries = [...files]
  for (let start = 0; start < entries.length; start += BATCH) {
    await Promise.all(entries.slice(start, start + BATCH).map(([name, text]) => writeFile(path.join(outDir, name), text)))
  }
}
