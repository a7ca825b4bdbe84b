/**
 * The words the search index holds for a record (search-text.ts says how they are made). Apart from
 * the query and highlighting helpers, because every write to the journal needs these (the search
 * index follows each write, db/search-words.ts) and so the first screen carries them.
 */

// Words too common to find anything by. They are left out of the index, and out of a query
// unless they are all a query has (or the word still being typed, which may grow into another).
export const COMMON = new Set(('a an and are as at be but by for from had has have he her him his i if in into is it its me my no not of on or our '
  + 'she so than that the their them then there they this to us was we were what when which who will with you your').split(' '))

export const WORD = /[\p{L}\p{N}\p{M}]+/gu

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
