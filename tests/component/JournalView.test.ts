import { describe, expect, it } from 'vitest'
import { addEntry } from '~/db/entries'
import { db } from '~/db'
import { snapshotOf } from '~/db/snapshot'
import { mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

describe('JournalView', () => {
  it('has a plain empty state with a way forward', async () => {
    const { wrapper } = await mountRoute('/journal')
    await until(() => expect(wrapper.text()).toContain('Nothing written yet.'))
    expect(wrapper.get('h1').text()).toBe('Journal')
    expect(wrapper.get('a[href="/"]').text()).toBe('Go to briefings')
    expect(document.title).toBe('Journal · Selah')
  })

  it('lists every entry newest first, grouped by month, each linked to its pointer', async () => {
    const briefing = await seedBriefing()
    const pointer = snapshotOf(briefing, briefing.pointers[0]!)
    const october = await addEntry(pointer, 'Written in October.')
    await db.entries.update(october.id, { createdAt: '2025-10-15T10:00:00.000Z', editedAt: '2025-10-15T10:00:00.000Z' })
    await addEntry(snapshotOf(briefing, briefing.pointers[1]!), 'Written today.')

    const { wrapper } = await mountRoute('/journal')
    await until(() => expect(wrapper.findAll('li')).toHaveLength(2))
    const months = wrapper.findAll('h2')
    expect(months).toHaveLength(2)
    expect(months[1]!.text()).toMatch(/2025/)
    const [latest, older] = wrapper.findAll('li')
    expect(latest!.text()).toContain('Written today.')
    expect(latest!.text()).toContain('for families kept apart.')
    expect(older!.text()).toContain('Written in October.')
    expect(older!.get('a').attributes('href')).toBe('/briefings/2025-09-05-peace-in-ukraine#2025-09-05-peace-in-ukraine-p1')
    expect(older!.get('a').text()).toBe('Peace in Ukraine')
    expect(older!.get('time').attributes('datetime')).toBe('2025-10-15T10:00:00.000Z')
  })
})
