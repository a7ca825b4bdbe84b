import { describe, expect, it } from 'vitest'
import { briefingOf, withPointers } from './parse-helpers'

const pointerOf = (line: string) => briefingOf(withPointers(line)).pointers[0]

describe('scripture in a pointer', () => {
  const cases: [string, string, string, string][] = [
    // line, expected text, quote, reference
    ['- Pray: for rest. “Cast all your anxiety on him because he cares for you.” 1 Peter 5:7', 'for rest.', 'Cast all your anxiety on him because he cares for you.', '1 Peter 5:7'],
    ['- Pray: for justice. "Is not this the kind of fasting I have chosen" Isaiah 58:6-7.', 'for justice.', 'Is not this the kind of fasting I have chosen', 'Isaiah 58:6-7'],
    ['- Give thanks: for love. “His banner over me is love.” Song of Songs 2:4;', 'for love.', 'His banner over me is love.', 'Song of Songs 2:4'],
    ['- Pray: (Matthew 5:9) “Blessed are the peacemakers.” for the talks', 'for the talks', 'Blessed are the peacemakers.', 'Matthew 5:9'],
    ['- Pray: for the talks (Psalm 9:9): "The LORD is a refuge."', 'for the talks', 'The LORD is a refuge.', 'Psalm 9:9'],
    ['- Pray: for the weary. “The LORD is my shepherd.” — Psalm 23', 'for the weary.', 'The LORD is my shepherd.', 'Psalm 23'],
    ['- Pray: “Come to me.” (Matt. 11:28 NIV). Then rest.', 'Then rest.', 'Come to me.', 'Matt. 11:28 NIV'],
    ['- Praise: “Come to me.” Matthew 11:28 (ESV)', '', 'Come to me.', 'Matthew 11:28 (ESV)'],
    ['- Pray: for courage. “Be strong.” John 3:16–4:2, 5', 'for courage.', 'Be strong.', 'John 3:16–4:2, 5'],
    // A dash before the reference, as editors and mail clients write one.
    ['- Pray: for refuge. “God is our refuge and strength.” — Psalm 46:1', 'for refuge.', 'God is our refuge and strength.', 'Psalm 46:1'],
    ['- Pray: for refuge. “God is our refuge and strength.” – Psalm 46:1', 'for refuge.', 'God is our refuge and strength.', 'Psalm 46:1'],
    ['- Pray: for refuge. "God is our refuge and strength." - Psalm 46:1', 'for refuge.', 'God is our refuge and strength.', 'Psalm 46:1'],
    ['- Pray: for refuge. "God is our refuge and strength." -- Psalm 46:1-3', 'for refuge.', 'God is our refuge and strength.', 'Psalm 46:1-3'],
    ['- Pray: for refuge. “God is our refuge and strength”.—Psalm 46:1.', 'for refuge.', 'God is our refuge and strength', 'Psalm 46:1'],
  ]
  for (const [line, text, quote, reference] of cases) {
    it(reference, () => {
      expect(pointerOf(line)).toMatchObject({ text, scripture: { quote, reference } })
    })
  }

  it('may be a reference alone at the end of the pointer, in brackets or after a dash: its quote is empty', () => {
    const cases: [string, string, string][] = [
      ['- Pray: for the families sheltering in Goma (Psalm 46:1)', 'for the families sheltering in Goma', 'Psalm 46:1'],
      ['- Pray: for the families sheltering in Goma. (Psalm 46:1).', 'for the families sheltering in Goma.', 'Psalm 46:1'],
      ['1) Give thanks: for the aid convoy (Isaiah 58:6-7 NIV)', 'for the aid convoy', 'Isaiah 58:6-7 NIV'],
      ['- Pray: for the families sheltering in Goma — Psalm 46:1', 'for the families sheltering in Goma', 'Psalm 46:1'],
      ['- Pray: for well-being in Goma - 1 Peter 5:7', 'for well-being in Goma', '1 Peter 5:7'],
      ['- Pray: for the families sheltering in Goma -- Psalm 23', 'for the families sheltering in Goma', 'Psalm 23'],
    ]
    for (const [line, text, reference] of cases) {
      expect(pointerOf(line), line).toMatchObject({ text, scripture: { quote: '', reference } })
    }
  })

  it('takes a reference alone only at the very end, and only a real one', () => {
    expect(pointerOf('- Pray: as Psalm 46:1 says, for refuge')?.scripture).toBeNull()
    expect(pointerOf('- Pray: (Psalm 46:1) for refuge')?.scripture).toBeNull()
    expect(pointerOf('- Pray: for the talks (Article 5)')?.scripture).toBeNull()
    expect(pointerOf('- Pray: for the 2025-2026 season')?.scripture).toBeNull()
    expect(pointerOf('- Pray: for peace - at 10:30 today')?.scripture).toBeNull()
    expect(pointerOf('- Pray: for peace (see Psalm 46:1)')?.scripture).toBeNull()
  })

  it('prefers a quote with its reference to a reference alone', () => {
    expect(pointerOf('- Pray: “Be still.” Psalm 46:10 (Psalm 46:1)')).toMatchObject({
      text: '(Psalm 46:1)', scripture: { quote: 'Be still.', reference: 'Psalm 46:10' },
    })
    expect(pointerOf('- Pray: that the “reassurance force” holds (Psalm 46:1)')).toMatchObject({
      text: 'that the “reassurance force” holds', scripture: { quote: '', reference: 'Psalm 46:1' },
    })
  })

  it('is optional', () => {
    expect(pointerOf('- Pray: for the harvest.')).toMatchObject({ text: 'for the harvest.', scripture: null })
  })

  it('leaves a quote that no reference follows in the text', () => {
    expect(pointerOf('- Pray: that the “reassurance force” brings peace')).toMatchObject({
      text: 'that the “reassurance force” brings peace', scripture: null,
    })
    expect(pointerOf('- Pray: for “Article 5” talks and "Chapter 11" firms')?.scripture).toBeNull()
  })

  it('takes the first quote that a reference follows, leaving earlier quotes in the text', () => {
    expect(pointerOf('- Pray: that “peace” holds. “Blessed are the meek.” Matthew 5:5')).toMatchObject({
      text: 'that “peace” holds.', scripture: { quote: 'Blessed are the meek.', reference: 'Matthew 5:5' },
    })
  })

  it('does not take an empty quote or an unclosed quote', () => {
    expect(pointerOf('- Pray: “” Matthew 5:9')?.scripture).toBeNull()
    expect(pointerOf('- Pray: “Blessed are Matthew 5:9')?.scripture).toBeNull()
  })
})
