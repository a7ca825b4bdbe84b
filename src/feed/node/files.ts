import { readdir, readFile, stat } from 'node:fs/promises'
import path from 'node:path'
import { decodeBriefingBytes } from '../../briefings/decode.ts'
import { buildFeed, type BuiltFeed, type FeedSource } from '../build.ts'
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

/** Parses every briefing of a folder into the feed; the first bad file throws `file:line: message`. */
export async function loadFeed(dir: string, root: string, generatedAt?: string): Promise<BuiltFeed> {
  const sources: FeedSource[] = []
  for (const file of await briefingFiles(dir, root)) {
    const result = await readBriefingFile(path.resolve(root, file)).catch((error: Error) => {
      throw new Error(error.message.replace(path.resolve(root, file), file))
    })
    if (!result.ok) throw new Error(describeProblem(file, result.problem))
    sources.push({ fileName: file, briefing: result.briefing })
  }
  return buildFeed(sources, { generatedAt })
}
