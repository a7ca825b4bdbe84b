import { describe, expect, it } from 'vitest'
import { mailDate } from '~/briefings/forwarded'
import { briefingOf, problemOf, withPointers } from './parse-helpers'

const BODY = withPointers('- Pray: for peace')

describe('a forwarded email’s header block', () => {
  it('is skipped: the title is the first line after it', () => {
    const header = [
      '---------- Forwarded message ---------',
      'From: Open Doors Prayer <prayer@opendoors.example>',
      'Date: Fri, Sep 5, 2025 at 9:14 AM',
      'Subject: Fwd: Sudan',
      'To: <prayer-chain@stmarks.example>',
      '',
    ]
    expect(briefingOf(`${header.join('\n')}\n${BODY}`)).toMatchObject({ title: 'Title', paragraphs: ['Article.'] })
  })

  it('may list its fields in any order, with blank lines, Cc: and Sent:, and no marker when Subject: is there', () => {
    const header = ['From: Voice of the Martyrs', '', 'Sent: Tuesday, October 14, 2025 8:02 AM', 'To: Prayer Chain', 'Cc: Pastor Dan', 'Subject: FW: Nigeria', '', '']
    expect(briefingOf(`${header.join('\n')}\n${BODY}`)).toMatchObject({ title: 'Title', date: '2025-10-14' })
  })

  it('may be quoted with >, and then the quoting goes from every line', () => {
    const quoted = ['Begin forwarded message:', '', 'From: Barnabas Aid', 'Subject: Syria', 'Date: 14 October 2025 at 08:02:11 BST', '', ...BODY.split('\n')]
    const briefing = briefingOf(quoted.map((line) => `> ${line}`.trimEnd()).join('\n'))
    expect(briefing).toMatchObject({ title: 'Title', paragraphs: ['Article.'], pointers: [{ label: 'Pray', text: 'for peace' }] })
    expect(briefingOf(quoted.map((line) => `>> ${line}`).join('\n')).title).toBe('Title')
  })

  it('drops the forwarder’s note above the marker, and keeps the lines numbered as pasted', () => {
    const lines = ['Hi all, this week’s points below.', '', '-----Original Message-----', '> From: a@b.example', '> Subject: x', '> Title']
    expect(briefingOf([...lines, '> Prayer Pointers', '> - ok'].join('\n'))).toMatchObject({ title: 'Title', paragraphs: [] })
    expect(problemOf([...lines, '> Date: 2025-02-30', '> Prayer Pointers', '> - ok'].join('\n')).line).toBe(7)
  })

  it('is not a briefing’s own Date: line, nor a title that starts with a field name', () => {
    expect(briefingOf(`Date: 2025-10-01\n${BODY}`)).toMatchObject({ title: 'Title', date: '2025-10-01' })
    expect(briefingOf(`Date: 2025-10-01\nFrom: Kyiv, with hope\n\nArticle.\nPrayer Points\n- x`).title).toBe('From: Kyiv, with hope')
    expect(briefingOf(`To: the church in Sudan\n\nArticle.\nPrayer Points\n- x`).title).toBe('To: the church in Sudan')
  })
})

describe('the date of a forwarded email', () => {
  const header = (date: string) => `---------- Forwarded message ---------\nFrom: x\nDate: ${date}\nSubject: y\n\n${BODY}`

  it('is the briefing’s date when nothing else gives one', () => {
    expect(briefingOf(header('Fri, Sep 5, 2025 at 9:14 AM'))).toMatchObject({ date: '2025-09-05', id: '2025-09-05-title' })
  })

  it('gives way to the file name, even when they differ, and to the editor’s own Date: line', () => {
    expect(briefingOf(header('Fri, Sep 5, 2025 at 9:14 AM'), { fileName: '2025-09-06-x.txt' }).date).toBe('2025-09-06')
    expect(briefingOf(header('Fri, Sep 5, 2025').replace('\nTitle\n', '\nTitle\nDate: 2025-09-07\n')).date).toBe('2025-09-07')
  })

  it('is no date, and no problem, when it cannot be read for sure', () => {
    expect(briefingOf(header('05/09/2025 09:14')).date).toBeNull()
    expect(briefingOf(header('Feb 30, 2025')).date).toBeNull()
  })

  it('reads the forms mail clients write, as written, without time zones', () => {
    const cases: [string, string | null][] = [
      ['Fri, Sep 5, 2025 at 9:14 AM', '2025-09-05'],
      ['Tuesday, October 14, 2025 8:02 AM', '2025-10-14'],
      ['14 October 2025 at 08:02:11 BST', '2025-10-14'],
      ['Fri, 5 Sep 2025 23:59:00 -0800', '2025-09-05'],
      ['Sunday, 2nd November 2025', '2025-11-02'],
      ['Sept. 30, 2025', '2025-09-30'],
      ['2025-12-24 10:00', '2025-12-24'],
      ['9/5/2025', null],
      ['yesterday', null],
    ]
    for (const [value, date] of cases) expect(mailDate(value), value).toBe(date)
  })
})
