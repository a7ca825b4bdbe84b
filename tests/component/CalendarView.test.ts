import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { makeBriefing, mountRoute, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const briefing = makeBriefing()
const pointer = snapshotOf(briefing, briefing.pointers[0]!)
const dayName = (year: number, month: number, day: number) =>
  new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(year, month - 1, day))
const monthName = (year: number, month: number) =>
  new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' }).format(new Date(year, month - 1, 1))

async function prayedOn(year: number, month: number, day: number, hour = 9) {
  const record = await recordPrayed(pointer)
  await db.prayed.update(record.id, { prayedAt: new Date(year, month - 1, day, hour).toISOString() })
}
async function writtenOn(year: number, month: number, day: number, hour = 21) {
  const entry = await addEntry(pointer, 'words')
  await db.entries.update(entry.id, { createdAt: new Date(year, month - 1, day, hour).toISOString() })
}

describe('CalendarView', () => {
  it('shows a month as a table of weeks, each marked day a link to that day in the journal', async () => {
    await prayedOn(2026, 12, 3)
    await writtenOn(2026, 12, 3)
    await writtenOn(2026, 12, 20, 23)
    await prayedOn(2026, 11, 30)
    const { wrapper } = await mountRoute('/calendar?month=2026-12')
    await until(() => expect(wrapper.findAll('td a')).toHaveLength(2))

    expect(wrapper.get('h1').text()).toBe('Days prayed')
    const table = wrapper.get('table')
    expect(table.get('caption').text()).toBe(monthName(2026, 12))
    expect(table.findAll('thead th[scope="col"]')).toHaveLength(7)
    const names = table.findAll('thead th .visually-hidden').map(th => th.text())
    expect(new Set(names).size).toBe(7)
    expect(table.findAll('tbody tr').every(row => row.findAll('td').length === 7)).toBe(true)
    expect(table.findAll('tbody td .day')).toHaveLength(31)

    const [third, twentieth] = table.findAll('td a')
    expect(third!.attributes('aria-label')).toBe(`${dayName(2026, 12, 3)}, prayed and written`)
    expect(third!.attributes('href')).toBe('/journal?from=2026-12-03&to=2026-12-03')
    expect(twentieth!.attributes('aria-label')).toBe(`${dayName(2026, 12, 20)}, written`)
    expect(table.text()).toContain(dayName(2026, 12, 4))
    expect(document.title).toBe(`Days prayed: ${monthName(2026, 12)} · Selah`)

    const steps = wrapper.get('nav[aria-label="Months"]').findAll('a')
    expect(steps.map(a => a.attributes('href'))).toEqual(['/calendar?month=2026-11', '/calendar?year=2026', '/calendar?month=2027-01'])
  })

  it('keeps quiet: no counts, no streaks, nothing in the colours of a warning', async () => {
    await prayedOn(2026, 12, 3)
    const { wrapper } = await mountRoute('/calendar?month=2026-12')
    await until(() => expect(wrapper.findAll('td a')).toHaveLength(1))
    expect(wrapper.text()).not.toMatch(/streak|missed|\bin a row\b/i)
    expect(wrapper.find('.alert, .danger').exists()).toBe(false)
  })

  it('opens on this month by default, with today marked as the current date', async () => {
    const now = new Date()
    const { wrapper } = await mountRoute('/calendar')
    expect(wrapper.get('caption').text()).toBe(monthName(now.getFullYear(), now.getMonth() + 1))
    expect(wrapper.get('[aria-current="date"]').text()).toContain(dayName(now.getFullYear(), now.getMonth() + 1, now.getDate()))
    const invalid = await mountRoute('/calendar?month=2026-13')
    expect(invalid.wrapper.get('caption').text()).toBe(monthName(now.getFullYear(), now.getMonth() + 1))
  })

  it('shows a year as twelve small months that open the month, marking the days without making each a link', async () => {
    await prayedOn(2026, 2, 14)
    await writtenOn(2026, 7, 1)
    await writtenOn(2027, 1, 1)
    const { wrapper } = await mountRoute('/calendar?year=2026')
    await until(() => expect(wrapper.findAll('td .mark')).toHaveLength(2))

    const tables = wrapper.findAll('table')
    expect(tables).toHaveLength(12)
    expect(tables[0]!.get('caption a').attributes('href')).toBe('/calendar?month=2026-01')
    expect(tables[11]!.get('caption').text()).toBe(monthName(2026, 12))
    expect(wrapper.findAll('td a')).toHaveLength(0)
    expect(tables[1]!.text()).toContain(`${dayName(2026, 2, 14)}, prayed`)
    expect(tables[6]!.text()).toContain(`${dayName(2026, 7, 1)}, written`)
    expect(document.title).toBe('Days prayed: 2026 · Selah')
    const steps = wrapper.get('nav[aria-label="Years"]').findAll('a')
    expect(steps.map(a => a.attributes('href'))).toEqual(['/calendar?year=2025', '/calendar', '/calendar?year=2027'])
  })
})
