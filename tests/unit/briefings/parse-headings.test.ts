import { describe, expect, it } from 'vitest'
import { briefingOf, problemOf, withPointers } from './parse-helpers'

const textsOf = (text: string) => briefingOf(text).pointers.map((p) => p.text)

describe('prayer points headings', () => {
  const headings = ['How to pray', 'Prayer Requests:', 'Pray for:', 'Points for prayer', 'HOW TO PRAY:', 'prayer requests', '## Pray for', '**Points for Prayer:**', '*How to pray*', '_Prayer requests:_']
  for (const heading of headings) {
    it(`"${heading}" starts the prayer points`, () => {
      const briefing = briefingOf(`Title\n\nArticle.\n${heading}\n- one\n- two`)
      expect(briefing).toMatchObject({ paragraphs: ['Article.'], pointers: [{ text: 'one' }, { text: 'two' }] })
    })
  }

  it('is a whole line: a sentence that starts with the words stays in the article', () => {
    const briefing = briefingOf('Title\nPray for the city, its mayor said.\nHow to pray\n- one')
    expect(briefing.paragraphs).toEqual(['Pray for the city, its mayor said.'])
  })
})

describe('numbered points', () => {
  it('accepts 1. and 1) numbering', () => {
    expect(textsOf(withPointers('1) one', '2) two', '10) ten'))).toEqual(['one', 'two', 'ten'])
    expect(textsOf(withPointers('1. one', '2. two'))).toEqual(['one', 'two'])
  })

  it('lets a numbered point wrap over several lines', () => {
    const briefing = briefingOf(withPointers('1) Pray: for the families who fled', '   Goma this week, and for the', '   churches taking them in.', '2) Give thanks: for rain.'))
    expect(briefing.pointers.map((p) => [p.label, p.text])).toEqual([
      ['Pray', 'for the families who fled Goma this week, and for the churches taking them in.'],
      ['Give thanks', 'for rain.'],
    ])
  })

  it('does not take a number inside a wrapped line for a new point', () => {
    expect(textsOf(withPointers('1) for the 2,000 families', '2025 was harder still.'))).toEqual(['for the 2,000 families 2025 was harder still.'])
  })
})

describe('closing prayer headings', () => {
  const cases: [string[], { title: string, text: string }][] = [
    [['Closing Prayer', 'Lord, hear us.'], { title: 'Closing Prayer', text: 'Lord, hear us.' }],
    [['CLOSING PRAYER:', 'Lord, hear us.'], { title: 'CLOSING PRAYER', text: 'Lord, hear us.' }],
    [['Let us pray', 'Lord, hear us.', '', 'Amen.'], { title: 'Let us pray', text: 'Lord, hear us.\n\nAmen.' }],
    [['Let us pray: Lord, hear us.'], { title: 'Let us pray', text: 'Lord, hear us.' }],
    [['**Let us pray.**', 'Lord, hear us.'], { title: 'Let us pray', text: 'Lord, hear us.' }],
    [['*Closing Prayer*', 'Lord, hear us.'], { title: 'Closing Prayer', text: 'Lord, hear us.' }],
    [['A prayer for the people of Gaza', 'Lord, hear us.'], { title: 'A prayer for the people of Gaza', text: 'Lord, hear us.' }],
    [['Closing prayer for Gaza:', 'Lord, hear us.'], { title: 'Closing prayer for Gaza', text: 'Lord, hear us.' }],
  ]
  for (const [lines, prayer] of cases) {
    it(`"${lines[0]}"`, () => {
      const briefing = briefingOf(withPointers('- x', ...lines))
      expect(briefing.prayer).toEqual(prayer)
      expect(briefing.pointers.map((p) => p.text)).toEqual(['x'])
    })
  }

  it('is not a sentence that only starts like one', () => {
    const briefing = briefingOf(withPointers('- for peace', 'Let us pray without ceasing.'))
    expect(briefing).toMatchObject({ prayer: null, pointers: [{ text: 'for peace Let us pray without ceasing.' }] })
  })
})

describe('a text without prayer points is refused with the code the paste screen offers ticking for', () => {
  it('when there is no heading', () => {
    expect(problemOf('A letter\n\nDear friends, please pray.\n1. for peace')).toMatchObject({ code: 'no-prayer-points', line: null })
  })

  it('when no point follows the heading', () => {
    expect(problemOf('T\nHow to pray:\nFor peace in the city.\nFor the mayor.')).toMatchObject({ code: 'no-prayer-points', line: 2 })
  })

  it('but not for other problems', () => {
    for (const text of ['', 'Date: 2025-02-30\nT\nPrayer Points\n- x', withPointers('Please pray:', '- x'), '- x\nPrayer Points\n- y']) {
      expect(problemOf(text)).not.toHaveProperty('code')
    }
    expect(problemOf(withPointers('- x'), { fileName: '2025-13-01-x.txt' })).not.toHaveProperty('code')
  })
})
