/**
 * The words Selah searches by: lowercase, accents dropped ("Kyïv" finds "kyiv"), split on anything
 * that is not a letter or a digit. The database indexes these words; the views highlight with them.
 */

import { COMMON, foldWord, WORD } from './fold-words'

export { foldWord, searchWords } from './fold-words'

/** Every word of a short text (a title), folded, common words kept: for matching it on the spot. */
export function titleWords(text: string): string[] {
  return [...text.matchAll(WORD)].map(([word]) => foldWord(word))
}

/**
 * The word prefixes a query asks for: every one must start a word of a record. Common words drop
 * out unless the last one is still being typed ("the" may become "thessalonians").
 */
export function queryPrefixes(query: string): string[] {
  const words = [...query.matchAll(WORD)].map(([word]) => foldWord(word)).filter(Boolean)
  const typing = words.length && !/[^\p{L}\p{N}\p{M}]$/u.test(query) ? words.at(-1)! : null
  const kept = words.filter((word, i) => !COMMON.has(word) || (i === words.length - 1 && word === typing))
  const unique = [...new Set(kept.length ? kept : words)]
  // A shorter prefix already covered by a longer one adds nothing ("pe" and "peace").
  return unique.filter(word => !unique.some(other => other !== word && other.startsWith(word)))
}

export interface TextPart {
  text: string
  match: boolean
}

/** Splits `text` into runs, marking each word that starts with one of `prefixes`, for <mark> around text nodes. */
export function highlightParts(text: string, prefixes: readonly string[]): TextPart[] {
  if (!prefixes.length) return [{ text, match: false }]
  const parts: TextPart[] = []
  let last = 0
  for (const found of text.matchAll(WORD)) {
    const folded = foldWord(found[0])
    if (!prefixes.some(prefix => folded.startsWith(prefix))) continue
    if (found.index > last) parts.push({ text: text.slice(last, found.index), match: false })
    parts.push({ text: found[0], match: true })
    last = found.index + found[0].length
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false })
  return parts
}
