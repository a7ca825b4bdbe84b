import { describe, expect, it } from 'vitest'
import { briefingOf, withPointers } from './parse-helpers'

describe('title and date', () => {
  it('takes the title from the first non-empty line', () => {
    expect(briefingOf(`\n\n  Sudan:   Famine Spreads  \n${withPointers('- x')}`).title).toBe('Sudan: Famine Spreads')
  })

  it('reads an optional first line "Date: YYYY-MM-DD", which is not the title', () => {
    const briefing = briefingOf(`Date: 2025-10-01\nSudan: Famine Spreads\n${withPointers('- x')}`)
    expect(briefing).toMatchObject({ title: 'Sudan: Famine Spreads', date: '2025-10-01', id: '2025-10-01-sudan-famine-spreads' })
    expect(briefingOf(`date:2025-10-01\nSudan\n${withPointers('- x')}`).date).toBe('2025-10-01')
  })

  it('also accepts the Date line right after the title', () => {
    const briefing = briefingOf(`Sudan\nDate: 2025-10-01\n\nArticle.\nPrayer Pointers\n- x`)
    expect(briefing).toMatchObject({ title: 'Sudan', date: '2025-10-01', paragraphs: ['Article.'] })
  })

  it('takes the date from a YYYY-MM-DD- file name prefix, folders ignored', () => {
    expect(briefingOf(withPointers('- x'), { fileName: 'briefings/2024-02-29-leap.txt' }).date).toBe('2024-02-29')
    expect(briefingOf(withPointers('- x'), { fileName: 'C:\\b\\2024-02-29-leap.txt' }).date).toBe('2024-02-29')
  })

  it('has no date when neither gives one', () => {
    const briefing = briefingOf(withPointers('- x'), { fileName: 'notes-2025.txt' })
    expect(briefing).toMatchObject({ date: null, id: 'title' })
  })
})

describe('paragraphs', () => {
  it('keeps one paragraph per line when no blank line separates them', () => {
    const text = 'T\n\nFirst line.\nSecond line.\nThird line.\n\nPrayer Points\n- x'
    expect(briefingOf(text).paragraphs).toEqual(['First line.', 'Second line.', 'Third line.'])
  })

  it('makes each blank-line separated block one paragraph, however many blank lines', () => {
    const text = 'T\n\nFirst line,\nsame paragraph.\n\n\n\nSecond paragraph.\nPrayer Points\n- x'
    expect(briefingOf(text).paragraphs).toEqual(['First line, same paragraph.', 'Second paragraph.'])
  })

  it('joins hard-wrapped lines of a block back into one paragraph', () => {
    const text = [
      'T', '',
      'Editors who send briefings by plain-text email find that their client',
      'wraps every line at about seventy characters, mid-sentence.',
      'A short byline',
      'Next paragraph.',
      'Prayer Pointers', '- x',
    ].join('\n')
    expect(briefingOf(text).paragraphs).toEqual([
      'Editors who send briefings by plain-text email find that their client wraps every line at about seventy characters, mid-sentence.',
      'A short byline',
      'Next paragraph.',
    ])
  })

  it('may have no article at all', () => {
    expect(briefingOf('T\nPrayer Pointers\n- x').paragraphs).toEqual([])
  })
})

describe('pointers', () => {
  it('accepts "Prayer Points" in any case, and -, *, • and numbered bullets', () => {
    const briefing = briefingOf('T\nPRAYER points\n- one\n* two\n• three\n–  four\n5. five')
    expect(briefing.pointers.map((p) => p.text)).toEqual(['one', 'two', 'three', 'four', 'five'])
    expect(briefing.pointers.map((p) => p.id)).toEqual(['t-p1', 't-p2', 't-p3', 't-p4', 't-p5'])
  })

  it('appends a continuation line to the pointer above it', () => {
    const briefing = briefingOf(withPointers('- Pray: for the church', '  in Khartoum.', '- Praise: for rain'))
    expect(briefing.pointers.map((p) => p.text)).toEqual(['for the church in Khartoum.', 'for rain'])
  })

  it('skips separator lines, empty bullets and a repeated heading', () => {
    const briefing = briefingOf(withPointers('---', '- one', '-', 'Prayer Pointers', '- two'))
    expect(briefing.pointers.map((p) => p.text)).toEqual(['one', 'two'])
  })

  it('keeps short labels ending in a colon, without the colon', () => {
    const briefing = briefingOf(withPointers('- Pray: a', '- Praise: b', '- Give thanks: c', '- Pray for the nations : d', '- No label here'))
    expect(briefing.pointers.map((p) => [p.label, p.text])).toEqual([
      ['Pray', 'a'], ['Praise', 'b'], ['Give thanks', 'c'], ['Pray for the nations', 'd'], [null, 'No label here'],
    ])
  })

  it('does not take a long phrase, a sentence or a scripture reference for a label', () => {
    const briefing = briefingOf(withPointers(
      '- Pray for all the leaders who meet: that they listen',
      '- Psalm 9:9 says the Lord is a refuge',
      '- Song of Songs 2:4: his banner over me is love',
      '- At 10:30 the talks begin',
    ))
    expect(briefing.pointers.map((p) => p.label)).toEqual([null, null, null, null])
    expect(briefing.pointers[0]?.text).toBe('Pray for all the leaders who meet: that they listen')
  })
})

describe('closing prayer', () => {
  it('is optional', () => {
    expect(briefingOf(withPointers('- x')).prayer).toBeNull()
  })

  it('starts at "A Prayer…" or "Prayer for…" in any case; paragraphs are joined by a blank line', () => {
    const text = withPointers('- x', '', 'a prayer for Sudan:', 'Father, hear us.', '', 'Amen.')
    expect(briefingOf(text).prayer).toEqual({ title: 'a prayer for Sudan', text: 'Father, hear us.\n\nAmen.' })
    expect(briefingOf(withPointers('- x', 'PRAYER FOR PEACE')).prayer).toEqual({ title: 'PRAYER FOR PEACE', text: '' })
  })

  it('keeps hard-wrapped prayer lines in one paragraph', () => {
    const text = withPointers('- x', 'Prayer for Peace', 'Lord, we bring before you every leader who will sit at the', 'table this week. Amen.')
    expect(briefingOf(text).prayer?.text).toBe('Lord, we bring before you every leader who will sit at the table this week. Amen.')
  })

  it('is not recognised before the first pointer, nor "Prayerful" or "Prayer Points" lines', () => {
    const text = withPointers('- Pray: for peace', 'Prayerful hearts are needed.')
    const briefing = briefingOf(text)
    expect(briefing.prayer).toBeNull()
    expect(briefing.pointers[0]?.text).toBe('for peace Prayerful hearts are needed.')
  })
})
