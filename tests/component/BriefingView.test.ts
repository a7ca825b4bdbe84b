import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { markAnswered } from '~/db/answers'
import { mirrorBriefings } from '~/db/briefings'
import { addEntry } from '~/db/entries'
import { snapshotOf } from '~/db/snapshot'
import { useFeedStore } from '~/stores/feed'
import { mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const path = '/briefings/2025-09-05-peace-in-ukraine'

describe('BriefingView', () => {
  it('shows the article, the pointers with their scripture, and the closing prayer, headings in order', async () => {
    await seedBriefing()
    const { wrapper } = await mountRoute(path)
    await until(() => expect(wrapper.find('h1').exists()).toBe(true))

    expect(wrapper.findAll('h1').map(h => h.text())).toEqual(['Peace in Ukraine'])
    expect(wrapper.get('h1 + p time').attributes('datetime')).toBe('2025-09-05')
    expect(wrapper.text()).toContain('First paragraph of the article.')
    expect(wrapper.findAll('h2').map(h => h.text())).toEqual(['Prayer pointers', 'Prayer for Ukraine'])
    expect(document.title).toBe('Peace in Ukraine · Selah')

    const articles = wrapper.findAll('article')
    expect(articles.map(a => a.attributes('id'))).toEqual(['2025-09-05-peace-in-ukraine-p1', '2025-09-05-peace-in-ukraine-p2'])
    const [first, second] = articles
    const heading = first!.get(`[id="${first!.attributes('aria-labelledby')}"]`)
    expect(heading.element.tagName).toBe('H3')
    expect(heading.text()).toBe('Pointer 1: Pray')
    expect(second!.get('h3').text()).toBe('Pointer 2')
    expect(first!.get('blockquote').text()).toBe('Blessed are the peacemakers')
    expect(first!.get('cite').text()).toBe('Matthew 5:9')
    expect(second!.find('blockquote').exists()).toBe(false)
  })

  it('marks the briefing opened, so it is no longer "New"', async () => {
    await seedBriefing()
    await mountRoute(path)
    await until(async () => expect((await db.briefings.get('2025-09-05-peace-in-ukraine'))?.openedAt).toBeTruthy())
  })

  it('waits for the feed before saying a briefing is not here, then offers a way back', async () => {
    useFeedStore().state = 'syncing'
    const { wrapper } = await mountRoute('/briefings/nothing-here')
    await until(() => expect(wrapper.text()).toContain('Opening the briefing'))
    expect(wrapper.find('h1').exists()).toBe(false)

    useFeedStore().state = 'done'
    await until(() => expect(wrapper.get('h1').text()).toBe('Briefing not found'))
    expect(wrapper.get('a[href="/briefings"]').text()).toBe('Go to briefings')
    expect(document.title).toBe('Briefing not found · Selah')
  })

  it('keeps showing what was written about a pointer the editor later removed', async () => {
    const briefing = await seedBriefing()
    const [first, second] = briefing.pointers
    await addEntry(snapshotOf(briefing, second!), 'Words about the families.')
    await markAnswered(snapshotOf(briefing, second!), 'Reunited at last.')
    await mirrorBriefings([{ briefing: { ...briefing, pointers: [first!] }, hash: 'republished' }], 'feed')

    const { wrapper } = await mountRoute(path)
    await until(() => expect(wrapper.text()).toContain('From an earlier version of this briefing'))
    expect(wrapper.findAll('article')).toHaveLength(1)
    const earlier = wrapper.get('section[aria-labelledby="earlier-heading"]')
    expect(earlier.text()).toContain('for families kept apart.')
    expect(earlier.text()).toContain('Words about the families.')
    expect(earlier.text()).toContain('Reunited at last.')
    expect(wrapper.findAll('h2').map(h => h.text())).toEqual(['Prayer pointers', 'From an earlier version of this briefing', 'Prayer for Ukraine'])
  })
})
