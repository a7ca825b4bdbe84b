import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { markAnswered } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { sameDayIn } from '~/db/history'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const briefing = makeBriefing()
const [p1, p2] = briefing.pointers.map(pointer => snapshotOf(briefing, pointer))
const thisYear = new Date().getFullYear()

/** Noon (local) on today's date `years` years ago: what "on this day" should find. */
function yearsAgo(years: number): string {
  const { start } = sameDayIn(thisYear - years, new Date())
  return new Date(start.getFullYear(), start.getMonth(), start.getDate(), 12).toISOString()
}

async function writtenAt(at: string, text: string) {
  const entry = await addEntry(p1!, text)
  await db.entries.update(entry.id, { createdAt: at })
}

describe('OnThisDayView', () => {
  it('says there is nothing yet, kindly, when no earlier year has this date', async () => {
    await addEntry(p1!, 'Written today.')
    const { wrapper } = await mountRoute('/on-this-day')
    await until(() => expect(wrapper.text()).toContain('Nothing from'))
    expect(wrapper.get('h1').text()).toBe('On this day')
    expect(document.title).toBe('On this day · Selah')
    expect(wrapper.find('[data-on-this-day-item]').exists()).toBe(false)
  })

  it('lists earlier years newest first, each thing linking to its pointer’s thread', async () => {
    await seedBriefing(briefing)
    await writtenAt(yearsAgo(1), 'A year ago today.')
    const dayBefore = new Date(yearsAgo(1))
    dayBefore.setDate(dayBefore.getDate() - 1)
    await writtenAt(dayBefore.toISOString(), 'The day before, a year ago.')
    const prayed = await recordPrayed(p1!)
    await db.prayed.update(prayed.id, { prayedAt: yearsAgo(3) })
    await markAnswered(p2!, 'Families together again.')
    await db.answers.update(p2!.pointerId, { answeredAt: yearsAgo(3) })
    await addEntry(p1!, 'Today: not an earlier year.')

    const { wrapper } = await mountRoute('/on-this-day')
    await until(() => expect(wrapper.findAll('li[data-on-this-day-item]')).toHaveLength(3))
    expect(wrapper.findAll('h2').map(h => h.text())).toEqual([`${thisYear - 1} · 1 year ago`, `${thisYear - 3} · 3 years ago`])
    const [recent, older] = wrapper.findAll('section')
    expect(recent!.findAll('[data-on-this-day-item]').map(item => item.text())).toEqual([expect.stringContaining('A year ago today.')])
    const olderItems = older!.findAll('[data-on-this-day-item]')
    expect(olderItems.map(item => item.attributes('data-kind')).sort()).toEqual(['answered', 'prayed'])
    const answered = olderItems.find(item => item.attributes('data-kind') === 'answered')!
    expect(answered.text()).toContain('Families together again.')
    expect(answered.get('a').attributes('href')).toBe(`/pointers/${p2!.pointerId}`)
    expect(wrapper.text()).not.toContain('The day before')
    expect(wrapper.text()).not.toContain('Today: not an earlier year.')
  })
})

describe('a year with many things on this date', () => {
  it('shows a few, words first, and the rest on request', async () => {
    const at = (hour: number) => { const day = new Date(yearsAgo(1)); day.setHours(hour); return day.toISOString() }
    for (const hour of [6, 7, 8, 9]) {
      const prayed = await recordPrayed(p1!)
      await db.prayed.update(prayed.id, { prayedAt: at(hour) })
    }
    await writtenAt(at(20), 'Written in the evening.')
    const { wrapper } = await mountRoute('/on-this-day')
    await until(() => expect(wrapper.findAll('[data-on-this-day-item]')).toHaveLength(3))
    const kinds = () => wrapper.findAll('[data-on-this-day-item]').map(item => item.attributes('data-kind'))
    expect(kinds()).toEqual(['prayed', 'prayed', 'written'])

    const more = wrapper.get('section button')
    expect(more.text()).toBe(`Show all 5 from ${thisYear - 1}`)
    expect(more.attributes('aria-expanded')).toBe('false')
    await more.trigger('click')
    expect(kinds()).toEqual(['prayed', 'prayed', 'prayed', 'prayed', 'written'])
    expect(more.attributes('aria-expanded')).toBe('true')
    expect(more.text()).toBe(`Show fewer from ${thisYear - 1}`)
  })
})

describe('the on-this-day card on the briefings view', () => {
  const cardLink = (wrapper: Awaited<ReturnType<typeof mountRoute>>['wrapper']) =>
    wrapper.findAll('a').find(a => a.text().startsWith('On this day'))

  it('appears only when there is something to show, and keeps count as things arrive', async () => {
    await seedBriefing(briefing)
    await addEntry(p1!, 'Written today.')
    const { wrapper } = await mountRoute('/briefings')
    await until(() => expect(wrapper.findAll('[data-briefing-item], li')).not.toHaveLength(0))
    expect(cardLink(wrapper)).toBeUndefined()

    await writtenAt(yearsAgo(2), 'Two years ago today.')
    await until(() => expect(cardLink(wrapper)?.text()).toBe('On this day: 1 thing from earlier years'))
    expect(cardLink(wrapper)!.attributes('href')).toBe('/on-this-day')
    await writtenAt(yearsAgo(5), 'Five years ago today.')
    await until(() => expect(cardLink(wrapper)?.text()).toBe('On this day: 2 things from earlier years'))
  })
})
