import { describe, expect, it } from 'vitest'
import { addEntry } from '~/db/entries'
import { markAnswered } from '~/db/answers'
import { savePastedBriefing } from '~/db/briefings'
import { snapshotOf } from '~/db/snapshot'
import { useFeedStore } from '~/stores/feed'
import { makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

describe('BriefingsView', () => {
  it('says plainly when there is nothing yet, with a way to add a briefing', async () => {
    const { wrapper } = await mountRoute('/')
    await until(() => expect(wrapper.text()).toContain('no briefings on this device yet'))
    expect(wrapper.get('h1').text()).toBe('Briefings')
    expect(wrapper.get('a[href="/add"]').text()).toBe('Paste a briefing')
    expect(document.title).toBe('Briefings · Selah')
  })

  it('lists briefings newest first, each a link named by its title, with its badges', async () => {
    const older = await seedBriefing()
    const newer = makeBriefing({ id: '2025-10-01-sudan', title: 'Sudan', date: '2025-10-01' })
    await savePastedBriefing(newer)
    const pointer = snapshotOf(older, older.pointers[0]!)
    await addEntry(pointer, 'one')
    await addEntry(pointer, 'two')
    await markAnswered(pointer, 'yes')

    const { wrapper } = await mountRoute('/')
    await until(() => expect(wrapper.findAll('li a')).toHaveLength(2))
    const [first, second] = wrapper.findAll('li a')
    expect(first!.attributes('href')).toBe('/briefings/2025-10-01-sudan')
    expect(first!.text()).toMatch(/^Sudan/)
    expect(first!.text()).toContain('Added by hand')
    expect(first!.text()).toContain('New')
    expect(second!.text()).toMatch(/^Peace in Ukraine/)
    expect(second!.text()).toContain('2 journal entries')
    expect(second!.text()).toContain('1 answered')
    expect(second!.get('time').attributes('datetime')).toBe('2025-09-05')
  })

  it('shows the feed sync news in a polite live region', async () => {
    await seedBriefing()
    useFeedStore().added = ['2025-09-05-peace-in-ukraine']
    const { wrapper } = await mountRoute('/')
    const region = wrapper.get('[aria-live="polite"]')
    expect(region.text()).toBe('1 new briefing arrived.')
    useFeedStore().message = 'You are offline: showing the briefings saved on this device.'
    await until(() => expect(region.text()).toBe('You are offline: showing the briefings saved on this device.'))
  })
})
