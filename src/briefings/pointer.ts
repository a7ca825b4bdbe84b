import { extractScripture } from './scripture.ts'
import type { Scripture } from './types.ts'

/** `- `, `* `, `• `, `– ` or `1. ` / `1) ` bullets. */
const BULLET = /^(?:[-*•–]|\d{1,3}[.)](?= ))/
/** A line of only dashes, stars, underscores or equals signs: a separator, not a pointer. */
const SEPARATOR = /^[-*•–_= ]+$/
/**
 * A label: one to four words of letters ending in a colon ("Pray:", "Give thanks:"). Digits are
 * not allowed, so a scripture reference such as "Psalm 9:9" is never taken for a label.
 */
const LABEL = /^(\p{L}[\p{L}\p{M}'’-]{0,24}(?: [\p{L}\p{M}'’&-]{1,25}){0,3}) ?:/u

export function isSeparator(line: string): boolean {
  return SEPARATOR.test(line)
}

/** The text after the bullet of a cleaned line, or null when the line is not a bullet. */
export function bulletText(line: string): string | null {
  const match = BULLET.exec(line)
  return match ? line.slice(match[0].length).trim() : null
}

export interface PointerParts {
  label: string | null
  text: string
  scripture: Scripture | null
}

/** Splits a pointer's words (bullet removed) into label, text and scripture. */
export function parsePointer(words: string): PointerParts {
  const labelled = LABEL.exec(words)
  const label = labelled?.[1] ?? null
  const rest = labelled ? words.slice(labelled[0].length).trim() : words
  const { text, scripture } = extractScripture(rest)
  return { label, text, scripture }
}
