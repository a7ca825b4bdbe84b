import { describe, expect, it } from 'vitest'
import { markAnswered } from '~/db/answers'
import { snapshotOf } from '~/db/snapshot'
import { mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

describe('AnsweredView', () => {
  it('lists answered prayers with their note, date and pointer, or says there are none', async () => {
    const empty = await mountRoute('/answered')
    await until(() => expect(empty.wrapper.text()).toContain('No answered prayers yet.'))
    expect(empty.wrapper.get('h1').text()).toBe('Answered prayers')
    expect(document.title).toBe('Answered prayers · Selah')
    empty.wrapper.unmount()

    const briefing = await seedBriefing()
    await markAnswered(snapshotOf(briefing, briefing.pointers[0]!), 'Talks resumed.')
    await markAnswered(snapshotOf(briefing, briefing.pointers[1]!), '')
    const { wrapper } = await mountRoute('/answered')
    await until(() => expect(wrapper.findAll('li')).toHaveLength(2))
    const [latest, older] = wrapper.findAll('li')
    expect(latest!.text()).toContain('No note written.')
    expect(older!.text()).toContain('Talks resumed.')
    expect(older!.text()).toMatch(/Answered on /)
    expect(older!.get('a').attributes('href')).toBe('/briefings/2025-09-05-peace-in-ukraine#2025-09-05-peace-in-ukraine-p1')
  })
})
