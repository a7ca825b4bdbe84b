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

/**
 * These inputs must get an answer, not a hang: a quadratic scan of them would take minutes and
 * trip the test timeout. How fast the answer comes is measured by `npm run bench`, not here,
 * so a busy machine cannot make this suite flaky.
 */
function answered(text: string): { result: ParseResult } {
  return { result: answer(text) }
}

const TWO_MB = 2 * 1024 * 1024
const filled = (unit: string) => unit.repeat(Math.ceil(TWO_MB / unit.length))

describe('parseBriefing answers quickly on hostile input', () => {
  const lines: Record<string, string> = {
    'curly open quotes': filled('“'),
    'straight quotes': filled('"'),
    'label-like colons': filled('a:'),
    'parenthesised references without a quote': filled('(Matthew 5:9) “'),
    'quotes followed by near-references': filled('“a” Matthew 5 '),
    'bullets': filled('- '),
    'letters': filled('Abcdefghij'),
  }
  for (const [name, line] of Object.entries(lines)) {
    it(`a 2 MB single line of ${name}`, () => {
      expect(answered(line).result).toBeDefined()
    })
    it(`a 2 MB pointer of ${name}`, () => {
      const { result } = answered(`Title\nPrayer Pointers\n- Pray: ${line}`)
      expect(result.ok).toBe(true)
    })
  }

  it('100,000 pointer lines', () => {
    const text = `Title\nPrayer Pointers\n${'- Pray: for peace “Blessed are the meek.” Matthew 5:5\n'.repeat(100_000)}`
    const { result } = answered(text)
    expect(result.ok && result.briefing.pointers.length).toBe(100_000)
  })

  it('100,000 article lines and no heading', () => {
    const { result } = answered(`Title\n${'An article line that goes on for a while without ending\n'.repeat(100_000)}`)
    expect(result.ok).toBe(false)
  })
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
