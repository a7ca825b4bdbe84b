import { readdirSync, readFileSync } from 'node:fs'
import fc from 'fast-check'
import { safeParse } from 'valibot'
import { describe, expect, it } from 'vitest'
import { BriefingSchema } from '~/briefings/schema'
import { parseBriefing } from '~/briefings/parse'

// Hundreds of runs: on a busy machine they must not hit the default 5 s limit.
const SLOW = { timeout: 60_000 }

/**
 * Whatever is pasted, parseBriefing answers: a valid briefing, or a problem in a plain sentence.
 * Seeded, so a failure reproduces; fast-check prints the shrunk input that broke it.
 */
const DIR = 'src/content/briefings'
const samples = readdirSync(DIR).filter(name => name.endsWith('.txt'))
  .map(name => ({ name, text: readFileSync(`${DIR}/${name}`, 'utf8') }))

function checkAnswer(text: string, fileName?: string): boolean {
  const result = parseBriefing(text, fileName === undefined ? {} : { fileName })
  if (result.ok) {
    expect(safeParse(BriefingSchema, result.briefing).success).toBe(true)
    const ids = result.briefing.pointers.map(pointer => pointer.id)
    expect(new Set(ids).size).toBe(ids.length)
    for (const id of ids) expect(id.startsWith(`${result.briefing.id}-p`)).toBe(true)
  }
  else {
    const { message, line } = result.problem
    expect(message.trim().length).toBeGreaterThan(10)
    // A sentence: a capital first, a full stop last, and no programmer's words in between.
    expect(message).toMatch(/^[A-Z][\s\S]*\.$/)
    expect(message).not.toMatch(/undefined|NaN|\[object|TypeError/)
    expect(line === null || (Number.isInteger(line) && line >= 1)).toBe(true)
  }
  return result.ok
}

const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc.array(fc.oneof(
    fc.constantFrom('Prayer Pointers', 'Prayer Points:', '- ', '* ', '• ', 'Date: ', '2025-09-05', 'Pray: ', '“', '”', 'John 3:16', 'Prayer for ', '\n', '\r\n', '\t', '\u0000', '\uFEFF', '#', '**'),
    fc.string({ maxLength: 20 }),
  ), { maxLength: 60 }).map(parts => parts.join('')),
)

const fileName = fc.option(fc.oneof(
  fc.constantFrom('2025-09-05-a.txt', '2025-02-30-bad-day.txt', 'notes.txt', '9999-99-99-x.txt'),
  fc.string({ maxLength: 30 }),
), { nil: undefined })

type Mutation = (text: string) => string
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map(at => (text: string) => text.slice(0, at % (text.length + 1))),
  fc.tuple(fc.nat(), fc.string({ unit: 'binary', maxLength: 30 }))
    .map(([at, insert]) => (text: string) => { const i = at % (text.length + 1); return text.slice(0, i) + insert + text.slice(i) }),
  fc.tuple(fc.nat(), fc.integer({ min: 1, max: 0xffff }))
    .map(([at, code]) => (text: string) => { const i = at % Math.max(text.length, 1); return text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1) }),
  fc.nat().map(at => (text: string) => { const lines = text.split('\n'); lines.splice(at % lines.length, 1); return lines.join('\n') }),
  fc.tuple(fc.nat(), fc.nat()).map(([from, to]) => (text: string) => {
    const lines = text.split('\n')
    const line = lines[from % lines.length]!
    lines.splice(to % (lines.length + 1), 0, line)
    return lines.join('\n')
  }),
  fc.constant((text: string) => text.replace(/\n/g, '\r\n')),
  fc.constant((text: string) => text.toUpperCase()),
)

describe('parseBriefing never throws', SLOW, () => {
  it('on random text', () => {
    fc.assert(fc.property(anyText, fileName, (text, name) => { checkAnswer(text, name) }), { seed: 20261126, numRuns: 1000 })
  })

  it('on mutations of the real briefings', () => {
    expect(samples.length).toBeGreaterThan(0)
    const sample = fc.constantFrom(...samples)
    const outcomes = { ok: 0, refused: 0 }
    fc.assert(fc.property(sample, fc.array(mutation, { minLength: 1, maxLength: 5 }), fc.boolean(), (file, mutations, keepName) => {
      const text = mutations.reduce((value, mutate) => mutate(value), file.text)
      outcomes[checkAnswer(text, keepName ? file.name : undefined) ? 'ok' : 'refused']++
    }), { seed: 3, numRuns: 600 })
    // The mutations reach both answers, so both kinds of answer were checked.
    expect(outcomes.ok).toBeGreaterThan(50)
    expect(outcomes.refused).toBeGreaterThan(50)
  })

  it('still reads the real briefings as they are', () => {
    for (const file of samples) expect(parseBriefing(file.text, { fileName: file.name }).ok).toBe(true)
  })
})
