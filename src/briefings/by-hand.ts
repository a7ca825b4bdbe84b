import { forwardedEmail, mailDate } from './forwarded.ts'
import { briefingId, pointerId } from './ids.ts'
import { bulletText, isSeparator } from './pointer.ts'
import { extractScripture } from './scripture.ts'
import { cleanLine, dateInFileName, isCalendarDate, splitLines } from './text.ts'
import type { Briefing, ParseResult } from './types.ts'

/**
 * A briefing made by hand, for a text whose prayer points the parser cannot find: the first line
 * is the title, and the person ticks which of the other lines are prayer points. Pure, like the
 * parser, and with its ids, so saving the same text with the same ticks twice updates one briefing.
 */

/** Beyond these, a paste is several briefings or not a briefing at all, and a list of it would stall the page. */
export const MAX_CHARS = 200_000
export const MAX_LINES = 500
const TITLE_MAX = 200

/** One line offered to tick. `key` is the same for the same line of an edited text (its words and which repeat it is). */
export interface PickLine {
  key: string
  text: string
}

/** `date` is the day a forwarded email was sent, when its header says. */
export type LinesToPick =
  | { ok: true, title: string, lines: PickLine[], date: string | null }
  | { ok: false, message: string }

export const TOO_LONG_MESSAGE = 'This text is too long to be one briefing. Paste one briefing at a time.'

/** The problem with a text's length, in plain words, or null. Blank lines and separators do not count. */
export function tooLongMessage(text: string): string | null {
  return text.length > MAX_CHARS || filledLines(splitLines(text).map(cleanLine)).length > MAX_LINES ? TOO_LONG_MESSAGE : null
}

function filledLines(lines: readonly string[]): string[] {
  return lines.filter(line => line && !isSeparator(line))
}

/** The title (the first line, unless it is too long to be one) and the lines to tick, each whole. */
export function linesToPick(text: string): LinesToPick {
  // Measured before splitting: a 10 MB paste is refused without a pass over it.
  if (text.length > MAX_CHARS) return { ok: false, message: TOO_LONG_MESSAGE }
  const cleaned = splitLines(text).map(cleanLine)
  // A forwarded email's header (From:, Subject:…) is neither the title nor a prayer point, as for the parser.
  const email = forwardedEmail(cleaned)
  const filled = filledLines(email ? email.lines.slice(email.bodyAt) : cleaned)
  if (filled.length > MAX_LINES) return { ok: false, message: TOO_LONG_MESSAGE }
  const first = filled[0] ?? ''
  const title = first.length <= TITLE_MAX ? first : ''
  const rest = title ? filled.slice(1) : filled
  if (!rest.length) return { ok: false, message: 'There is only a title here: paste the whole briefing, with its prayer points.' }
  const seen = new Map<string, number>()
  const lines = rest.map((line) => {
    const repeat = (seen.get(line) ?? 0) + 1
    seen.set(line, repeat)
    return { key: `${repeat}:${line}`, text: line }
  })
  return { ok: true, title, lines, date: email?.sentOn ? mailDate(email.sentOn) : null }
}

export interface PickedBriefing {
  title: string
  lines: readonly PickLine[]
  /** Keys of the ticked lines; keys of lines no longer there are ignored. */
  ticked: ReadonlySet<string>
  /** The date linesToPick found, if any. */
  date?: string | null
  /** The file's name: a `YYYY-MM-DD-` prefix gives the briefing its date, before any other, as for a parsed one. */
  fileName?: string
}

/** The briefing the ticks describe: ticked lines become pointers in order, the others its paragraphs. */
export function briefingByHand({ title, lines, ticked, date: sentOn = null, fileName }: PickedBriefing): ParseResult {
  const chosen = lines.filter(line => ticked.has(line.key))
  if (!chosen.length) return refuse('Tick at least one line that is a prayer point.')
  const name = cleanLine(title)
  if (!name) return refuse('Give the briefing a title.')
  if (name.length > TITLE_MAX) return refuse(`The title is too long (${name.length} characters): shorten it to one short line.`)

  const fromName = fileName ? dateInFileName(fileName) : null
  const date = fromName && isCalendarDate(fromName) ? fromName : sentOn
  const id = briefingId(date, name)
  const briefing: Briefing = {
    id,
    title: name,
    date,
    paragraphs: lines.filter(line => !ticked.has(line.key)).map(line => line.text),
    // A ticked "- Pray for…" reads as its words; a quoted verse and its reference become its scripture.
    pointers: chosen.map((line, index) => ({ id: pointerId(id, index + 1), label: null, ...extractScripture(bulletText(line.text) || line.text) })),
    prayer: null,
  }
  return { ok: true, briefing }
}

function refuse(message: string): ParseResult {
  return { ok: false, problem: { message, line: null } }
}
