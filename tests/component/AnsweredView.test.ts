import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { howLongItTook } from '~/components/answered/how-long'
import { db } from '~/db'
import { markAnswered } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import type { AnsweredNote } from '~/db/types'
import { button, makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const items = (wrapper: { findAll: (selector: string) => { text: () => string }[] }) => wrapper.findAll('[data-answered-item]')

/** happy-dom lays nothing out: give every list row a height, so the virtual list has a window to fill. */
function rowsAreTall(px: number) {
  const spy = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-index') ? px : 0
  })
  onTestFinished(() => spy.mockRestore())
}

describe('AnsweredView', () => {
  it('lists answered prayers with their note, date, pointer and thread, or says there are none', async () => {
    const empty = await mountRoute('/answered')
    await until(() => expect(empty.wrapper.text()).toContain('No answered prayers yet.'))
    expect(empty.wrapper.get('h1').text()).toBe('Answered prayers')
    expect(document.title).toBe('Answered prayers · Selah')
    expect(empty.wrapper.find('h2').exists()).toBe(false)
    empty.wrapper.unmount()

    const briefing = await seedBriefing()
    await markAnswered(snapshotOf(briefing, briefing.pointers[0]!), 'Talks resumed.')
    await markAnswered(snapshotOf(briefing, briefing.pointers[1]!), '')
    const { wrapper } = await mountRoute('/answered')
    await until(() => expect(items(wrapper)).toHaveLength(2))
    const [latest, older] = wrapper.findAll('[data-answered-item]')
    expect(latest!.element.tagName).toBe('LI')
    expect(latest!.element.parentElement!.tagName).toBe('OL')
    expect(latest!.text()).toContain('No note written.')
    expect(older!.text()).toContain('Talks resumed.')
    expect(older!.text()).toMatch(/Answered on /)
    expect(older!.get('a').attributes('href')).toBe('/briefings/2025-09-05-peace-in-ukraine#2025-09-05-peace-in-ukraine-p1')
    const thread = older!.findAll('a').find(link => link.text() === 'All you prayed and wrote about it')
    expect(thread?.attributes('href')).toBe('/pointers/2025-09-05-peace-in-ukraine-p1')
    // Nothing was prayed or written before these answers: no "how long".
    expect(older!.text()).not.toContain('after you first prayed')
  })

  it('says how long each prayer took, and follows a new answer at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    onTestFinished(() => { vi.useRealTimers() })
    const briefing = await seedBriefing()
    const [leaders, families] = briefing.pointers.map(pointer => snapshotOf(briefing, pointer))
    vi.setSystemTime(new Date('2025-01-05T10:00:00Z'))
    await recordPrayed(leaders!)
    vi.setSystemTime(new Date('2025-01-20T10:00:00Z'))
    await addEntry(families!, 'for the families')
    vi.setSystemTime(new Date('2025-04-10T10:00:00Z'))
    await markAnswered(leaders!, 'A ceasefire.')

    const { wrapper } = await mountRoute('/answered')
    await until(() => expect(items(wrapper)).toHaveLength(1))
    expect(items(wrapper)[0]!.text()).toContain('Answered 3 months after you first prayed.')

    vi.setSystemTime(new Date('2025-02-03T10:00:00Z'))
    await markAnswered(families!, 'They are home.')
    await until(() => expect(items(wrapper)).toHaveLength(2))
    expect(items(wrapper)[1]!.text()).toContain('Answered 2 weeks after you first prayed.')
  })

  it('counts answers by year, and by month of the year chosen', async () => {
    const briefing = makeBriefing()
    const base = snapshotOf(briefing, briefing.pointers[0]!)
    const answered = (id: string, year: number, month: number): AnsweredNote => {
      const at = new Date(year, month - 1, 15, 12).toISOString()
      return { ...base, pointerId: id, note: id, answeredAt: at, editedAt: at }
    }
    await db.answers.bulkPut([answered('a', 2023, 3), answered('b', 2025, 1), answered('c', 2025, 1), answered('d', 2025, 7)])
    const { wrapper } = await mountRoute('/answered')
    await until(() => expect(wrapper.find('h2').text()).toBe('Answered over time'))
    await until(() => expect(wrapper.get('h3').text()).toBe('2025, month by month'))
    const section = wrapper.get('section')
    expect(section.text()).toContain('4 prayers answered since 2023.')
    const years = section.findAll('button')
    expect(years.map(year => year.text())).toEqual(['2025: 3', '2024: 0', '2023: 1'])
    expect(years[0]!.attributes('aria-pressed')).toBe('true')
    const months = () => section.findAll('ol li').map(month => `${month.get('.visually-hidden').text()} ${month.get('strong').text()}`)
    expect(months()).toHaveLength(12)
    expect(months()[0]).toBe('January: 2')
    expect(months()[6]).toBe('July: 1')

    await button(section, '2023: 1').trigger('click')
    await until(() => expect(wrapper.get('h3').text()).toBe('2023, month by month'))
    expect(button(section, '2023: 1').attributes('aria-pressed')).toBe('true')
    await until(() => expect(months()[2]).toBe('March: 1'))
  })

  it('keeps a few screens of a long list in the page, and reads more as the reader scrolls', async () => {
    rowsAreTall(200)
    const briefing = makeBriefing()
    const base = snapshotOf(briefing, briefing.pointers[0]!)
    await db.answers.bulkPut(Array.from({ length: 300 }, (_, i) => {
      const at = new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString()
      return { ...base, pointerId: `p${String(i).padStart(3, '0')}`, note: `note ${i}`, answeredAt: at, editedAt: at }
    }))
    const { wrapper } = await mountRoute('/answered')
    await until(() => expect(items(wrapper).length).toBeGreaterThan(0))
    // A 768 px window of 200 px rows: the rows in view and a few beyond, not 300.
    expect(items(wrapper).length).toBeLessThan(15)
    expect(items(wrapper)[0]!.text()).toContain('note 299')

    window.scrollTo({ top: 200 * 100 })
    window.dispatchEvent(new Event('scroll'))
    // Row 100 (note 199) and its neighbours: the pages down to it were read on the way.
    await until(() => expect(wrapper.text()).toMatch(/note 19\d/))
    expect(wrapper.text()).not.toContain('note 299')
    expect(items(wrapper).length).toBeLessThan(15)
    window.scrollTo({ top: 0 })
  })
})

describe('howLongItTook', () => {
  const took = (from: string | null, to: string) => howLongItTook(from && new Date(from).toISOString(), new Date(to).toISOString())

  it('says it in the plainest unit, or nothing when nothing came before the answer', () => {
    expect(took(null, '2025-01-01T10:00')).toBeNull()
    expect(took('2025-01-02T10:00', '2025-01-01T10:00')).toBeNull()
    expect(took('2025-01-01T08:00', '2025-01-01T20:00')).toBe('Answered the same day you first prayed')
    expect(took('2025-01-01T23:00', '2025-01-02T01:00')).toBe('Answered the day after you first prayed')
    expect(took('2025-01-01T10:00', '2025-01-06T10:00')).toBe('Answered 5 days after you first prayed')
    expect(took('2025-01-01T10:00', '2025-02-05T10:00')).toBe('Answered 5 weeks after you first prayed')
    expect(took('2025-01-31T10:00', '2025-04-30T10:00')).toBe('Answered 2 months after you first prayed')
    expect(took('2024-03-05T10:00', '2025-03-05T10:00')).toBe('Answered 12 months after you first prayed')
    expect(took('2022-03-05T10:00', '2025-03-05T10:00')).toBe('Answered 3 years after you first prayed')
    expect(took('2020-01-10T10:00', '2025-02-10T10:00')).toBe('Answered 5 years and 1 month after you first prayed')
  })
})
