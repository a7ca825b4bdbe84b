/**
 * Paragraph rule, for the article and the closing prayer ("a paragraph is a line, or a block of
 * lines separated by blank lines"):
 * - when blank lines separate the text, each block between them is one paragraph, its lines
 *   joined with a space;
 * - otherwise each line is its own paragraph (the shared briefings put one paragraph per line),
 *   except a hard-wrapped line: one of at least 50 characters that stops mid-sentence (no closing
 *   . ! ? … : ; quote or bracket) continues on the next line, so text wrapped by an email client
 *   still reads as one paragraph.
 * Blank lines before the first or after the last line change nothing.
 */
const WRAP_MIN_LENGTH = 50
const SENTENCE_END = new Set(['.', '!', '?', '…', ':', ';', '"', '”', '’', "'", ')', ']'])
const BULLET = /^(?:[-*•–]|\d{1,3}[.)])\s/

function isHardWrapped(line: string): boolean {
  return line.length >= WRAP_MIN_LENGTH && !SENTENCE_END.has(line.charAt(line.length - 1))
}

/** Splits cleaned lines (empty string = blank line) into blocks of consecutive non-blank lines. */
function blocksOf(lines: readonly string[]): string[][] {
  const blocks: string[][] = [[]]
  for (const line of lines) {
    if (line) blocks[blocks.length - 1]!.push(line)
    else if (blocks[blocks.length - 1]!.length) blocks.push([])
  }
  return blocks.filter(block => block.length > 0)
}

function unwrapLines(lines: readonly string[]): string[] {
  const paragraphs: string[] = []
  let parts: string[] = []
  for (const line of lines) {
    const previous = parts[parts.length - 1]
    if (previous !== undefined && (!isHardWrapped(previous) || BULLET.test(line))) {
      paragraphs.push(parts.join(' '))
      parts = []
    }
    parts.push(line)
  }
  if (parts.length) paragraphs.push(parts.join(' '))
  return paragraphs
}

/** Groups cleaned lines (empty string = blank line) into paragraphs. */
export function toParagraphs(lines: readonly string[]): string[] {
  const blocks = blocksOf(lines)
  if (blocks.length === 1) return unwrapLines(blocks[0]!)
  return blocks.map(block => block.join(' '))
}
