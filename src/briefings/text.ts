/** Low-level text handling for the parser: line splitting, whitespace, binary detection. */

/** Lines of the text, BOM removed, CR/LF/CRLF accepted. Index i is line i + 1. */
export function splitLines(text: string): string[] {
  return text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
}

/** Trims a line, collapses runs of whitespace and drops stray control characters. */
export function cleanLine(line: string): string {
  // Only runs of whitespace or non-space whitespace are replaced: most lines come back unchanged, unallocated.
  return line
    .replace(/[\u0000-\u0008\u000E-\u001F\u007F\u200B]/g, '')
    .replace(/\s{2,}|[^\S ]/g, ' ')
    .trim()
}

/**
 * True when the text is probably not text at all: a NUL character, or more than 2% control or
 * replacement characters (what bytes of an image or a zip file become once decoded).
 */
export function looksBinary(text: string): boolean {
  let bad = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) return true
    const control = (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d && code !== 0x0c)
      || code === 0x7f || code === 0xfffd
    if (control) bad++
  }
  return bad > 0 && bad / text.length > 0.02
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value)
  if (!match) return false
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])]
  const date = new Date(Date.UTC(year, month - 1, day))
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
}

/** The `YYYY-MM-DD` at the start of a file name such as `2025-09-05-ukraine.txt`, unchecked. */
export function dateInFileName(fileName: string): string | null {
  const base = fileName.split(/[\\/]/).pop() ?? ''
  return /^(\d{4}-\d{2}-\d{2})(?:[-_. ]|$)/.exec(base)?.[1] ?? null
}
