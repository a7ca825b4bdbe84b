import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import DraftsNotice from '~/components/journal/DraftsNotice.vue'
import { db } from '~/db'
import { button, mountRoute, seedBriefing, until, useComponentTestSetup } from '../helpers'
import { briefing, p1, seedDraft } from './support'

useComponentTestSetup()

const p2 = briefing.pointers[1]!.id

async function mountNotice() {
  return (await mountRoute('/journal', DraftsNotice)).wrapper
}

describe('DraftsNotice', () => {
  it('shows nothing while there are no drafts', async () => {
    await seedBriefing(briefing)
    const wrapper = await mountNotice()
    // Empty until the drafts have been read, so wait for the answer (an empty list) to arrive.
    await until(() => expect((wrapper.vm as unknown as { drafts?: unknown[] }).drafts).toEqual([]))
    await nextTick()
    expect(wrapper.find('section').exists()).toBe(false)
    expect(wrapper.text()).toBe('')
  })

  it('lists every unfinished draft, newest first, with a link to its pointer', async () => {
    await seedBriefing(briefing)
    // Written straight to the table, to fix the times that decide the order.
    await db.drafts.bulkPut([
      { key: `entry-new:${p1}`, kind: 'entry-new', briefingId: briefing.id, pointerId: p1, text: 'A prayer for the leaders,\n\nnot finished', updatedAt: '2026-11-20T10:00:00.000Z' },
      { key: `answer:${p2}`, kind: 'answer', briefingId: briefing.id, pointerId: p2, text: 'Families were reunited', updatedAt: '2026-11-21T10:00:00.000Z' },
    ])
    const wrapper = await mountNotice()
    await until(() => expect(wrapper.findAll('li')).toHaveLength(2))

    expect(wrapper.get('h2').text()).toBe('Unfinished writing')
    const links = wrapper.findAll('li a').map(a => [a.text(), a.attributes('href')])
    expect(links).toEqual([
      ['Answer note for pointer 2', `/briefings/${briefing.id}#${p2}`],
      ['New journal entry for pointer 1: Pray', `/briefings/${briefing.id}#${p1}`],
    ])
    const first = wrapper.findAll('li')[1]!
    expect(first.text()).toContain('Peace in Ukraine')
    expect(first.get('.excerpt').text()).toBe('A prayer for the leaders, not finished')
    expect(first.find('.whole').exists()).toBe(false)
  })

  it('names a draft about one of the person\'s own requests by its words, and links to its card on My prayers', async () => {
    const { addRequest, archiveRequest } = await import('~/db/requests')
    const request = await addRequest({ text: 'A job for Sam', notes: '', scripture: null }, null, 'Family')
    await db.drafts.put({ key: `entry-new:${request.id}`, kind: 'entry-new', briefingId: 'my-prayers', pointerId: request.id, text: 'Half a prayer', updatedAt: '2026-11-20T10:00:00.000Z' })
    const wrapper = await mountNotice()
    await until(() => expect(wrapper.findAll('li a').map(a => [a.text(), a.attributes('href')])).toEqual([['New journal entry for “A job for Sam”', `/prayers#${request.id}`]]))
    expect(wrapper.get('li').text()).toContain('My prayers: Family')

    // Archived, it has no card to open: every word is shown, to copy.
    expect(wrapper.find('.whole').exists()).toBe(false)
    await archiveRequest(request.id)
    await until(() => expect(wrapper.get('.whole').text()).toBe('Half a prayer'))
  })

  it('shows every word of a draft whose briefing is gone, with nothing to link to', async () => {
    await seedDraft('entry-new', 'entry-new:gone-p1', 'Words about a briefing\nno longer here', 'gone-p1')
    const wrapper = await mountNotice()
    await until(() => expect(wrapper.findAll('li')).toHaveLength(1))
    expect(wrapper.find('li a').exists()).toBe(false)
    expect(wrapper.get('li .title').text()).toBe('New journal entry for a pointer no longer in its briefing')
    expect(wrapper.get('li').text()).toContain('A briefing no longer on this device')
    expect(wrapper.get('li .whole').text()).toBe('Words about a briefing\nno longer here')
  })

  it('shows every word of a change to an entry that was deleted since', async () => {
    await seedBriefing(briefing)
    await seedDraft('entry-edit', 'entry-edit:deleted-entry', 'A change to an entry that is gone')
    const wrapper = await mountNotice()
    await until(() => expect(wrapper.findAll('li')).toHaveLength(1))
    expect(wrapper.get('li a').text()).toBe('Change to a journal entry for pointer 1: Pray')
    expect(wrapper.get('li').text()).toContain('no longer here, so it cannot be finished there')
    expect(wrapper.get('li .whole').text()).toBe('A change to an entry that is gone')
  })

  it('discards a draft, with an Undo that stores it again', async () => {
    await seedBriefing(briefing)
    await seedDraft('entry-new', `entry-new:${p1}`, 'Let this one go')
    const wrapper = await mountNotice()
    await until(() => expect(wrapper.findAll('li')).toHaveLength(1))
    const discard = button(wrapper, 'Discard draft')
    expect(discard.attributes('aria-label')).toBe('Discard draft: New journal entry for pointer 1: Pray')

    await discard.trigger('click')
    await until(() => expect(wrapper.findAll('li')).toHaveLength(0))
    expect(await db.drafts.count()).toBe(0)
    expect(wrapper.get('[role="status"]').text()).toContain('Draft discarded.')
    expect(document.activeElement?.textContent).toBe('Undo')

    await button(wrapper, 'Undo').trigger('click')
    await until(() => expect(wrapper.findAll('li')).toHaveLength(1))
    expect((await db.drafts.get(`entry-new:${p1}`))?.text).toBe('Let this one go')
  })
})
