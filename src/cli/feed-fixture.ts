/**
 * Writes realistic daily briefing files, in the editors' text format, for tests and benchmarks of
 * the feed at the size a ministry reaches after years of daily publishing:
 *   npm run feed:fixture -- <dir> [--count 3000] [--end YYYY-MM-DD]
 * A day's text depends only on its date, so two fixtures that share a day share its file: a
 * fixture one day longer is yesterday's plus one new briefing (what a real archive does).
 */
import { mkdir, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { slugify } from '../briefings/ids.ts'
import { createCorpus, type CorpusPointer } from './bench-scale/text.ts'

const DAY_MS = 86_400_000
const corpus = createCorpus(20_250_905)

export interface DailyBriefingOptions {
  /** The newest briefing's date, YYYY-MM-DD; today (UTC) when omitted. */
  endDate?: string
}

function dayNumber(date: string): number {
  const time = Date.parse(`${date}T00:00:00Z`)
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(time)) throw new Error(`"${date}" is not a date: write it as YYYY-MM-DD.`)
  return Math.round(time / DAY_MS)
}

const dateOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

function pointerLine({ label, text, scripture }: CorpusPointer): string {
  const quoted = scripture ? ` “${scripture.quote}” ${scripture.reference}` : ''
  return `- ${label ? `${label}: ` : ''}${text}${quoted}`
}

/** Hard-wraps a paragraph at spaces, as an email client does; the parser joins the lines again. */
function wrap(paragraph: string, width = 72): string[] {
  const lines: string[] = []
  let line = ''
  for (const word of paragraph.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line)
      line = word
    } else line = line ? `${line} ${word}` : word
  }
  return line ? [...lines, line] : lines
}

/**
 * The briefing of one day: a title, four to nine paragraphs, three to eight pointers (most with
 * scripture), and a closing prayer every other day. About 2-4 KB, like the shipped briefing. The
 * layout varies as editors' files do: one paragraph per line (the shared briefings), or blank
 * lines between hard-wrapped paragraphs; sometimes a `Date:` line or a "Prayer Points:" heading.
 */
export function dailyBriefing(date: string): { fileName: string, text: string } {
  const day = dayNumber(date)
  const rand = corpus.random(9, day)
  const title = corpus.briefingTitle(day)
  const place = title.split(':')[0] ?? title
  const paragraphs = [...corpus.briefingParagraphs(day), ...corpus.briefingParagraphs(day + 1_000_000)].slice(0, 4 + Math.floor(rand() * 6))
  const pointers = Array.from({ length: corpus.pointerCount(day) }, (_, n) => pointerLine(corpus.pointer(day, n + 1)))
  const prayer = corpus.prayer(day)
  const wrapped = rand() < 0.3
  const lines = [
    ...(rand() < 0.2 ? [`Date: ${date}`] : []),
    title,
    ...(wrapped ? paragraphs.flatMap((paragraph) => ['', ...wrap(paragraph)]) : paragraphs),
    ...(wrapped ? [''] : []),
    rand() < 0.15 ? 'Prayer Points:' : 'Prayer Pointers',
    ...pointers,
    ...(prayer ? [`Prayer for ${place}`, prayer.text] : []),
  ]
  return { fileName: `${date}-${slugify(title)}.txt`, text: `${lines.join('\n')}\n` }
}

/** Writes `count` daily briefings, one per day ending at `endDate`, into `dir`. Returns their file names, oldest first. */
export async function writeDailyBriefings(dir: string, count: number, options: DailyBriefingOptions = {}): Promise<string[]> {
  const end = dayNumber(options.endDate ?? new Date().toISOString().slice(0, 10))
  await mkdir(dir, { recursive: true })
  const files = Array.from({ length: count }, (_, i) => dailyBriefing(dateOf(end - count + 1 + i)))
  for (let i = 0; i < files.length; i += 64) {
    await Promise.all(files.slice(i, i + 64).map(({ fileName, text }) => writeFile(path.join(dir, fileName), text)))
  }
  return files.map(({ fileName }) => fileName)
}

async function main(argv: string[]): Promise<number> {
  const usage = 'Usage: npm run feed:fixture -- <dir> [--count 3000] [--end YYYY-MM-DD]'
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { count: { type: 'string', default: '3000' }, end: { type: 'string' } },
    })
    const count = Number(values.count)
    if (positionals.length !== 1 || !Number.isInteger(count) || count < 1) throw new Error(usage)
    const dir = path.resolve(positionals[0] ?? '')
    const names = await writeDailyBriefings(dir, count, values.end ? { endDate: values.end } : {})
    process.stdout.write(`Wrote ${names.length} briefings to ${dir} (${names[0]} … ${names[names.length - 1]}).\n`)
    return 0
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`)
    return 2
  }
}

// A module for tests and benchmarks, and a command when run directly.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2))
}
