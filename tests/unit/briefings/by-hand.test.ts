import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { briefingByHand, linesToPick, MAX_CHARS, MAX_LINES, tooLongMessage, type PickLine } from '~/briefings/by-hand'
import { BriefingSchema } from '~/briefings/schema'
import type { Briefing } from '~/briefings/types'

const email = `Letter from Kisumu

Dear friends, thank you for praying with us this month.
   Please pray for the new clinic and its   two nurses.
We give thanks for rain on the farms after the dry season.

With love, Grace
`

function picked(text: string) {
  const pick = linesToPick(text)
  if (!pick.ok) expect.fail(pick.message)
  return pick
}

/** Builds the briefing with the lines whose text starts with one of `starts` ticked. */
function byHand(text: string, starts: string[], extra: { title?: string, fileName?: string } = {}): Briefing {
  const { title, lines, date } = picked(text)
  const ticked = new Set(lines.filter(line => starts.some(start => line.text.startsWith(start))).map(line => line.key))
  const result = briefingByHand({ title: extra.title ?? title, lines, ticked, date, fileName: extra.fileName })
  if (!result.ok) expect.fail(result.problem.message)
  return result.briefing
}

describe('linesToPick', () => {
  it('offers the first line as the title and every other non-empty line, trimmed and whole', () => {
    const { title, lines } = picked(email)
    expect(title).toBe('Letter from Kisumu')
    expect(lines.map(line => line.text)).toEqual([
      'Dear friends, thank you for praying with us this month.',
      'Please pray for the new clinic and its two nurses.',
      'We give thanks for rain on the farms after the dry season.',
      'With love, Grace',
    ])
    const long = `Title\n${'word '.repeat(2000)}end`
    expect(picked(long).lines[0]!.text).toHaveLength(10_003)
  })

  it('leaves out separators, reads CRLF, and gives repeated lines keys of their own', () => {
    const { lines } = picked('Title\r\n-----\r\nPray for peace.\r\n\r\nPray for peace.\r\n')
    expect(lines.map(line => line.text)).toEqual(['Pray for peace.', 'Pray for peace.'])
    expect(new Set(lines.map(line => line.key)).size).toBe(2)
  })

  it('keys a line by its words, so an edit elsewhere keeps it', () => {
    const before = picked(email).lines.find(line => line.text.startsWith('Please pray'))!
    const after = picked(email.replace('With love, Grace', 'Blessings, Grace')).lines.find(line => line.text.startsWith('Please pray'))!
    expect(after.key).toBe(before.key)
  })

  it('leaves out a forwarded email\'s header, and takes the day it was sent', () => {
    const forwarded = `---------- Forwarded message ---------
From: Grace Otieno <grace@example.org>
Date: Fri, Oct 3, 2025 at 9:14 AM
Subject: News from Kisumu
To: friends@example.org

${email}`
    const pick = picked(forwarded)
    expect(pick.title).toBe('Letter from Kisumu')
    expect(pick.lines.map(line => line.text)).toEqual(picked(email).lines.map(line => line.text))
    expect(pick.date).toBe('2025-10-03')
    expect(picked(email).date).toBeNull()
  })

  it('offers a first line too long to be a title among the lines, with no title', () => {
    const first = 'A'.repeat(250)
    const { title, lines } = picked(`${first}\nPray for peace.`)
    expect(title).toBe('')
    expect(lines.map(line => line.text)).toEqual([first, 'Pray for peace.'])
  })

  it('refuses a text of only a title, and one too long to be one briefing', () => {
    expect(linesToPick('  Only a title  \n\n')).toEqual({ ok: false, message: expect.stringMatching(/only a title/) })
    const tooMany = Array.from({ length: MAX_LINES + 1 }, (_, i) => `Line ${i}`).join('\n')
    expect(linesToPick(tooMany)).toEqual({ ok: false, message: expect.stringMatching(/too long to be one briefing/) })
    expect(linesToPick('x'.repeat(MAX_CHARS + 1))).toEqual({ ok: false, message: expect.stringMatching(/one briefing at a time/) })
    // Blank lines do not count towards the limit.
    expect(tooLongMessage(Array.from({ length: MAX_LINES }, (_, i) => `Line ${i}`).join('\n\n'))).toBeNull()
    expect(tooLongMessage(tooMany)).toMatch(/too long/)
  })
})

describe('briefingByHand', () => {
  it('makes the ticked lines the pointers in order, and the others the article', () => {
    const briefing = byHand(email, ['We give thanks', 'Please pray'])
    expect(briefing).toEqual({
      id: 'letter-from-kisumu',
      title: 'Letter from Kisumu',
      date: null,
      paragraphs: ['Dear friends, thank you for praying with us this month.', 'With love, Grace'],
      pointers: [
        { id: 'letter-from-kisumu-p1', label: null, text: 'Please pray for the new clinic and its two nurses.', scripture: null },
        { id: 'letter-from-kisumu-p2', label: null, text: 'We give thanks for rain on the farms after the dry season.', scripture: null },
      ],
      prayer: null,
    })
    expect(v.is(BriefingSchema, briefing)).toBe(true)
  })

  it('gives the same ids for the same text, and the parser’s ids for a title and date', () => {
    expect(byHand(email, ['Please pray'])).toEqual(byHand(email, ['Please pray']))
    const dated = byHand(email, ['Please pray'], { fileName: '2025-10-03-kisumu.txt' })
    expect(dated.id).toBe('2025-10-03-letter-from-kisumu')
    expect(dated.date).toBe('2025-10-03')
    expect(dated.pointers[0]!.id).toBe('2025-10-03-letter-from-kisumu-p1')
    expect(byHand(email, ['Please pray'], { fileName: '2025-02-30-kisumu.txt' }).date).toBeNull()
    const forwarded = `Subject: News\nDate: 14 October 2025 08:02\nFrom: Grace\n\n${email}`
    expect(byHand(forwarded, ['Please pray']).id).toBe('2025-10-14-letter-from-kisumu')
    expect(byHand(forwarded, ['Please pray'], { fileName: '2025-10-03-kisumu.txt' }).date).toBe('2025-10-03')
  })

  it('takes the title as the person wrote it, with its spaces tidied', () => {
    const briefing = byHand(email, ['Please pray'], { title: '  Kisumu   clinic ' })
    expect(briefing.title).toBe('Kisumu clinic')
    expect(briefing.id).toBe('kisumu-clinic')
  })

  it('drops a bullet from a ticked line and keeps a quoted verse with its reference as scripture', () => {
    const briefing = byHand('Title\n- Pray for the nurses.\n2. For peace “Blessed are the peacemakers” (Matthew 5:9)\n', ['-', '2.'])
    expect(briefing.pointers.map(({ text, scripture }) => ({ text, scripture }))).toEqual([
      { text: 'Pray for the nurses.', scripture: null },
      { text: 'For peace', scripture: { quote: 'Blessed are the peacemakers', reference: 'Matthew 5:9' } },
    ])
  })

  it('refuses no ticks, ticks of lines no longer there, and a blank or overlong title, in plain words', () => {
    const { title, lines } = picked(email)
    const refusal = (ticked: string[], name = title) => {
      const result = briefingByHand({ title: name, lines, ticked: new Set(ticked) })
      return result.ok ? null : result.problem.message
    }
    expect(refusal([])).toBe('Tick at least one line that is a prayer point.')
    expect(refusal(['1:A line that was edited away'])).toBe('Tick at least one line that is a prayer point.')
    const key = (lines[1] as PickLine).key
    expect(refusal([key], '   ')).toBe('Give the briefing a title.')
    expect(refusal([key], 'T'.repeat(201))).toMatch(/title is too long/)
    expect(refusal([key])).toBeNull()
  })
})
