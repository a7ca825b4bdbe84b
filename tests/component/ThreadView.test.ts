import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { markAnswered } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { useFeedStore } from '~/stores/feed'
import { makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const briefing = makeBriefing()
const [p1, p2] = briefing.pointers.map(pointer => snapshotOf(briefing, pointer))
const threadPath = `/pointers/${p1!.pointerId}`

/** Seeds one of each record for pointer 1, at the times given, and one record for pointer 2. */
async function seedThread() {
  const entry = await addEntry(p1!, 'First words, in the first week.')
  await db.entries.update(entry.id, { createdAt: '2025-09-06T08:00:00.000Z' })
  const prayed = await recordPrayed(p1!)
  await db.prayed.update(prayed.id, { prayedAt: '2025-09-07T08:00:00.000Z' })
  await markAnswered(p1!, 'Talks resumed.')
  await db.answers.update(p1!.pointerId, { answeredAt: '2025-10-01T08:00:00.000Z' })
  const later = await addEntry(p1!, 'Thanks, written after the answer.')
  await db.entries.update(later.id, { createdAt: '2025-10-02T08:00:00.000Z' })
  await addEntry(p2!, 'Not part of this thread.')
}

describe('ThreadView', () => {
  it('shows the pointer, its scripture and briefing, then everything recorded for it, oldest first', async () => {
    await seedBriefing(briefing)
    await seedThread()
    const { wrapper } = await mountRoute(threadPath)
    await until(() => expect(wrapper.findAll('[data-thread-item]')).toHaveLength(4))

    expect(wrapper.findAll('h1').map(h => h.text())).toEqual(['Pray: for the leaders to seek peace.'])
    expect(wrapper.get('blockquote').text()).toBe('Blessed are the peacemakers')
    expect(wrapper.get('cite').text()).toBe('Matthew 5:9')
    const briefingLink = wrapper.get('.eyebrow a')
    expect(briefingLink.text()).toBe('Peace in Ukraine')
    expect(briefingLink.attributes('href')).toBe(`/briefings/${briefing.id}#${p1!.pointerId}`)
    expect(document.title).toBe('Thread: Peace in Ukraine · Selah')

    const items = wrapper.findAll('li[data-thread-item]')
    expect(items.map(item => item.attributes('data-kind'))).toEqual(['written', 'prayed', 'answered', 'written'])
    expect(items.map(item => item.get('time').attributes('datetime'))).toEqual([
      '2025-09-06T08:00:00.000Z', '2025-09-07T08:00:00.000Z', '2025-10-01T08:00:00.000Z', '2025-10-02T08:00:00.000Z',
    ])
    expect(items[0]!.text()).toContain('First words, in the first week.')
    expect(items[2]!.text()).toContain('Talks resumed.')
    expect(wrapper.text()).not.toContain('Not part of this thread.')
  })

  it('stays live: a new entry joins the end of the thread at once', async () => {
    await seedBriefing(briefing)
    await seedThread()
    const { wrapper } = await mountRoute(threadPath)
    await until(() => expect(wrapper.findAll('[data-thread-item]')).toHaveLength(4))
    await addEntry(p1!, 'Written while the thread was open.')
    await until(() => expect(wrapper.findAll('[data-thread-item]')).toHaveLength(5))
    expect(wrapper.findAll('[data-thread-item]')[4]!.text()).toContain('Written while the thread was open.')
  })

  it('keeps the thread of a briefing that is gone, from what the records remember', async () => {
    await seedThread()
    const { wrapper } = await mountRoute(threadPath)
    await until(() => expect(wrapper.findAll('[data-thread-item]')).toHaveLength(4))
    expect(wrapper.get('h1').text()).toBe('Pray: for the leaders to seek peace.')
    expect(wrapper.find('blockquote').exists()).toBe(false)
    expect(wrapper.text()).toContain('Matthew 5:9')
    expect(wrapper.text()).toContain('That briefing is no longer on this device.')
    expect(wrapper.find('.eyebrow a').exists()).toBe(false)
  })

  it('invites the first words for a pointer with nothing recorded yet', async () => {
    await seedBriefing(briefing)
    const { wrapper } = await mountRoute(`/pointers/${p2!.pointerId}`)
    await until(() => expect(wrapper.get('h1').text()).toBe('for families kept apart.'))
    expect(wrapper.text()).toContain('Nothing written or prayed for this pointer yet.')
    expect(wrapper.find('[data-thread-item]').exists()).toBe(false)
  })

  it('waits for the feed, then says plainly that an unknown pointer is not here', async () => {
    useFeedStore().state = 'syncing'
    const { wrapper } = await mountRoute('/pointers/no-such-briefing-p1')
    await until(() => expect(wrapper.text()).toContain('Opening the thread'))
    useFeedStore().state = 'done'
    await until(() => expect(wrapper.get('h1').text()).toBe('Thread not found'))
    expect(wrapper.text()).toContain('There is no prayer pointer with this address on this device.')
    expect(wrapper.get('a[href="/briefings"]').text()).toBe('Go to briefings')
    expect(document.title).toBe('Thread not found · Selah')
  })

  it('is linked from each pointer on the briefing page', async () => {
    await seedBriefing(briefing)
    const { wrapper } = await mountRoute(`/briefings/${briefing.id}`)
    await until(() => expect(wrapper.findAll('article')).toHaveLength(2))
    const links = wrapper.findAll('article a').filter(a => a.text() === 'See the whole thread')
    expect(links.map(a => a.attributes('href'))).toEqual([`/pointers/${p1!.pointerId}`, `/pointers/${p2!.pointerId}`])
    expect(links[0]!.attributes('aria-describedby')).toBe(`${p1!.pointerId}-heading`)
  })
})

describe('ThreadView of a request of the person\'s own', () => {
  it('shows the request as it reads now, its list, and what was written when it read otherwise', async () => {
    const { addRequest, editRequest, requestSnapshot } = await import('~/db/requests')
    const { readRequest } = await import('~/db/request-reads')
    const request = await addRequest({ text: 'The youth weekend', notes: '', scripture: null }, null, 'Church')
    const { list } = (await readRequest(request.id))!
    await addEntry(requestSnapshot(request, list), 'Fourteen signed up.')
    await editRequest(request.id, { text: 'Wisdom for the youth leaders', notes: '', scripture: { quote: '', reference: 'James 1:5' } }, request.listId)
    const { wrapper } = await mountRoute(`/pointers/${request.id}`)
    await until(() => expect(wrapper.get('h1').text()).toBe('Wisdom for the youth leaders'))
    expect(wrapper.get('.eyebrow').text()).toBe('Your own request, in My prayers: Church')
    expect(wrapper.get('.eyebrow a').attributes('href')).toBe(`/prayers#${request.id}`)
    expect(wrapper.get('.reference').text()).toBe('James 1:5')
    expect(wrapper.get('.events').text()).toContain('Fourteen signed up.')
  })
})

describe('ThreadView of years of daily prayer', () => {
  it('says from when it shows, and links to the Journal filtered by the pointer for the rest', async () => {
    const { THREAD_LIMIT } = await import('~/db/thread')
    await seedBriefing(briefing)
    const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString()
    await db.prayed.bulkAdd(Array.from({ length: THREAD_LIMIT + 1 }, (_, n) => ({ ...p1!, id: `prayed-${String(n).padStart(5, '0')}`, prayedAt: day(n) })))
    const { wrapper } = await mountRoute(threadPath)
    await until(() => expect(wrapper.get('.earlier').text()).toMatch(/^Showing what happened since .+\. Everything about it, back to the start, is in the Journal\.$/))
    expect(wrapper.get('.earlier a').attributes('href')).toBe(`/journal?pointer=${p1!.pointerId}`)
    expect(wrapper.findAll('[data-thread-item]')).toHaveLength(THREAD_LIMIT)
  })
})
