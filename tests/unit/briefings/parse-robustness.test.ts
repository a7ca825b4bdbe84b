import { safeParse } from 'valibot'
import { describe, expect, it } from 'vitest'
import { BriefingSchema } from '~/briefings/schema'
import { parseBriefing } from '~/briefings/parse'
import type { ParseResult } from '~/briefings/types'

/** Parses and checks the answer is well formed: a valid Briefing, or a problem with words. */
function answer(text: string): ParseResult {
  const result = parseBriefing(text)
  if (result.ok) {
    expect(safeParse(BriefingSchema, result.briefing).success).toBe(true)
    expect(new Set(result.briefing.pointers.map((p) => p.id)).size).toBe(result.briefing.pointers.length)
  } else {
    expect(result.problem.message).toMatch(/^[A-Z].*[.:]/)
    expect(result.problem.line === null || result.problem.line >= 1).toBe(true)
  }
  return result
}

// Parsing these takes a moment on a busy machine: the limit only catches a hang (a quadratic scan
// of them would take minutes). How fast they go is measured by `npm run bench`, not here.
const SLOW = 30_000

const TWO_MB = 2 * 1024 * 1024
const filled = (unit: string) => unit.repeat(Math.ceil(TWO_MB / unit.length))
const tooLong = (line: string) => `The first line is too long to be a title (${line.trim().length} characters): start with a short title line.`

describe('parseBriefing gives the right answer on hostile input', () => {
  const lines: Record<string, string> = {
    'curly open quotes': filled('“'),
    'straight quotes': filled('"'),
    'label-like colons': filled('a:'),
    'parenthesised references without a quote': filled('(Matthew 5:9) “'),
    'quotes followed by near-references': filled('“a” Matthew 5 '),
    'bullets': filled('- '),
    'letters': filled('Abcdefghij'),
  }
  // A line of bullets reads as a pointer line, not a title; every other line is a title far too long.
  const refusals: Record<string, (line: string) => string> = {
    'bullets': () => 'There is no title: the first line should be the briefing’s title, above the article and the prayer pointers.',
  }

  for (const [name, line] of Object.entries(lines)) {
    it(`a 2 MB single line of ${name} is refused with plain words`, () => {
      const result = answer(line)
      const message = (refusals[name] ?? tooLong)(line)
      expect(result).toEqual({ ok: false, problem: { message, line: 1 } })
    }, SLOW)

    it(`a 2 MB pointer of ${name} is one pointer holding all of it`, () => {
      const result = answer(`Title\nPrayer Pointers\n- Pray: ${line}`)
      if (!result.ok) expect.fail(result.problem.message)
      expect(result.briefing).toMatchObject({ id: 'title', title: 'Title', paragraphs: [], prayer: null })
      expect(result.briefing.pointers).toEqual([{ id: 'title-p1', label: 'Pray', text: line.trim(), scripture: null }])
    }, SLOW)
  }

  it('100,000 pointer lines are 100,000 pointers, in order', () => {
    const text = `Title\nPrayer Pointers\n${'- Pray: for peace “Blessed are the meek.” Matthew 5:5\n'.repeat(100_000)}`
    const result = answer(text)
    if (!result.ok) expect.fail(result.problem.message)
    const { pointers } = result.briefing
    const scripture = { quote: 'Blessed are the meek.', reference: 'Matthew 5:5' }
    expect(pointers).toHaveLength(100_000)
    expect(pointers[0]).toEqual({ id: 'title-p1', label: 'Pray', text: 'for peace', scripture })
    const differs = pointers.findIndex((p, i) => p.id !== `title-p${i + 1}` || p.label !== 'Pray' || p.text !== 'for peace'
      || p.scripture?.quote !== scripture.quote || p.scripture.reference !== scripture.reference)
    expect(differs, 'the first pointer unlike the first').toBe(-1)
  }, SLOW)

  it('100,000 article lines and no heading are refused: no prayer pointers', () => {
    const result = answer(`Title\n${'An article line that goes on for a while without ending\n'.repeat(100_000)}`)
    expect(result).toEqual({ ok: false, problem: { message: 'No prayer pointers were found: add a line \'Prayer Pointers\' followed by one \'- \' line per pointer.', line: null, code: 'no-prayer-points' } })
  }, SLOW)
})

/** Small seeded PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const PIECES = [
  '-', '*', '•', '“', '”', '"', ':', '(', ')', '\n', '\n', '\r\n', ' ', ' ', '\t', '1', '5', '9', '-7',
  'Prayer Pointers', 'Prayer Points:', 'Prayer for', 'A Prayer', 'Pray', 'Give thanks', 'Matthew', 'Psalm ',
  'Song of Songs ', 'Date: ', '2025-09-05', '2025-02-30', 'a', 'word ', '\uFEFF', '\u00a0', 'é', '\u0007',
]

describe('parseBriefing never throws', () => {
  it('on 3,000 random texts from a biased alphabet', () => {
    const next = random(20250905)
    let briefings = 0
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(next() * 80)
      const text = Array.from({ length }, () => PIECES[Math.floor(next() * PIECES.length)]).join('')
      const result = answer(text)
      if (result.ok) briefings++
    }
    // The alphabet is rich enough that some random texts really are briefings.
    expect(briefings).toBeGreaterThan(0)
  })

  it('on values a careless caller might pass', () => {
    expect(parseBriefing(undefined as unknown as string).ok).toBe(false)
    expect(parseBriefing(null as unknown as string).ok).toBe(false)
  })
})
