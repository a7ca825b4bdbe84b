import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { markAnswered } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { snapshotOf } from '~/db/snapshot'
import { makeBriefing, mountRoute, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

// Markup a hostile feed, paste or backup could carry. It must show as the characters it is.
const SCRIPT = '<script>alert(1)</script>'
const IMG = '<img src=x onerror=alert(1)>'
const BOTH = `${SCRIPT} ${IMG}`

const hostile = makeBriefing({
  id: '2025-09-05-hostile',
  title: `Title ${SCRIPT}`,
  paragraphs: [`Paragraph ${IMG}`, `<b>not bold</b> & <a href="javascript:alert(1)">link</a>`],
  pointers: [
    { id: '2025-09-05-hostile-p1', label: `Label ${IMG}`, text: `Pointer ${SCRIPT}`, scripture: { quote: `Quote ${IMG}`, reference: `Ref ${SCRIPT}` } },
    { id: '2025-09-05-hostile-p2', label: null, text: `Second ${IMG}`, scripture: null },
  ],
  prayer: { title: `Prayer ${IMG}`, text: `Amen ${SCRIPT}` },
})

let alert: ReturnType<typeof vi.fn>
beforeEach(() => {
  alert = vi.fn()
  vi.stubGlobal('alert', alert)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** Nothing in the page was made from the hostile text: no script, image, link to javascript:, or handler. */
function expectNoMarkupFromText() {
  expect(document.body.querySelectorAll('script, img, iframe, object, embed, b')).toHaveLength(0)
  expect(document.body.querySelectorAll('[onerror], [onclick], [onload], a[href^="javascript:"]')).toHaveLength(0)
  expect(alert).not.toHaveBeenCalled()
}

async function seedHostileRecords() {
  await seedBriefing(hostile)
  const [first, second] = hostile.pointers
  await addEntry(snapshotOf(hostile, first!), `Entry ${BOTH}`)
  await addEntry(snapshotOf(hostile, second!), `Another ${IMG}\nsecond line ${SCRIPT}`)
  await markAnswered(snapshotOf(hostile, first!), `Answer ${BOTH}`)
}

describe('hostile text is rendered as text', () => {
  it('in the briefing view: title, article, pointers, scripture, prayer, entries and answer', async () => {
    await seedHostileRecords()
    const { wrapper } = await mountRoute(`/briefings/${hostile.id}`)
    await until(() => expect(wrapper.text()).toContain(`Answer ${BOTH}`))

    expect(wrapper.get('h1').text()).toBe(`Title ${SCRIPT}`)
    const text = wrapper.text()
    for (const literal of [
      `Paragraph ${IMG}`, '<b>not bold</b> & <a href="javascript:alert(1)">link</a>', `Label ${IMG}`, `Pointer ${SCRIPT}`,
      `Quote ${IMG}`, `Ref ${SCRIPT}`, `Second ${IMG}`, `Prayer ${IMG}`, `Amen ${SCRIPT}`, `Entry ${BOTH}`, `second line ${SCRIPT}`,
    ]) expect(text).toContain(literal)
    expect(document.title).toBe(`Title ${SCRIPT} · Selah`)
    expectNoMarkupFromText()
  })

  it('in the briefing list', async () => {
    await seedHostileRecords()
    const { wrapper } = await mountRoute('/briefings')
    await until(() => expect(wrapper.text()).toContain(`Title ${SCRIPT}`))
    expectNoMarkupFromText()
  })

  it('in the journal', async () => {
    await seedHostileRecords()
    const { wrapper } = await mountRoute('/journal')
    await until(() => expect(wrapper.text()).toContain(`Entry ${BOTH}`))
    for (const literal of [`Title ${SCRIPT}`, `Pointer ${SCRIPT}`, `Another ${IMG}`, `second line ${SCRIPT}`]) {
      expect(wrapper.text()).toContain(literal)
    }
    expectNoMarkupFromText()
  })

  it('in answered prayers', async () => {
    await seedHostileRecords()
    const { wrapper } = await mountRoute('/answered')
    await until(() => expect(wrapper.text()).toContain(`Answer ${BOTH}`))
    expect(wrapper.text()).toContain(`Title ${SCRIPT}`)
    expect(wrapper.text()).toContain(`Pointer ${SCRIPT}`)
    expectNoMarkupFromText()
  })
})
