import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { exportPrayerBook, prayerBookMarkdown } from '~/backup/markdown'
import { UserFacingError } from '~/db/errors'
import { useFreshDatabase } from '../db/helpers'
import { entry, fillDatabase, requestJournal, sampleData, sampleRequests, ukraine } from './fixtures'

const NOW = new Date('2026-11-26T12:00:00.000Z')
const long = (iso: string) => new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso))
const month = (iso: string) => new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(new Date(iso))

function book(range = {}, data = sampleData()) {
  return prayerBookMarkdown(data, range, NOW)
}

describe('prayerBookMarkdown', () => {
  it('reads like a book: title, range, months oldest first, each entry with its pointer', () => {
    const text = book()
    const lines = text.split('\n')
    expect(lines[0]).toBe('# Prayer book')
    expect(text).toContain(`Everything in the journal, up to ${long(NOW.toISOString())}.`)
    const months = lines.filter(line => line.startsWith('## '))
    expect(months).toEqual([`## ${month('2025-09-06')}`, `## ${month('2025-10-15')}`, `## ${month('2025-11-03')}`])
    expect(text).toContain(`### ${long('2025-09-06T09:10:00.000Z')}: Peace in Ukraine\n\n**Pray:** for the leaders to seek peace. (Matthew 5:9)\n\nLord, soften hearts in Kyiv and Moscow.\n\nAmen. 🕊️\n`)
    expect(text).toContain('**Give thanks:** for aid workers who stay. And for the churches of Port Sudan. (Matthew 25:35)')
    expect(text).toContain('Thank you for the nurses.  \nKeep them safe.')
    expect(text.indexOf('Kyiv')).toBeLessThan(text.indexOf('nurses'))
    expect(text.indexOf('nurses')).toBeLessThan(text.indexOf('not bold'))
  })

  it('puts an answered note under its pointer, and one without words too', () => {
    const text = book()
    const families = text.indexOf('Für die Familien')
    const answered = text.indexOf(`**Answered on ${long('2025-11-20T10:00:00.000Z')}:** A family in our church was reunited in Lviv! 🎉  \nPraise God.`)
    expect(answered).toBeGreaterThan(families)
    expect(answered).toBeLessThan(text.indexOf('## ', families))
    expect(text).toContain(`for the children — أطفال السودان\n\n**Answered on ${long('2025-11-21T10:00:00.000Z')}.**`)
  })

  it('says how often the person prayed for a pointer that month', () => {
    expect(book()).toContain('*Prayed for this 2 times this month.*')
  })

  it('escapes whatever a person wrote, so it never becomes Markdown or HTML', () => {
    const data = sampleData()
    const hostile = [
      '# Not a heading', '1. not a list', '- not a bullet', '> not a quote', '=====',
      '<script>alert(1)</script> <img src=x onerror=alert(1)>',
      '[a link](https://example.com) ![an image](x.png) **bold** _em_ `code` | pipe ~~gone~~ &lt; \\',
    ].join('\n')
    data.entries = [entry(ukraine, 0, 'hostile', hostile, '2025-09-06T09:10:00.000Z')]
    data.briefings[0]!.title = '<b>Title</b> # *1*'
    data.entries[0]!.briefingTitle = '<b>Title</b> # *1*'
    data.answers = []
    const text = book({}, data)
    expect(text).toContain('### ' + long('2025-09-06T09:10:00.000Z') + ': \\<b\\>Title\\</b\\> \\# \\*1\\*\n')
    expect(text).toContain([
      '\\# Not a heading  ', '1\\. not a list  ', '\\- not a bullet  ', '\\> not a quote  ', '\\=====  ',
      '\\<script\\>alert(1)\\</script\\> \\<img src=x onerror=alert(1)\\>  ',
      '\\[a link\\](https://example.com) !\\[an image\\](x.png) \\*\\*bold\\*\\* \\_em\\_ \\`code\\` \\| pipe \\~\\~gone\\~\\~ \\&lt; \\\\',
    ].join('\n'))
    // No line of the person's words starts markup: every < is escaped.
    expect(text).not.toMatch(/(^|[^\\])</m)
  })

  it('keeps to the chosen dates, inclusive at both ends', () => {
    const text = book({ from: '2025-09-07', to: '2025-10-15' })
    expect(text).toContain(`From ${long('2025-09-07T12:00:00Z')} to ${long('2025-10-15T12:00:00Z')}.`)
    expect(text).not.toContain('Kyiv')
    expect(text).toContain('Für die Familien')
    expect(text).toContain('nurses')
    expect(text).not.toContain('not bold')
    // Answered in November, after the range.
    expect(text).not.toContain('Lviv')
  })

  it('says so when nothing was written in the dates', () => {
    const text = book({ from: '2030-01-01' })
    expect(text).toContain('Nothing was written in these dates.')
    expect(text).not.toContain('## ')
  })

  it('describes a range open at one end', () => {
    expect(book({ to: '2025-10-01' })).toContain(`Everything up to ${long('2025-10-01T12:00:00Z')}.`)
    expect(book({ from: '2025-10-01' })).toContain(`From ${long('2025-10-01T12:00:00Z')} to ${long(NOW.toISOString())}.`)
  })
})

describe('the My prayers part', () => {
  it('ends the book with each list and its requests, active then archived, with scripture and notes', () => {
    const text = book({}, requestJournal())
    expect(text.slice(text.indexOf('## My prayers'))).toBe([
      '## My prayers',
      '',
      `Your own prayer requests, list by list, as they stood on ${long(NOW.toISOString())}.`,
      '',
      '### Family',
      '',
      '**Healing for Aunt Miriam after her operation**',
      '',
      '*“God is our refuge and strength, a very present help in trouble.” (Psalm 46:1)*',
      '',
      'Surgery on Tuesday; Uncle Ben driving her.',
      '',
      `*Added on ${long('2026-12-01T08:02:00.000Z')}.*`,
      '',
      '**A job for Sam**',
      '',
      '*Philippians 4:6*',
      '',
      'Interviews in November.',
      '',
      `*Added on ${long('2026-12-01T08:04:00.000Z')}; archived on ${long('2026-12-02T18:00:00.000Z')}.*`,
      '',
      '### Church',
      '',
      '**Wisdom for the youth leaders’ weekend**',
      '',
      `*Added on ${long('2026-12-01T08:03:00.000Z')}.*`,
      '',
    ].join('\n'))
    // Their records are in the months, with the words they were written under (before the move).
    expect(text).toContain('### ' + long('2026-12-01T21:00:00.000Z') + ': My prayers: Family\n\nThe youth weekend\n\nFourteen signed up.')
    expect(text.indexOf(`## ${month('2026-12-01T20:15:00.000Z')}`)).toBeLessThan(text.indexOf('## My prayers'))
  })

  it('is left out when there are no requests, so such a book is exactly what it was before lists', () => {
    const withEmptyList = { ...sampleData(), prayerLists: sampleRequests().prayerLists, requests: [] }
    for (const range of [{}, { from: '2025-09-07', to: '2025-10-15' }, { from: '2030-01-01' }]) {
      expect(book(range, withEmptyList)).toBe(book(range))
      expect(book(range)).not.toContain('My prayers')
    }
    const one = { briefings: [], entries: [entry(ukraine, 0, 'only', 'Amen.', '2025-09-06T09:10:00.000Z')], answers: [], prayed: [] }
    expect(book({}, one)).toBe([
      '# Prayer book',
      '',
      `Everything in the journal, up to ${long(NOW.toISOString())}.`,
      '',
      `Made with Selah on ${long(NOW.toISOString())}.`,
      '',
      `## ${month('2025-09-06T09:10:00.000Z')}`,
      '',
      `### ${long('2025-09-06T09:10:00.000Z')}: Peace in Ukraine`,
      '',
      '**Pray:** for the leaders to seek peace. (Matthew 5:9)',
      '',
      'Amen.',
      '',
    ].join('\n'))
  })

  it('holds the requests kept at some time in the dates: added by their end, not archived before their start', () => {
    const data = { ...sampleData(), ...sampleRequests() }
    expect(book({ to: '2026-11-30' }, data)).not.toContain('My prayers')
    const after = book({ from: '2026-12-03' }, data)
    expect(after).toContain('Healing for Aunt Miriam')
    expect(after).not.toContain('A job for Sam')
    expect(book({ from: '2026-12-02', to: '2026-12-02' }, data)).toContain('A job for Sam')
  })

  it('escapes the words of lists and requests like every other word', () => {
    const data = { ...sampleData(), ...sampleRequests() }
    data.prayerLists[0]!.name = '# <b>Family</b>'
    data.requests[0] = { ...data.requests[0]!, text: '**loud** <img src=x>\nand more', notes: '1. not a list\n> not a quote', scripture: { quote: '*all*', reference: '[Ps](x) 46' } }
    const text = book({}, data)
    expect(text).toContain('### \\# \\<b\\>Family\\</b\\>\n')
    expect(text).toContain('**\\*\\*loud\\*\\* \\<img src=x\\> and more**')
    expect(text).toContain('*“\\*all\\*” (\\[Ps\\](x) 46)*')
    expect(text).toContain('1\\. not a list  \n\\> not a quote')
    expect(text).not.toMatch(/(^|[^\\])</m)
  })
})

describe('exportPrayerBook', () => {
  useFreshDatabase()
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
  })
  afterEach(() => vi.useRealTimers())

  it('names the file after the range and counts entries and answered notes', async () => {
    await fillDatabase()
    expect(await exportPrayerBook()).toMatchObject({ fileName: 'selah-prayer-book.md', count: 6, requests: 3 })
    const ranged = await exportPrayerBook({ from: '2025-09-07', to: '2025-10-15' })
    expect(ranged.fileName).toBe('selah-prayer-book-2025-09-07-2025-10-15.md')
    expect(ranged.count).toBe(2)
    expect(ranged.requests).toBe(0)
    expect(ranged.text).toBe(book({ from: '2025-09-07', to: '2025-10-15' }))
    expect((await exportPrayerBook({ from: '', to: '2025-09-06' })).fileName).toBe('selah-prayer-book-2025-09-06.md')
  })

  it('reads the person\'s own lists and requests with the records', async () => {
    await fillDatabase(requestJournal())
    const { text, count, requests } = await exportPrayerBook()
    expect({ count, requests }).toEqual({ count: 9, requests: 3 })
    expect(text).toBe(book({}, requestJournal()))
  })

  it('refuses dates out of order in plain words', async () => {
    const error = await exportPrayerBook({ from: '2025-10-01', to: '2025-09-01' }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(UserFacingError)
    expect((error as Error).message).toBe('The “From” date is after the “To” date. Choose dates in order.')
  })
})
