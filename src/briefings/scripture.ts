import type { Scripture } from './types.ts'

/**
 * Finds the scripture of a pointer: a quoted passage (curly or straight double quotes) followed by
 * a reference, or a reference in parentheses followed by the quoted passage. The first such pair
 * wins; a quote that no reference follows stays part of the text. Failing those, a reference alone
 * at the very end of the pointer, in parentheses or after a dash ("… in trouble (Psalm 46:1)."),
 * is scripture with an empty quote: the editor cited the verse without quoting it.
 *
 * A reference is a book name (an optional 1-3 or I-III, then one to three capitalised words,
 * "of"/"of the" allowed between them: "1 Peter", "Song of Songs", "Matt.") and chapter:verse with
 * optional ranges and lists ("Isaiah 58:6-7", "John 3:16–4:2", "Matthew 5:3-5, 7"), optionally a
 * translation (NIV, ESV...). Without a verse only Psalms count ("Psalm 23"), so that "Article 5"
 * after a quote is not mistaken for scripture. Every quantifier is bounded: scanning stays linear.
 */
const WORD = String.raw`\p{Lu}\p{L}{0,20}\.?`
const BOOK = String.raw`(?:[1-3]\s?|I{1,3}\s)?${WORD}(?:\s(?:of\s(?:the\s)?)?${WORD}){0,2}`
const VERSE = String.raw`\d{1,3}[a-c]?`
const RANGE = String.raw`(?:\s?[-–—]\s?\d{1,3}(?::${VERSE})?[a-c]?)?`
const CHAPTER_VERSE = String.raw`\d{1,3}(?::${VERSE}${RANGE}(?:,\s?\d{1,3}(?:[-–]\d{1,3})?){0,6})?`
const TRANSLATION = 'NIV|ESV|KJV|NKJV|NLT|NASB|NRSV|RSV|CSB|HCSB|MSG|AMP|NET|CEV|GNT'
const VERSION = String.raw`(?:\s(?:\((?:${TRANSLATION})\)|(?:${TRANSLATION})))?`
const REFERENCE = new RegExp(`(${BOOK})\\s(${CHAPTER_VERSE})${VERSION}(?![\\p{L}\\p{N}])`, 'uy')

const OPEN_CURLY = 0x201c
const STRAIGHT = 0x22
const PAREN = 0x28

interface Match { start: number, end: number, scripture: Scripture }

function isOneOf(chars: string, char: string): boolean {
  return char !== '' && chars.includes(char)
}

function skipSpaces(text: string, at: number): number {
  while (text.charCodeAt(at) === 0x20) at++
  return at
}

/** The reference starting exactly at `at`, and where it ends. */
function referenceAt(text: string, at: number): { reference: string, end: number } | null {
  REFERENCE.lastIndex = at
  const match = REFERENCE.exec(text)
  if (!match) return null
  const [reference, book = '', chapterVerse = ''] = match
  if (!chapterVerse.includes(':') && !/^Ps/.test(book)) return null
  return { reference, end: at + reference.length }
}

/** Index of the first position after `from`, by binary search over sorted positions; -1 if none. */
function nextIndex(positions: number[], from: number): number {
  let low = 0
  let high = positions.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((positions[mid] ?? 0) > from) high = mid
    else low = mid + 1
  }
  return positions[low] ?? -1
}

function positionsOf(text: string, char: string): number[] {
  const positions: number[] = []
  for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) positions.push(i)
  return positions
}

/** Past one of `marks` and the spaces after it; an ASCII "--" (how mail writes a dash) counts as one. */
function skipDash(text: string, at: number, marks: string): number {
  if (!isOneOf(marks, text.charAt(at))) return at
  return skipSpaces(text, text.startsWith('--', at) ? at + 2 : at + 1)
}

export function extractScripture(text: string): { text: string, scripture: Scripture | null } {
  const none = { text, scripture: null }
  // Fast path: every form needs a digit.
  if (!/\d/.test(text)) return none
  const match = quotedScripture(text) ?? trailingReference(text)
  if (!match) return none
  const rest = [text.slice(0, match.start).trim(), text.slice(match.end).trim()].filter(Boolean).join(' ')
  return { text: rest, scripture: match.scripture }
}

function quotedScripture(text: string): Match | null {
  const curlyCloses = positionsOf(text, '”')
  const straight = positionsOf(text, '"')
  if (!curlyCloses.length && straight.length < 2) return null
  const closeAfter = (open: number) => nextIndex(text.charCodeAt(open) === OPEN_CURLY ? curlyCloses : straight, open)
  const isOpening = (code: number) => code === OPEN_CURLY || code === STRAIGHT

  // Quote, then reference: “…” Matthew 5:9 · “…” — Matthew 5:9 · “…”, -- Matthew 5:9 · “…” (Matthew 5:9).
  const quoteThenReference = (open: number, close: number): Match | null => {
    let at = skipSpaces(text, close + 1)
    if (isOneOf('.,', text.charAt(at))) at = skipSpaces(text, at + 1)
    at = skipDash(text, at, '—–-')
    const parenthesised = text.charCodeAt(at) === PAREN
    if (parenthesised) at = skipSpaces(text, at + 1)
    const found = referenceAt(text, at)
    if (!found) return null
    let end = found.end
    if (parenthesised) {
      end = skipSpaces(text, end)
      if (text.charAt(end) !== ')') return null
      end++
    }
    if (isOneOf('.;,', text.charAt(end))) end++
    const quote = text.slice(open + 1, close).trim()
    return quote ? { start: open, end, scripture: { quote, reference: found.reference } } : null
  }

  // Reference in parentheses, then quote: (Matthew 5:9) “…”
  const referenceThenQuote = (paren: number): Match | null => {
    const found = referenceAt(text, skipSpaces(text, paren + 1))
    if (!found) return null
    let at = skipSpaces(text, found.end)
    if (text.charAt(at) !== ')') return null
    at = skipSpaces(text, at + 1)
    at = skipDash(text, at, ':—–-,')
    if (!isOpening(text.charCodeAt(at))) return null
    const close = closeAfter(at)
    const quote = close === -1 ? '' : text.slice(at + 1, close).trim()
    return quote ? { start: paren, end: close + 1, scripture: { quote, reference: found.reference } } : null
  }

  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    let match: Match | null = null
    if (code === PAREN) match = referenceThenQuote(i)
    else if (isOpening(code)) {
      const close = closeAfter(i)
      if (close === -1) continue
      if (close > i + 1) match = quoteThenReference(i, close)
      if (!match) i = close
    }
    if (match) return match
  }
  return null
}

/** Longer than any reference: the end of a long pointer is searched in this many characters only. */
const TAIL = 200

/** A reference alone at the end of the text: "(Psalm 46:1)", "— Psalm 46:1", "- Psalm 46:1 NIV.". */
function trailingReference(text: string): Match | null {
  let end = text.length
  while (end > 0 && isOneOf(' .', text.charAt(end - 1))) end--
  const from = Math.max(0, end - TAIL)
  const found = (start: number, at: number, closing: string): Match | null => {
    const reference = referenceAt(text, at)
    if (!reference) return null
    const after = skipSpaces(text, reference.end)
    if (after + closing.length !== end || !text.startsWith(closing, after)) return null
    return { start, end: text.length, scripture: { quote: '', reference: reference.reference } }
  }
  if (text.charAt(end - 1) === ')') {
    const open = text.lastIndexOf('(', end - 1)
    return open < from ? null : found(open, skipSpaces(text, open + 1), ')')
  }
  // A dash that starts a word: "Isaiah 58:6-7" has one inside, "well-being" another.
  for (let i = from; i < end; i++) {
    if (isOneOf('—–-', text.charAt(i)) && (i === 0 || text.charAt(i - 1) === ' ')) {
      const match = found(i, skipDash(text, i, '—–-'), '')
      if (match) return match
    }
  }
  return null
}
