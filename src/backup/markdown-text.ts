import { dayKey } from '~/utils/dates'

/**
 * Escaping for the prayer book: whatever a person wrote (or a briefing said) stays words and
 * never becomes Markdown or HTML, however the file is opened. And the book's days: how it says
 * one, and which are in the dates chosen.
 */

export interface DateRange {
  /** YYYY-MM-DD, inclusive. */
  from?: string
  /** YYYY-MM-DD, inclusive. */
  to?: string
}

export function inRange(iso: string, range: DateRange): boolean {
  const day = dayKey(new Date(iso))
  return (!range.from || day >= range.from) && (!range.to || day <= range.to)
}

const longDay = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' })

export const formatLongDay = (iso: string) => longDay.format(new Date(iso))

// Characters that can start markup anywhere in a line.
const INLINE = /[\\`*_[\]<>|~#]/g
// An HTML entity such as &lt; would otherwise turn into the character it names.
const ENTITY = /&(#?[a-z0-9]+;)/gi
// Headings, quotes, list items, setext underlines and ordered lists, at the start of a line.
const BLOCK_START = /^[+=-]/
const ORDERED_LIST = /^(\d+)([.)])/

function escapeLine(line: string): string {
  return line.trimStart()
    .replace(INLINE, '\\$&')
    .replace(ENTITY, '\\&$1')
    .replace(BLOCK_START, '\\$&')
    .replace(ORDERED_LIST, '$1\\$2')
}

/** One line of text: newlines and runs of spaces become single spaces. */
export function inlineText(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' ').trim())
}

/** Several lines: each kept on its own line (a Markdown hard break), blank lines kept as paragraph breaks. */
export function blockText(text: string): string {
  const lines = text.trim().split(/\r\n?|\n/)
  return lines
    .map(line => escapeLine(line.trimEnd()))
    .map((line, i) => (line && lines[i + 1]?.trim() ? `${line}  ` : line))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
}
