import { forwardedEmail, mailDate } from './forwarded.ts'
import { isPointersHeading, prayerHeading } from './headings.ts'
import { briefingId, pointerId } from './ids.ts'
import { toParagraphs } from './paragraphs.ts'
import { bulletText, isSeparator, parsePointer } from './pointer.ts'
import { cleanLine, dateInFileName, isCalendarDate, looksBinary, splitLines } from './text.ts'
import type { Briefing, BriefingProblem, ClosingPrayer, ParseResult } from './types.ts'

/**
 * Turns the text of a briefing into a typed Briefing, or explains in plain words why it is not one.
 * Pure and linear in the size of the input, so it answers quickly on any text. The format:
 *
 *   [forwarded email header]       optional, skipped: see forwarded.ts
 *   [Date: YYYY-MM-DD]             optional; the date can also come from a `YYYY-MM-DD-` file name
 *   Title                          the first non-empty line
 *   Article paragraphs…            see paragraphs.ts
 *   Prayer Pointers                or "Prayer Points", "Prayer Requests", "How to pray"…: headings.ts
 *   - Label: text “quote” Book 1:2  one pointer per bullet (- * • 1. 1)); other lines continue a pointer
 *   Prayer for …                   optional closing prayer ("A prayer for…", "Let us pray"…) and its text
 */
export interface ParseOptions {
  /** The file's name; a `YYYY-MM-DD-` prefix gives the briefing its date. */
  fileName?: string
}

const TITLE_MAX = 200
const HOW_TO_DATE = 'Write it as YYYY-MM-DD, for example 2025-09-05.'
const DATE_LINE = /^date ?:(.*)$/i

type Problem = { ok: false, problem: BriefingProblem }
const fail = (message: string, line: number | null = null): Problem => ({ ok: false, problem: { message, line } })
/** The paste screen offers such a text's lines to tick by hand, instead of refusing it. */
const noPrayerPoints = (message: string, line: number | null = null): Problem =>
  ({ ok: false, problem: { message, line, code: 'no-prayer-points' } })

function nextFilled(lines: readonly string[], from: number): number {
  for (let i = from; i < lines.length; i++) if (lines[i]) return i
  return -1
}

export function parseBriefing(text: string, options: ParseOptions = {}): ParseResult {
  if (typeof text !== 'string' || !text.trim()) return fail('The text is empty.')
  if (looksBinary(text)) return fail('This does not look like a text briefing.')
  const cleaned = splitLines(text).map(cleanLine)
  const email = forwardedEmail(cleaned)
  const lines = email?.lines ?? cleaned

  // Date line first (or right after the title), then the title.
  let dateLine: { value: string, line: number } | null = null
  let titleAt = nextFilled(lines, email?.bodyAt ?? 0)
  const firstDate = DATE_LINE.exec(lines[titleAt] ?? '')
  if (firstDate) {
    dateLine = { value: (firstDate[1] ?? '').trim(), line: titleAt + 1 }
    titleAt = nextFilled(lines, titleAt + 1)
  }
  const title = lines[titleAt]
  if (titleAt === -1 || !title) return fail('There is no title: the first line should be the briefing’s title.', dateLine?.line ?? null)
  if (isPointersHeading(title) || bulletText(title) !== null) {
    return fail('There is no title: the first line should be the briefing’s title, above the article and the prayer pointers.', titleAt + 1)
  }
  if (title.length > TITLE_MAX) {
    return fail(`The first line is too long to be a title (${title.length} characters): start with a short title line.`, titleAt + 1)
  }
  let articleAt = titleAt + 1
  const afterTitle = nextFilled(lines, articleAt)
  if (!dateLine && afterTitle !== -1 && /^date ?: ?\d{4}-\d{2}-\d{2}$/i.test(lines[afterTitle] ?? '')) {
    dateLine = { value: (DATE_LINE.exec(lines[afterTitle] ?? '')?.[1] ?? '').trim(), line: afterTitle + 1 }
    articleAt = afterTitle + 1
  }

  const date = resolveDate(dateLine, options.fileName, email?.sentOn ?? null)
  if (typeof date === 'object' && date !== null) return date

  let headingAt = -1
  for (let i = articleAt; i < lines.length && headingAt === -1; i++) if (isPointersHeading(lines[i] ?? '')) headingAt = i
  if (headingAt === -1) {
    return noPrayerPoints('No prayer pointers were found: add a line \'Prayer Pointers\' followed by one \'- \' line per pointer.')
  }

  const raw: { words: string, line: number }[] = []
  let prayerAt = -1
  let strayAt = -1
  for (let i = headingAt + 1; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (!line || isSeparator(line) || isPointersHeading(line)) continue
    if (raw.length && prayerHeading(line)) {
      prayerAt = i
      break
    }
    const words = bulletText(line)
    const last = raw[raw.length - 1]
    if (words !== null) raw.push({ words, line: i + 1 })
    else if (last) last.words = `${last.words} ${line}`
    else if (strayAt === -1) strayAt = i
  }
  const heading = lines[headingAt] ?? ''
  const pointers = raw.filter((pointer) => pointer.words)
  if (!pointers.length) {
    return noPrayerPoints(`No prayer pointers follow the heading '${heading}' on line ${headingAt + 1}: add one '- ' line per pointer.`, headingAt + 1)
  }
  if (strayAt !== -1) {
    return fail(`Line ${strayAt + 1} is under '${heading}' but is not a pointer: start it with '- ', or move it above the heading.`, strayAt + 1)
  }

  const id = briefingId(date, title)
  const briefing: Briefing = {
    id,
    title,
    date,
    paragraphs: toParagraphs(lines.slice(articleAt, headingAt)),
    pointers: pointers.map((pointer, index) => ({ id: pointerId(id, index + 1), ...parsePointer(pointer.words) })),
    prayer: prayerAt === -1 ? null : closingPrayer(lines, prayerAt),
  }
  return { ok: true, briefing }
}

function closingPrayer(lines: readonly string[], at: number): ClosingPrayer {
  const { title, text } = prayerHeading(lines[at] ?? '') ?? { title: '', text: '' }
  return { title, text: toParagraphs([text, ...lines.slice(at + 1)]).join('\n\n') }
}

/**
 * The briefing's date, or a problem when a date is given but is not a real one. A forwarded
 * email's header date comes last and is never a problem: the mail client wrote it, not the editor.
 */
function resolveDate(dateLine: { value: string, line: number } | null, fileName: string | undefined, sentOn: string | null): string | null | Problem {
  const fromName = fileName ? dateInFileName(fileName) : null
  if (fromName && !isCalendarDate(fromName)) {
    return fail(`The file name starts with ${fromName}, which is not a real date. ${HOW_TO_DATE}`)
  }
  if (!dateLine) return fromName ?? (sentOn === null ? null : mailDate(sentOn))
  const { value, line } = dateLine
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return fail(`The date on line ${line} is not in the right form. ${HOW_TO_DATE}`, line)
  if (!isCalendarDate(value)) return fail(`The date on line ${line}, ${value}, is not a real date. ${HOW_TO_DATE}`, line)
  if (fromName && fromName !== value) {
    return fail(`The date on line ${line} (${value}) does not match the file name (${fromName}): make them the same.`, line)
  }
  return value
}
