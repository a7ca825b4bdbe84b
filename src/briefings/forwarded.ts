import { isCalendarDate } from './text.ts'

/**
 * Briefings often reach an editor as a forwarded email, and the header block the mail client adds
 * ("---------- Forwarded message ---------", From:, Date:, Subject:…) is pasted with them. This
 * finds that block so the parser can start after it. A block is a forward marker, or two or more
 * header fields one of which is Subject: (so a briefing that opens with its own `Date:` line, or a
 * title such as "From: Kyiv", is not taken for one). Anything above a marker near the top (the
 * note of whoever forwarded it) goes too. Lines may be quoted with `>`; then the quoting is removed
 * from every line.
 */
const MARKER = /^-*\s?(?:forwarded message|original message|begin forwarded message:?)\s?-*$/i
const FIELD = /^(from|date|subject|to|cc|bcc|sent|reply-to)\s?:/i
/** An Outlook rule of underscores, or a Gmail marker's dashes on a line of their own. */
const RULE = /^[-_=]{3,}$/
/** Longer lines are text, never part of a header block: this also keeps the scan cheap on huge lines. */
const HEADER_LINE_MAX = 300
/** A forwarder's note is a few lines; a marker further down belongs to the briefing's own text. */
const NOTE_MAX_LINES = 40

export interface ForwardedEmail {
  /** The lines with email quoting (`> `) removed; same length as the input, so line numbers hold. */
  lines: string[]
  /** Index of the first line after the header block. */
  bodyAt: number
  /** The value of the header's Date: (or Sent:) field, as the mail client wrote it. */
  sentOn: string | null
}

const unquote = (line: string) => line.replace(/^(?:> ?)+/, '').trim()

function markerAt(lines: readonly string[]): number {
  for (let i = 0; i < Math.min(lines.length, NOTE_MAX_LINES); i++) {
    const line = lines[i] ?? ''
    if (line.length <= HEADER_LINE_MAX && MARKER.test(unquote(line))) return i
  }
  return -1
}

/** The header block at the top of cleaned lines (or at a forward marker), or null when there is none. */
export function forwardedEmail(lines: readonly string[]): ForwardedEmail | null {
  const marker = markerAt(lines)
  let at = marker === -1 ? 0 : marker + 1
  const fields = new Map<string, string>()
  for (; at < lines.length; at++) {
    const line = lines[at] ?? ''
    if (line.length > HEADER_LINE_MAX) break
    const words = unquote(line)
    const field = FIELD.exec(words)
    if (field) fields.set((field[1] ?? '').toLowerCase(), words.slice(field[0].length).trim())
    else if (words && !RULE.test(words) && !MARKER.test(words)) break
  }
  if (marker === -1 && !(fields.size >= 2 && fields.has('subject'))) return null
  return { lines: lines.map(unquote), bodyAt: at, sentOn: fields.get('date') ?? fields.get('sent') ?? null }
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december']
const DAY_MONTH_YEAR = /\b(\d{1,2})(?:st|nd|rd|th)?\s(\p{L}{3,9})\.?,?\s(\d{4})\b/u
const MONTH_DAY_YEAR = /\b(\p{L}{3,9})\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})\b/u
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/

/** 1-12 for a month's name or its abbreviation of three letters or more ("Sep", "Sept"); 0 otherwise. */
function monthNumber(word: string): number {
  const lower = word.toLowerCase()
  return lower.length < 3 ? 0 : MONTHS.findIndex((name) => name.startsWith(lower)) + 1
}

/**
 * YYYY-MM-DD of a mail client's date ("Fri, Sep 5, 2025 at 9:14 AM", "Tuesday, 14 October 2025
 * 08:02", "Fri, 5 Sep 2025 09:14:00 +0100") as written: no time zone is applied, the day the
 * reader saw is the day the ministry meant. Numeric dates such as 05/09/2025 read differently in
 * the US and in Europe, so they give nothing rather than a guess.
 */
export function mailDate(value: string): string | null {
  const iso = ISO_DATE.exec(value)?.[0]
  if (iso) return isCalendarDate(iso) ? iso : null
  const dayFirst = DAY_MONTH_YEAR.exec(value)
  const monthFirst = MONTH_DAY_YEAR.exec(value)
  const [day = '', month = 0, year = ''] = dayFirst && monthNumber(dayFirst[2] ?? '')
    ? [dayFirst[1], monthNumber(dayFirst[2] ?? ''), dayFirst[3]]
    : monthFirst ? [monthFirst[2], monthNumber(monthFirst[1] ?? ''), monthFirst[3]] : []
  const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`
  return month && isCalendarDate(date) ? date : null
}
