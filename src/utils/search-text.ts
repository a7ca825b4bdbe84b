/**
 * The words Selah searches by: lowercase, accents dropped ("Kyïv" finds "kyiv"), split on anything
 * that is not a letter or a digit. The database indexes these words; the views highlight with them.
 */

// Words too common to find anything by. They are left out of the index, and out of a query
// unless they are all a query has (or the word still being typed, which may grow into another).
const COMMON = new Set(('a an and are as at be but by for from had has have he her him his i if in into is it its me my no not of on or our '
  + 'she so than that the their them then there they this to us was we were what when which who will with you your').split(' '))

const WORD = /[\p{L}\p{N}\p{M}]+/gu

const ASCII = /^[\x20-\x7e]*$/

/** "Kyïv" -> "kyiv". */
export function foldWord(word: string): string {
  // Most words need no decomposing: skipping it halves the time to index a long journal.
  if (ASCII.test(word)) return word.toLowerCase()
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase()
}

/** The distinct searchable words of some texts, in the order first met. */
export function searchWords(...texts: (string | null | undefined)[]): string[] {
  const words = new Set<string>()
  for (const text of texts) {
    if (!text) continue
    for (const [word] of text.matchAll(WORD)) {
      const folded = foldWord(word)
      if (folded.length > 1 && !COMMON.has(folded)) words.add(folded)
    }
  }
  return [...words]
}

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
