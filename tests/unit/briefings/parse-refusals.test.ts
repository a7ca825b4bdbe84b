import { describe, expect, it } from 'vitest'
import { problemOf, withPointers } from './parse-helpers'

describe('parseBriefing refuses what is not a briefing, in plain words', () => {
  it('empty or blank text', () => {
    expect(problemOf('')).toEqual({ message: 'The text is empty.', line: null })
    expect(problemOf(' \n\t\r\n \uFEFF ')).toEqual({ message: 'The text is empty.', line: null })
  })

  it('binary input', () => {
    const expected = { message: 'This does not look like a text briefing.', line: null }
    expect(problemOf('PNG\u0000\u0001\u0002')).toEqual(expected)
    const noise = Array.from({ length: 4000 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('')
    expect(problemOf(noise)).toEqual(expected)
    expect(problemOf('\uFFFD\uFFFD\uFFFD\uFFFDabc')).toEqual(expected)
  })

  it('no title', () => {
    expect(problemOf('Date: 2025-09-05\n\n')).toEqual({ message: 'There is no title: the first line should be the briefing’s title.', line: 1 })
    expect(problemOf('\nPrayer Pointers\n- x').line).toBe(2)
    expect(problemOf('- Pray: for peace\nPrayer Pointers\n- x').message).toMatch(/^There is no title/)
    expect(problemOf(`${'word '.repeat(60)}\nPrayer Pointers\n- x`).message).toMatch(/^The first line is too long to be a title \(299 characters\)/)
  })

  it('no pointers heading', () => {
    expect(problemOf('A letter\n\nDear friends, please pray.\n- for peace')).toEqual({
      message: 'No prayer pointers were found: add a line \'Prayer Pointers\' followed by one \'- \' line per pointer.',
      line: null,
      code: 'no-prayer-points',
    })
  })

  it('a heading with no bullet after it', () => {
    expect(problemOf('T\n\nArticle.\nPrayer Points:\n\n')).toEqual({
      message: 'No prayer pointers follow the heading \'Prayer Points:\' on line 4: add one \'- \' line per pointer.',
      line: 4,
      code: 'no-prayer-points',
    })
    expect(problemOf('T\nPrayer Pointers\nPray for peace\nPray for rain').line).toBe(2)
    expect(problemOf('T\nPrayer Pointers\n- \n---\nPrayer for peace\nAmen').line).toBe(2)
  })

  it('a line between the heading and the first pointer', () => {
    expect(problemOf(withPointers('Please pray with us:', '- for peace'))).toEqual({
      message: 'Line 5 is under \'Prayer Pointers\' but is not a pointer: start it with \'- \', or move it above the heading.',
      line: 5,
    })
  })

  it('dates that are not real', () => {
    expect(problemOf(`Date: 2025-02-30\n${withPointers('- x')}`)).toEqual({
      message: 'The date on line 1, 2025-02-30, is not a real date. Write it as YYYY-MM-DD, for example 2025-09-05.',
      line: 1,
    })
    expect(problemOf(`Date: 5 September 2025\n${withPointers('- x')}`)).toEqual({
      message: 'The date on line 1 is not in the right form. Write it as YYYY-MM-DD, for example 2025-09-05.',
      line: 1,
    })
    expect(problemOf(withPointers('- x'), { fileName: '2025-13-01-x.txt' })).toEqual({
      message: 'The file name starts with 2025-13-01, which is not a real date. Write it as YYYY-MM-DD, for example 2025-09-05.',
      line: null,
    })
  })

  it('a Date line that disagrees with the file name', () => {
    expect(problemOf(`Date: 2025-09-06\n${withPointers('- x')}`, { fileName: '2025-09-05-x.txt' })).toEqual({
      message: 'The date on line 1 (2025-09-06) does not match the file name (2025-09-05): make them the same.',
      line: 1,
    })
  })
})
