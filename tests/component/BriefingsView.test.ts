import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { addEntry } from '~/db/entries'
import { markAnswered } from '~/db/answers'
import { savePastedBriefing } from '~/db/briefings'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { BRIEFING_PAGE_SIZE } from '~/composables/useBriefingList'
import { useFeedStore } from '~/stores/feed'
import { makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const rows = (wrapper: { findAll: (selector: string) => { text: () => string }[] }) => wrapper.findAll('[data-briefing-item]')

/**
 * happy-dom has no layout and no IntersectionObserver: give rows a height, and let the test say
 * when the end of the list comes into view.
 */
function fakeLayout(rowHeight: number) {
  const spy = vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockImplementation(function (this: HTMLElement) {
    return this.hasAttribute('data-briefing-item') ? rowHeight : 0
  })
  const seen: IntersectionObserverCallback[] = []
  vi.stubGlobal('IntersectionObserver', class {
    constructor(callback: IntersectionObserverCallback) { seen.push(callback) }
    observe() {}
    unobserve() {}
    disconnect() {}
  })
  onTestFinished(() => {
    spy.mockRestore()
    vi.unstubAllGlobals()
  })
  return {
    endInView: () => seen.forEach(callback => callback([{ isIntersecting: true } as IntersectionObserverEntry], {} as IntersectionObserver)),
  }
}

describe('BriefingsView', () => {
  it('says plainly when there is nothing yet, with a way to add a briefing', async () => {
    const { wrapper } = await mountRoute('/briefings')
    await until(() => expect(wrapper.text()).toContain('no briefings on this device yet'))
    expect(wrapper.get('h1').text()).toBe('Briefings')
    expect(wrapper.get('.empty a[href="/add"]').text()).toBe('Paste a briefing')
    expect(wrapper.get('.title a[href="/add"]').text()).toBe('Add a briefing')
    expect(document.title).toBe('Briefings · Selah')
  })

  it('shows the briefings the feed has just brought while the database is still being created, then its own rows', async () => {
    const { wrapper } = await mountRoute('/briefings')
    const feed = useFeedStore()
    feed.state = 'syncing'
    feed.recent = [{ id: '2025-10-01-sudan', title: 'Sudan', date: '2025-10-01', pointerCount: 4 }, { id: 'undated', title: 'Undated', date: null, pointerCount: 1 }]
    await until(() => expect(rows(wrapper)).toHaveLength(2))
    const first = wrapper.get('li[data-briefing-item] a.briefing-link')
    expect(first.attributes('href')).toBe('/briefings/2025-10-01-sudan')
    expect(first.text()).toContain('4 prayer pointers')
    expect(first.text()).toContain('New')
    await seedBriefing()
    await until(() => expect(rows(wrapper).map(row => row.text())).toEqual([expect.stringMatching(/^Peace in Ukraine/)]))
  })

  it('lists briefings newest first, each a link named by its title, with its badges, kept live', async () => {
    const older = await seedBriefing()
    const newer = makeBriefing({ id: '2025-10-01-sudan', title: 'Sudan', date: '2025-10-01' })
    await savePastedBriefing(newer)
    const pointer = snapshotOf(older, older.pointers[0]!)
    await addEntry(pointer, 'one')
    await addEntry(pointer, 'two')
    await markAnswered(pointer, 'yes')

    const { wrapper } = await mountRoute('/briefings')
    await until(() => expect(rows(wrapper)).toHaveLength(2))
    const [first, second] = wrapper.findAll('li[data-briefing-item] a.briefing-link')
    expect(first!.attributes('href')).toBe('/briefings/2025-10-01-sudan')
    expect(first!.text()).toMatch(/^Sudan/)
    expect(first!.text()).toContain('2 prayer pointers')
    expect(first!.text()).toContain('Added by hand')
    expect(first!.text()).toContain('New')
    expect(second!.text()).toMatch(/^Peace in Ukraine/)
    expect(second!.text()).toContain('2 journal entries')
    expect(second!.text()).toContain('1 answered')
    expect(second!.get('time').attributes('datetime')).toBe('2025-09-05')

    // A prayer, and a briefing that syncs in, show at once.
    await recordPrayed(pointer)
    await until(() => expect(rows(wrapper)[1]!.text()).toContain('1 prayer'))
    await seedBriefing(makeBriefing({ id: '2025-11-02-gaza', title: 'Gaza', date: '2025-11-02' }))
    await until(() => expect(wrapper.findAll('[data-briefing-item] .title').map(title => title.text())).toEqual(['Gaza', 'Sudan', 'Peace in Ukraine']))
  })

  it('shows the feed sync news in a polite live region', async () => {
    await seedBriefing()
    useFeedStore().added = ['2025-09-05-peace-in-ukraine']
    const { wrapper } = await mountRoute('/briefings')
    const region = wrapper.get('[aria-live="polite"]')
    expect(region.text()).toBe('1 new briefing arrived.')
    useFeedStore().message = 'You are offline: showing the briefings saved on this device.'
    await until(() => expect(region.text()).toBe('You are offline: showing the briefings saved on this device.'))
  })

  it('shows the first page plainly, then a virtual list of a few screens as the reader nears its end', async () => {
    const layout = fakeLayout(120)
    const count = BRIEFING_PAGE_SIZE * 3
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)
    for (let i = 0; i < count; i++) await seedBriefing(makeBriefing({ id: `b${i}`, title: `Briefing ${i}`, date: day(i) }))

    const { wrapper } = await mountRoute('/briefings')
    await until(() => expect(rows(wrapper)).toHaveLength(BRIEFING_PAGE_SIZE))
    expect(rows(wrapper)[0]!.text()).toMatch(new RegExp(`^Briefing ${count - 1}`))
    expect(wrapper.find('[data-index]').exists()).toBe(false)

    layout.endInView()
    // The virtual list takes over: rows placed by index, only those near the 768 px window.
    await until(() => expect(wrapper.find('[data-index]').exists()).toBe(true))
    expect(rows(wrapper).length).toBeLessThan(15)
    expect(rows(wrapper)[0]!.text()).toMatch(new RegExp(`^Briefing ${count - 1}`))

    window.scrollTo({ top: 120 * (count - 10) })
    window.dispatchEvent(new Event('scroll'))
    // The last pages were read on the way down; the oldest briefing is there, the newest gone.
    await until(() => expect(wrapper.text()).toContain('Briefing 0'))
    expect(rows(wrapper).length).toBeLessThan(20)
    expect(wrapper.text()).not.toContain(`Briefing ${count - 1}`)
    window.scrollTo({ top: 0 })
  })
})
