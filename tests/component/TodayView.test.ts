import { mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import { describe, expect, it, onTestFinished } from 'vitest'
import { h } from 'vue'
import { createMemoryHistory, createRouter, RouterView } from 'vue-router'
import { routes } from '~/router'
import { FIRST_SCREEN_KEY } from '~/utils/first-screen'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { sameDayIn } from '~/db/history'
import { recordPrayed } from '~/db/prayed'
import { addRequest, archiveRequest, createList } from '~/db/requests'
import { setSetting } from '~/db/settings'
import { snapshotOf } from '~/db/snapshot'
import { button, makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const older = makeBriefing({ id: '2025-09-01-older', date: '2025-09-01', title: 'Older briefing' })
const newest = makeBriefing()
const [p1, p2] = newest.pointers.map(pointer => snapshotOf(newest, pointer))
const words = (text: string) => ({ text, notes: '', scripture: null })

/** The item (an article labelled by its words) whose words contain `text`. */
function item(root: VueWrapper, text: string): DOMWrapper<Element> {
  const found = root.findAll('article').filter(article => {
    const label = article.attributes('aria-labelledby')
    return label && root.find(`[id="${label}"]`).text().includes(text)
  })
  expect(found, `one item saying "${text}"`).toHaveLength(1)
  return found[0]!
}

const section = (root: VueWrapper, heading: string) => {
  const h2 = root.findAll('h2').find(h => h.text() === heading)
  return h2 && root.get(`section[aria-labelledby="${h2.attributes('id')}"]`)
}

const itemWords = (root: Pick<DOMWrapper<Element>, 'findAll'> | undefined) => root?.findAll('article').map(article => article.get('p').text()) ?? []

describe('TodayView', () => {
  it('offers the newest briefing’s unprayed pointers, then a few requests of each list, each linking to where it lives', async () => {
    await seedBriefing(older)
    await seedBriefing(newest)
    const yesterday = await recordPrayed(p2!)
    const day = new Date()
    day.setDate(day.getDate() - 1)
    await db.prayed.update(yesterday.id, { prayedAt: day.toISOString() })
    const family = await createList('Family')
    const mum = await addRequest(words('Mum’s operation'), family.id)
    await archiveRequest((await addRequest(words('Put away'), family.id)).id)
    await setSetting('todayPerList', 1)

    const { wrapper } = await mountRoute('/')
    await until(() => expect(wrapper.findAll('[data-today-item]')).toHaveLength(2))
    expect(wrapper.get('h1').text()).toBe('Today')
    expect(document.title).toBe('Today · Selah')
    expect(wrapper.findAll('h2').map(h => h.text())).toEqual(['From the newest briefing', 'From your lists'])
    expect(wrapper.get('h3').text()).toBe('Family')
    expect(itemWords(section(wrapper, 'From the newest briefing'))).toEqual(['Pray: for the leaders to seek peace.'])
    expect(wrapper.text()).toContain('Peace in Ukraine')
    expect(wrapper.text()).not.toContain('Older briefing')
    expect(itemWords(section(wrapper, 'From your lists'))).toEqual(['Mum’s operation'])
    expect(wrapper.text()).not.toMatch(/streak|missed/i)

    const pointer = item(wrapper, 'for the leaders')
    expect(pointer.findAll('a').map(a => [a.text(), a.attributes('href')])).toEqual([
      ['In the briefing', `/briefings/${newest.id}#${p1!.pointerId}`],
      ['See the whole thread', `/pointers/${p1!.pointerId}`],
    ])
    expect(pointer.findAll('button').map(b => b.text())).toEqual(['I prayed for this'])
    expect(item(wrapper, 'Mum’s operation').findAll('a').map(a => [a.text(), a.attributes('href')])).toEqual([
      ['In My prayers', `/prayers#${mum.id}`],
      ['See the whole thread', `/pointers/${mum.id}`],
    ])
  })

  it('moves an item to "Prayed today" when it is prayed for, says so politely, and Undo brings it back', async () => {
    await seedBriefing(newest)
    const church = await createList('Church')
    await addRequest(words('Our pastor'), church.id)
    const { wrapper } = await mountRoute('/')
    await until(() => expect(wrapper.findAll('[data-today-item]')).toHaveLength(3))
    expect(section(wrapper, 'Prayed today')).toBeUndefined()

    await button(item(wrapper, 'Our pastor'), 'I prayed for this').trigger('click')
    await until(() => expect(itemWords(section(wrapper, 'Prayed today'))).toEqual(['Our pastor']))
    expect(section(wrapper, 'From your lists')).toBeUndefined()
    expect(wrapper.findAll('[data-today-item]')).toHaveLength(2)
    expect(section(wrapper, 'Prayed today')!.text()).toContain('My prayers: Church')
    const live = wrapper.get('[aria-live="polite"]')
    expect(live.text()).toContain('Recorded that you prayed.')
    expect(document.activeElement?.textContent).toBe('Undo')

    await button(live, 'Undo').trigger('click')
    await until(() => expect(itemWords(section(wrapper, 'From your lists'))).toEqual(['Our pastor']))
    expect(section(wrapper, 'Prayed today')).toBeUndefined()
    expect(await db.prayed.count()).toBe(0)
    expect(document.activeElement?.classList.contains('to-pray')).toBe(true)
  })

  it('invites, and never scolds, when everything for today is prayed for', async () => {
    await seedBriefing(newest)
    await recordPrayed(p1!)
    await recordPrayed(p2!)
    const { wrapper } = await mountRoute('/')
    await until(() => expect(wrapper.findAll('[data-prayed-today]')).toHaveLength(2))
    const empty = wrapper.get('[data-today-empty]')
    expect(empty.text()).toBe('Nothing left for today. Add your own requests in My prayers')
    expect(empty.get('a').attributes('href')).toBe('/prayers')
    expect(wrapper.findAll('[data-today-item]')).toHaveLength(0)
  })

  it('welcomes someone with no briefing and no request yet', async () => {
    const { wrapper } = await mountRoute('/')
    await until(() => expect(wrapper.find('[data-today-empty]').exists()).toBe(true))
    const empty = wrapper.get('[data-today-empty]')
    expect(empty.text()).toContain('Welcome.')
    expect(empty.text()).not.toContain('Nothing left')
    expect(empty.get('a').attributes('href')).toBe('/prayers')
    expect(wrapper.findAll('h2')).toHaveLength(0)
  })

  it('points to what happened on this date in earlier years, only when there is any', async () => {
    await seedBriefing(newest)
    const { wrapper } = await mountRoute('/')
    await until(() => expect(wrapper.findAll('[data-today-item]')).toHaveLength(2))
    const card = () => wrapper.findAll('a').find(a => a.text().startsWith('On this day'))
    expect(card()).toBeUndefined()

    const { start } = sameDayIn(new Date().getFullYear() - 2, new Date())
    const entry = await addEntry(p1!, 'Two years ago today.')
    await db.entries.update(entry.id, { createdAt: new Date(start.getFullYear(), start.getMonth(), start.getDate(), 12).toISOString() })
    await until(() => expect(card()?.text()).toBe('On this day: 1 thing from earlier years'))
    expect(card()!.attributes('href')).toBe('/on-this-day')
  })
})

describe('the saved first screen', () => {
  /** The page as main.ts leaves it on a start with a saved screen: it above, the app's mount point below. */
  async function startWithSavedScreen(path: string) {
    document.documentElement.classList.add('first-screen')
    document.body.innerHTML = '<div id="first-screen" aria-hidden="true"><h1>Today</h1><ul><li>Old words</li></ul></div><div id="app"></div>'
    const router = createRouter({ history: createMemoryHistory(), routes })
    await router.push(path)
    const wrapper = mount({ render: () => h(RouterView) }, { global: { plugins: [router] }, attachTo: '#app' })
    onTestFinished(() => {
      wrapper.unmount()
      document.body.innerHTML = ''
      localStorage.clear()
    })
    return wrapper
  }

  it('gives way to the live Today once it has drawn, which is kept for the next start', async () => {
    await seedBriefing(newest)
    const wrapper = await startWithSavedScreen('/')
    await until(() => expect(wrapper.findAll('article').length).toBeGreaterThan(0))
    await until(() => expect(document.getElementById('first-screen')).toBeNull())
    expect(document.documentElement.classList.contains('first-screen')).toBe(false)
    await until(() => expect(localStorage.getItem(FIRST_SCREEN_KEY)).toContain(newest.pointers[0]!.text))
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).not.toContain('Old words')

    // A request added later is in the next start's screen too; what was prayed today is not kept.
    await addRequest(words('Healing for Aunt Miriam'), null)
    await until(() => expect(localStorage.getItem(FIRST_SCREEN_KEY)).toContain('Healing for Aunt Miriam'))
    await recordPrayed(p2!)
    await until(() => expect(wrapper.text()).toContain('Prayed today'))
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).not.toContain('Prayed today')
  })

  it('the briefing list leaves the kept Today alone', async () => {
    await seedBriefing(newest)
    localStorage.setItem(FIRST_SCREEN_KEY, 'kept by Today')
    const wrapper = await startWithSavedScreen('/briefings')
    await until(() => expect(wrapper.findAll('[data-briefing-item]')).toHaveLength(1))
    await new Promise(resolve => setTimeout(resolve, 20))
    expect(localStorage.getItem(FIRST_SCREEN_KEY)).toBe('kept by Today')
  })
})
