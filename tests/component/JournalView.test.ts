import { describe, expect, it } from 'vitest'
import { markAnswered } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { db } from '~/db'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

async function seedJournal() {
  const briefing = await seedBriefing()
  const leaders = snapshotOf(briefing, briefing.pointers[0]!)
  const families = snapshotOf(briefing, briefing.pointers[1]!)
  const october = await addEntry(leaders, 'Written in October, for Kyïv.')
  await db.entries.update(october.id, { createdAt: '2025-10-15T10:00:00.000Z', editedAt: '2025-10-15T10:00:00.000Z' })
  await addEntry(families, 'Written today.')
  return { briefing, leaders, families }
}

const items = (wrapper: { findAll: (s: string) => { text: () => string }[] }) => wrapper.findAll('[data-timeline-item]').map(item => item.text())

describe('JournalView', () => {
  it('has a plain empty state with a way forward', async () => {
    const { wrapper } = await mountRoute('/journal')
    await until(() => expect(wrapper.text()).toContain('Nothing written yet.'))
    expect(wrapper.get('h1').text()).toBe('Journal')
    expect(wrapper.get('a.button').attributes('href')).toBe('/briefings')
    expect(document.title).toBe('Journal · Selah')
  })

  it('shows everything written, prayed and answered, newest first, under day headings, with links to the pointer and its thread', async () => {
    const { leaders } = await seedJournal()
    // A millisecond apart at least: written, prayed and answered in the same one tie, and go by id.
    await new Promise(resolve => setTimeout(resolve, 2))
    await recordPrayed(leaders)
    await new Promise(resolve => setTimeout(resolve, 2))
    await markAnswered(leaders, 'A ceasefire.')
    const { wrapper } = await mountRoute('/journal')
    await until(() => expect(wrapper.findAll('[data-timeline-item]')).toHaveLength(4))
    expect(wrapper.findAll('[data-timeline-item]').map(item => item.attributes('data-kind'))).toEqual(['answered', 'prayed', 'written', 'written'])
    expect(items(wrapper)[0]).toContain('A ceasefire.')
    expect(items(wrapper)[3]).toContain('Written in October, for Kyïv.')
    const days = wrapper.findAll('h2').map(h => h.text())
    expect(days).toHaveLength(2)
    expect(days[1]).toMatch(/2025/)
    const october = wrapper.findAll('[data-timeline-item]')[3]!
    const links = october.findAll('a').map(a => a.attributes('href'))
    expect(links).toEqual(['/briefings/2025-09-05-peace-in-ukraine#2025-09-05-peace-in-ukraine-p1', '/pointers/2025-09-05-peace-in-ukraine-p1'])
    expect(october.get('time').attributes('datetime')).toBe('2025-10-15T10:00:00.000Z')
  })

  it('opens /journal?q=… with the search done and the matches marked, without HTML from the text', async () => {
    const { families } = await seedJournal()
    await addEntry(families, '<b>kyiv</b> in angle brackets')
    const { wrapper } = await mountRoute('/journal?q=KYIV')
    await until(() => expect(wrapper.findAll('[data-timeline-item]')).toHaveLength(2))
    expect((wrapper.get('input[type="search"]').element as HTMLInputElement).value).toBe('KYIV')
    expect(wrapper.get('[role="searchbox"]').attributes('aria-label')).toContain('Search')
    expect(wrapper.findAll('mark').map(mark => mark.text())).toEqual(['kyiv', 'Kyïv'])
    expect(wrapper.find('b').exists()).toBe(false)
    expect(items(wrapper)[0]).toContain('<b>kyiv</b> in angle brackets')
  })

  it('types a search into the URL and says when nothing matches', async () => {
    await seedJournal()
    const { wrapper, router } = await mountRoute('/journal')
    await until(() => expect(wrapper.findAll('[data-timeline-item]')).toHaveLength(2))
    await wrapper.get('input[type="search"]').setValue('nothing-like-this')
    await wrapper.get('form[role="search"]').trigger('submit')
    await until(() => expect(router.currentRoute.value.query).toEqual({ q: 'nothing-like-this' }))
    await until(() => expect(wrapper.text()).toContain('Nothing in your journal matches “nothing-like-this”.'))
  })

  it('keeps filters in the URL and applies them: what happened, still praying or answered, days', async () => {
    const { leaders } = await seedJournal()
    await recordPrayed(leaders)
    await markAnswered(leaders, 'A ceasefire.')
    const { wrapper, router } = await mountRoute('/journal?kind=written&status=answered')
    await until(() => expect(items(wrapper)).toHaveLength(1))
    expect(items(wrapper)[0]).toContain('Written in October')
    const checkboxes = wrapper.findAll('input[type="checkbox"]')
    await checkboxes[1]!.setValue(true)
    await until(() => expect(router.currentRoute.value.query).toEqual({ kind: 'written,prayed', status: 'answered' }))
    await until(() => expect(items(wrapper)).toHaveLength(2))
    await wrapper.get('select').setValue('')
    await until(() => expect(router.currentRoute.value.query).toEqual({ kind: 'written,prayed' }))
    await until(() => expect(items(wrapper)).toHaveLength(3))
    await router.replace('/journal?to=2025-12-31')
    await until(() => expect(items(wrapper)).toHaveLength(1))
  })

  it('shows a new entry at once', async () => {
    const { families } = await seedJournal()
    const { wrapper } = await mountRoute('/journal')
    await until(() => expect(items(wrapper)).toHaveLength(2))
    await addEntry(families, 'Just now.')
    await until(() => expect(items(wrapper)[0]).toContain('Just now.'))
  })
})
