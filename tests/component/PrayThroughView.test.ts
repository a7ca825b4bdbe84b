import type { VueWrapper } from '@vue/test-utils'
import { describe, expect, it } from 'vitest'
import type { Router } from 'vue-router'
import { db } from '~/db'
import { recordPrayed } from '~/db/prayed'
import { addRequest, createList } from '~/db/requests'
import { useFeedStore } from '~/stores/feed'
import { snapshotOf } from '~/db/snapshot'
import { button, makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const briefing = makeBriefing()
const [p1, p2] = briefing.pointers.map(pointer => snapshotOf(briefing, pointer))
const path = `/pray/${briefing.id}`

const stepHeading = (wrapper: VueWrapper) => wrapper.get('article h2')
const progress = (wrapper: VueWrapper) => wrapper.get('.progress').text()
/** Previous and Next carry where they go in their accessible names: match the visible words. */
const navButton = (wrapper: VueWrapper, name: 'Previous' | 'Next') => wrapper.findAll('nav button').find(b => b.text().includes(name))!
const journalBox = (wrapper: VueWrapper) => wrapper.get('textarea')

async function open(at: string) {
  const mounted = await mountRoute(at)
  await until(() => expect(mounted.wrapper.find('article h2').exists()).toBe(true))
  return mounted
}

function press(key: string, on: Element = document.body) {
  on.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
}

/** A finger moving `dx` sideways and `dy` down from the middle of `on`. */
function swipe(on: Element, dx: number, dy = 0) {
  const touch = { pointerId: 3, isPrimary: true, pointerType: 'touch', bubbles: true }
  on.dispatchEvent(new PointerEvent('pointerdown', { ...touch, clientX: 200, clientY: 200 }))
  on.dispatchEvent(new PointerEvent('pointerup', { ...touch, clientX: 200 + dx, clientY: 200 + dy }))
}

const at = (router: Router) => router.currentRoute.value.query.at

describe('PrayThroughView', () => {
  it('walks a briefing’s pointers in order, each with its scripture, then its closing prayer', async () => {
    await seedBriefing(briefing)
    const { wrapper, router } = await open(path)
    expect(wrapper.get('h1').text()).toBe('Peace in Ukraine')
    expect(document.title).toBe('Pray through: Peace in Ukraine · Selah')
    expect(stepHeading(wrapper).text()).toBe('Pointer 1: Pray')
    expect(wrapper.get('article').attributes('aria-labelledby')).toBe(stepHeading(wrapper).attributes('id'))
    expect(wrapper.text()).toContain('for the leaders to seek peace.')
    expect(wrapper.get('blockquote').text()).toBe('Blessed are the peacemakers')
    expect(progress(wrapper)).toBe('Pointer 1 of 2')
    expect(wrapper.get('.progress').attributes('aria-live')).toBe('polite')
    expect(navButton(wrapper, 'Previous').attributes('disabled')).toBeDefined()
    expect(navButton(wrapper, 'Next').attributes('aria-label')).toBe('Next: Pointer 2')
    expect(wrapper.get('a').attributes('href')).toBe(`/briefings/${briefing.id}`)
    expect(wrapper.get('label').text()).toBe('Journal entry for pointer 1')

    await navButton(wrapper, 'Next').trigger('click')
    await until(() => expect(stepHeading(wrapper).text()).toBe('Pointer 2'))
    expect(at(router)).toBe(p2!.pointerId)
    expect(progress(wrapper)).toBe('Pointer 2 of 2')
    expect(wrapper.find('blockquote').exists()).toBe(false)
    expect(document.activeElement).toBe(stepHeading(wrapper).element)
    expect(navButton(wrapper, 'Next').attributes('aria-label')).toBe('Next: closing prayer')
    expect(navButton(wrapper, 'Previous').attributes('aria-label')).toBe('Previous: Pointer 1: Pray')

    await navButton(wrapper, 'Next').trigger('click')
    await until(() => expect(stepHeading(wrapper).text()).toBe('Prayer for Ukraine'))
    expect(at(router)).toBe('end')
    expect(wrapper.text()).toContain('Lord, bring peace.')
    expect(wrapper.text()).toContain('You have prayed through this briefing.')
    expect(navButton(wrapper, 'Next')).toBeUndefined()
    expect(wrapper.findAll('a').map(a => a.text())).toContain('Back to the briefing')
    expect(await db.briefings.get(briefing.id).then(row => row?.openedAt)).toBeTruthy()
  })

  it('keeps its place in the URL, and starts at the first for a place it does not know', async () => {
    await seedBriefing(briefing)
    const { wrapper } = await open(`${path}?at=${p2!.pointerId}`)
    expect(stepHeading(wrapper).text()).toBe('Pointer 2')
    const other = await open(`${path}?at=nowhere`)
    expect(stepHeading(other.wrapper).text()).toBe('Pointer 1: Pray')
  })

  it('moves with the arrow keys and leaves with Escape, but not while the journal box has the keys', async () => {
    await seedBriefing(briefing)
    const { wrapper, router } = await open(path)
    press('ArrowRight', journalBox(wrapper).element)
    await until(() => expect(at(router)).toBeUndefined())
    expect(stepHeading(wrapper).text()).toBe('Pointer 1: Pray')

    press('ArrowRight')
    await until(() => expect(stepHeading(wrapper).text()).toBe('Pointer 2'))
    press('ArrowLeft')
    await until(() => expect(stepHeading(wrapper).text()).toBe('Pointer 1: Pray'))
    expect(at(router)).toBe(p1!.pointerId)

    // Escape leaves, back to the briefing; not while typing (it may close the keyboard there).
    press('Escape', journalBox(wrapper).element)
    await until(() => expect(router.currentRoute.value.name).toBe('pray'))
    press('Escape')
    await until(() => expect(router.currentRoute.value.path).toBe(`/briefings/${briefing.id}`))
  })

  it('moves with a sideways swipe, but not with a scroll, a short drag or one that starts in the box', async () => {
    await seedBriefing(briefing)
    const { wrapper, router } = await open(path)
    const words = wrapper.get('.words').element
    swipe(words, -40)
    swipe(words, -90, 80)
    swipe(journalBox(wrapper).element, -150)
    await until(() => expect(at(router)).toBeUndefined())
    expect(stepHeading(wrapper).text()).toBe('Pointer 1: Pray')

    swipe(words, -150, 20)
    await until(() => expect(stepHeading(wrapper).text()).toBe('Pointer 2'))
    swipe(wrapper.get('.words').element, 150)
    await until(() => expect(stepHeading(wrapper).text()).toBe('Pointer 1: Pray'))
  })

  it('records a prayer with Undo, and a journal entry, for the item on screen', async () => {
    await seedBriefing(briefing)
    const { wrapper } = await open(path)
    await button(wrapper, 'I prayed for this').trigger('click')
    await until(() => expect(wrapper.text()).toContain('Prayed 1 time, last'))
    expect(wrapper.get('.now').text()).toBe('✓ Prayed')
    expect((await db.prayed.toArray()).map(record => record.pointerId)).toEqual([p1!.pointerId])
    await button(wrapper, 'Undo').trigger('click')
    await until(() => expect(wrapper.find('.now').exists()).toBe(false))
    expect(await db.prayed.count()).toBe(0)

    await journalBox(wrapper).setValue('Thankful for the talks.')
    await button(wrapper, 'Save entry').trigger('click')
    await until(() => expect(wrapper.text()).toContain('Thankful for the talks.'))
    expect((journalBox(wrapper).element as HTMLTextAreaElement).value).toBe('')
    expect((await db.entries.toArray()).map(entry => [entry.pointerId, entry.text])).toEqual([[p1!.pointerId, 'Thankful for the talks.']])
  })

  it('keeps words typed in the box as a draft when moving on, and brings them back', async () => {
    await seedBriefing(briefing)
    const { wrapper } = await open(path)
    // Moved on at once, before the pause after typing that would have written the draft.
    await journalBox(wrapper).setValue('Half a thought')
    await navButton(wrapper, 'Next').trigger('click')
    await until(() => expect(stepHeading(wrapper).text()).toBe('Pointer 2'))
    expect((await db.drafts.get(`entry-new:${p1!.pointerId}`))?.text).toBe('Half a thought')

    await navButton(wrapper, 'Previous').trigger('click')
    await until(() => expect((journalBox(wrapper).element as HTMLTextAreaElement).value).toBe('Half a thought'))
  })

  it('walks Today as it was when it opened: praying for an item leaves it in place', async () => {
    await seedBriefing(briefing)
    await recordPrayed(p2!)
    const family = await createList('Family')
    await addRequest({ text: 'Mum’s operation', notes: '', scripture: { quote: 'Be still', reference: 'Psalm 46:10' } }, family.id)
    const { wrapper } = await open('/pray/today')
    expect(wrapper.get('h1').text()).toBe('Today')
    expect(stepHeading(wrapper).text()).toBe('Pointer 1: Pray')
    expect(progress(wrapper)).toBe('Item 1 of 2')
    expect(wrapper.get('a').attributes('href')).toBe('/')

    await button(wrapper, 'I prayed for this').trigger('click')
    await until(() => expect(wrapper.find('.now').exists()).toBe(true))
    expect(progress(wrapper)).toBe('Item 1 of 2')
    press('ArrowRight')
    await until(() => expect(stepHeading(wrapper).text()).toBe('Family'))
    expect(wrapper.text()).toContain('Mum’s operation')
    expect(wrapper.get('blockquote').text()).toBe('Be still')
    expect(wrapper.get('label').text()).toBe('Journal entry for Mum’s operation')
    press('ArrowLeft')
    await until(() => expect(stepHeading(wrapper).text()).toBe('Pointer 1: Pray'))
    expect(wrapper.get('.now').text()).toBe('✓ Prayed')

    press('ArrowRight')
    press('ArrowRight')
    await until(() => expect(stepHeading(wrapper).text()).toBe('You have prayed through today’s list.'))
    expect(wrapper.findAll('a').map(a => [a.text(), a.attributes('href')])).toContainEqual(['Back to Today', '/'])
  })

  it('opens with the journal box ready from the home screen\'s "Write in the journal" shortcut', async () => {
    await seedBriefing(briefing)
    const { wrapper } = await open('/pray/today?write')
    await until(() => expect(document.activeElement).toBe(journalBox(wrapper).element))
    expect(wrapper.get('label').text()).toBe('Journal entry for pointer 1')
  })

  it('says so plainly, with a way back, for a briefing not on this device or an empty Today', async () => {
    const { wrapper } = await mountRoute('/pray/no-such-briefing')
    await until(() => expect(wrapper.get('h1').text()).toBe('Briefing not found'))
    expect(wrapper.findAll('a').map(a => a.attributes('href'))).toEqual(['/briefings/no-such-briefing', '/briefings'])

    const today = await mountRoute('/pray/today')
    await until(() => expect(today.wrapper.get('h1').text()).toBe('Nothing left for today'))
    expect(today.wrapper.findAll('a').map(a => a.attributes('href'))).toContain('/')
  })

  it('waits for the feed before saying a briefing is not here, and walks it once the sync brings it', async () => {
    useFeedStore().state = 'syncing'
    const { wrapper } = await mountRoute(path)
    await until(() => expect(wrapper.text()).toContain('Opening'))
    expect(wrapper.find('h1').exists()).toBe(false)
    await seedBriefing(briefing)
    useFeedStore().state = 'done'
    await until(() => expect(wrapper.find('article h2').text()).toBe('Pointer 1: Pray'))
  })

  it('is offered on the briefing page and on Today', async () => {
    await seedBriefing(briefing)
    const page = await mountRoute(`/briefings/${briefing.id}`)
    await until(() => expect(page.wrapper.find(`a[href="${path}"]`).exists()).toBe(true))
    const today = await mountRoute('/')
    await until(() => expect(today.wrapper.find('a[href="/pray/today"]').exists()).toBe(true))
  })
})
