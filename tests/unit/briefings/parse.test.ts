import { describe, expect, it } from 'vitest'
import { briefingOf, SHARED_NAME, SHARED_TEXT } from './parse-helpers'

describe('parseBriefing on the shared Ukraine briefing', () => {
  const briefing = briefingOf(SHARED_TEXT, { fileName: SHARED_NAME })

  it('reads the title, the date from the file name and the id', () => {
    expect(briefing.title).toBe('Ukraine: Putin Rejects Peace Force')
    expect(briefing.date).toBe('2025-09-05')
    expect(briefing.id).toBe('2025-09-05-ukraine-putin-rejects-peace-force')
  })

  it('keeps the 8 article paragraphs, quotation marks included', () => {
    expect(briefing.paragraphs).toHaveLength(8)
    expect(briefing.paragraphs[0]).toMatch(/^At a summit in Paris, 26 allies .*“reassurance force”.* engage Russia directly\.$/)
    expect(briefing.paragraphs[7]).toBe('The uncertainty underscores a broader question: can peace be built through guarantees and deterrence alone, or must trust and reconciliation play a deeper role?')
  })

  it('reads the 3 pointers with label, text and scripture', () => {
    expect(briefing.pointers).toEqual([
      {
        id: '2025-09-05-ukraine-putin-rejects-peace-force-p1',
        label: 'Pray',
        text: 'for leaders to prioritize genuine peace over political posturing, that diplomacy would not be derailed by pride.',
        scripture: { quote: 'Blessed are the peacemakers, for they will be called children of God.', reference: 'Matthew 5:9' },
      },
      {
        id: '2025-09-05-ukraine-putin-rejects-peace-force-p2',
        label: 'Pray',
        text: 'ask God to protect the innocent in Ukraine, especially the displaced and vulnerable, from further suffering and loss.',
        scripture: { quote: 'The LORD is a refuge for the oppressed, a stronghold in times of trouble.', reference: 'Psalm 9:9' },
      },
      {
        id: '2025-09-05-ukraine-putin-rejects-peace-force-p3',
        label: 'Pray',
        text: 'that hearts hardened by war, whether Russian or Ukrainian, would be softened, making space for reconciliation and long-term stability.',
        scripture: { quote: 'You are the light of the world. A town built on a hill cannot be hidden.', reference: 'Matthew 5:14' },
      },
    ])
  })

  it('reads the closing prayer', () => {
    expect(briefing.prayer?.title).toBe('Prayer for God’s Shield over Ukraine')
    expect(briefing.prayer?.text).toMatch(/^Lord, we lift Ukraine before You\. .* in this land\. Amen$/)
  })

  it('has no date and a date-less id without a file name', () => {
    const pasted = briefingOf(SHARED_TEXT)
    expect(pasted.date).toBeNull()
    expect(pasted.id).toBe('ukraine-putin-rejects-peace-force')
    expect(pasted.pointers[0]?.id).toBe('ukraine-putin-rejects-peace-force-p1')
  })
})

describe('parseBriefing tolerates how text arrives', () => {
  const expected = briefingOf(SHARED_TEXT, { fileName: SHARED_NAME })
  const variants: Record<string, string> = {
    'CRLF line endings': SHARED_TEXT.replace(/\n/g, '\r\n'),
    'old Mac CR line endings': SHARED_TEXT.replace(/\n/g, '\r'),
    'a byte-order mark': `\uFEFF${SHARED_TEXT}`,
    'a final newline': `${SHARED_TEXT}\n`,
    'stray spaces and tabs': SHARED_TEXT.split('\n').map((line) => `  ${line.replace(/ /g, ' \t ')}\u00a0 `).join('\n'),
    'extra blank lines': `\n\n${SHARED_TEXT.replace(/\n(?=- |Prayer )/g, '\n\n\n')}\n\n\n`,
    'a colon and spaces after the heading': SHARED_TEXT.replace('Prayer Pointers', 'Prayer Pointers :  '),
  }
  for (const [name, text] of Object.entries(variants)) {
    it(name, () => {
      expect(briefingOf(text, { fileName: SHARED_NAME })).toEqual(expected)
    })
  }
})
