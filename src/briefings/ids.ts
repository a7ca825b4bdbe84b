/**
 * Identity of briefings and pointers. Ids come from what an editor rarely changes (date, title,
 * position), never from the words of a pointer, so fixing a typo keeps every journal entry attached.
 * Limitation: reordering pointers changes which id each one gets.
 */
const MAX_SLUG = 80

/** Lowercase ASCII slug: accents dropped, apostrophes removed, other runs of symbols become '-'. */
export function slugify(value: string): string {
  const base = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  if (base.length <= MAX_SLUG) return base
  const cut = base.slice(0, MAX_SLUG + 1)
  const lastDash = cut.lastIndexOf('-')
  // Cut at a word boundary when one is reasonably close, so slugs do not end mid-word.
  return (lastDash > MAX_SLUG / 2 ? cut.slice(0, lastDash) : base.slice(0, MAX_SLUG)).replace(/-+$/, '')
}

/** Short stable hash (FNV-1a, 32 bits, hex) for titles that have no Latin letters or digits. */
export function shortHash(value: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < value.length; i++) {
    hash ^= value.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** `2025-09-05-ukraine-putin-rejects-peace-force`, or the slug alone when there is no date. */
export function briefingId(date: string | null, title: string): string {
  const slug = slugify(title) || `briefing-${shortHash(title)}`
  return date ? `${date}-${slug}` : slug
}

/** The id of the n-th pointer (1-based) of a briefing; also the DOM id of its card. */
export function pointerId(briefingIdValue: string, n: number): string {
  return `${briefingIdValue}-p${n}`
}

/** First 16 hex characters of the SHA-256 of `JSON.stringify(value)`. */
export async function contentHash(value: unknown): Promise<string> {
  const bytes = new TextEncoder().encode(JSON.stringify(value))
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes)
  return Array.from(new Uint8Array(digest).slice(0, 8), (b) => b.toString(16).padStart(2, '0')).join('')
}
