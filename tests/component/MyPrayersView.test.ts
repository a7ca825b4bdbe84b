import { describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { readMyPrayers } from '~/db/request-reads'
import { addRequest, archiveRequest, createList } from '~/db/requests'
import { button, field, mountRoute, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

const card = (wrapper: Awaited<ReturnType<typeof mountRoute>>['wrapper'], text: string) => {
  const found = wrapper.findAll('article.request').find(article => article.get('h3').text() === text)
  expect(found, `a card for “${text}”`).toBeTruthy()
  return found!
}

describe('MyPrayersView', () => {
  it('invites a first request, saves it into a first list and shows it as a card', async () => {
    const { wrapper } = await mountRoute('/prayers')
    await until(() => expect(wrapper.text()).toContain('Nothing here yet'))
    expect(wrapper.get('h1').text()).toBe('My prayers')
    expect(document.title).toBe('My prayers · Selah')
    await button(wrapper, 'New request').trigger('click')
    await field(wrapper, 'Request').setValue('Healing for Aunt Miriam')
    await field(wrapper, 'Scripture (optional, for example Psalm 46:1)').setValue('Psalm 46:1')
    await field(wrapper, 'Name of the new list').setValue('Family')
    await wrapper.get('form.request-form').trigger('submit')
    await until(() => expect(wrapper.findAll('article.request')).toHaveLength(1))
    expect(wrapper.get('h2').text()).toBe('Family')
    expect(card(wrapper, 'Healing for Aunt Miriam').text()).toContain('Psalm 46:1')
  })

  it('prays, journals and marks a request answered, like any pointer', async () => {
    await addRequest({ text: 'A job for Sam', notes: 'Interviews in November.', scripture: null }, null, 'Family')
    const { wrapper } = await mountRoute('/prayers')
    await until(() => { card(wrapper, 'A job for Sam') })
    await button(card(wrapper, 'A job for Sam'), 'I prayed for this').trigger('click')
    await until(() => expect(card(wrapper, 'A job for Sam').text()).toContain('Prayed 1 time'))
    await field(card(wrapper, 'A job for Sam'), 'Journal entry for “A job for Sam”').setValue('He sounded hopeful.')
    await card(wrapper, 'A job for Sam').get('form.entry-form').trigger('submit')
    await until(() => expect(card(wrapper, 'A job for Sam').get('.entries').text()).toContain('He sounded hopeful.'))
    const [entry] = await db.entries.toArray()
    expect(entry).toMatchObject({ briefingId: 'my-prayers', briefingTitle: 'My prayers: Family', pointerText: 'A job for Sam', text: 'He sounded hopeful.' })
    expect(card(wrapper, 'A job for Sam').text()).toContain('Interviews in November.')

    await button(card(wrapper, 'A job for Sam'), 'Mark as answered').trigger('click')
    const answerForm = card(wrapper, 'A job for Sam').get('.answer-panel form, form.inline-editor, form:not(.entry-form)')
    await answerForm.get('textarea').setValue('He starts at the bakery in January.')
    await answerForm.trigger('submit')
    await until(() => expect(card(wrapper, 'A job for Sam').text()).toContain('He starts at the bakery in January.'))
    expect(await db.answers.get((await db.requests.toArray())[0]!.id)).toMatchObject({ briefingId: 'my-prayers', note: 'He starts at the bakery in January.' })
  })

  it('says plainly what is wrong and keeps the words: an empty request, a list name already used', async () => {
    await createList('Family')
    const { wrapper } = await mountRoute('/prayers')
    await until(() => expect(wrapper.get('h2').text()).toBe('Family'))
    await button(wrapper, 'New request').trigger('click')
    await wrapper.get('form.request-form').trigger('submit')
    await until(() => expect(wrapper.get('[role="alert"]').text()).toContain('Write the request first'))

    await field(wrapper, 'Request').setValue('The youth weekend')
    await field(wrapper, 'List').setValue('')
    await field(wrapper, 'Name of the new list').setValue('family')
    await wrapper.get('form.request-form').trigger('submit')
    await until(() => expect(wrapper.get('[role="alert"]').text()).toBe('You already have a list called “Family”. Choose another name.'))
    expect((field(wrapper, 'Request').element as HTMLTextAreaElement).value).toBe('The youth weekend')
    expect(await db.requests.count()).toBe(0)
  })

  it('edits a request and moves it to another list', async () => {
    const family = await createList('Family')
    await createList('Church')
    await addRequest({ text: 'The youth weekend', notes: '', scripture: null }, family.id)
    const { wrapper } = await mountRoute('/prayers')
    await until(() => { card(wrapper, 'The youth weekend') })
    await button(card(wrapper, 'The youth weekend'), 'Edit request').trigger('click')
    const form = wrapper.get('article.request form')
    await field(form, 'Request').setValue('Wisdom for the youth leaders')
    const church = (await db.prayerLists.toArray()).find(list => list.name === 'Church')!
    await field(form, 'List').setValue(church.id)
    await form.trigger('submit')
    await until(() => { card(wrapper, 'Wisdom for the youth leaders') })
    const sections = wrapper.findAll('section[aria-labelledby$="-heading"]').filter(s => s.find('h2').exists())
    expect(sections.map(s => [s.get('h2').text(), s.findAll('article.request h3').map(h => h.text())])).toEqual([['Family', []], ['Church', ['Wisdom for the youth leaders']]])
  })

  it('renames and reorders lists; deletes only an empty one', async () => {
    const family = await createList('Family')
    await createList('Church')
    await addRequest({ text: 'Aunt Miriam', notes: '', scripture: null }, family.id)
    const { wrapper } = await mountRoute('/prayers')
    await until(() => expect(wrapper.findAll('h2').map(h => h.text())).toEqual(['Family', 'Church']))
    const heading = () => wrapper.findAll('.list-heading')
    expect(heading()[0]!.findAll('button').map(b => b.text())).toEqual(['Rename', 'Move up', 'Move down'])
    await button(heading()[1]!, 'Move up').trigger('click')
    await until(() => expect(wrapper.findAll('h2').map(h => h.text())).toEqual(['Church', 'Family']))
    await button(heading()[0]!, 'Rename').trigger('click')
    await field(heading()[0]!, 'New name for “Church”').setValue('Our church')
    await heading()[0]!.get('form').trigger('submit')
    await until(() => expect(wrapper.findAll('h2').map(h => h.text())).toEqual(['Our church', 'Family']))
    await button(heading()[0]!, 'Delete list').trigger('click')
    await until(() => expect(wrapper.findAll('h2').map(h => h.text())).toEqual(['Family']))
  })

  it('archives with undo, and brings an archived request back', async () => {
    await addRequest({ text: 'A job for Sam', notes: '', scripture: null }, null)
    const { wrapper } = await mountRoute('/prayers')
    await until(() => { card(wrapper, 'A job for Sam') })
    await button(card(wrapper, 'A job for Sam'), 'Archive').trigger('click')
    await until(() => expect(wrapper.findAll('article.request')).toHaveLength(0))
    expect(wrapper.get('.archived summary').text()).toBe('Archived (1)')
    expect(wrapper.text()).toContain('Archived. It stays in your journal')
    await wrapper.get('.archived button').trigger('click')
    await until(() => expect(wrapper.findAll('article.request')).toHaveLength(1))
    expect((await readMyPrayers()).archived).toEqual([])
  })

  it('copies a request to share it, with its scripture and never its notes', async () => {
    const writeText = vi.fn(async () => {})
    const clipboard = Object.getOwnPropertyDescriptor(navigator, 'clipboard')
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true })
    await addRequest({ text: 'Healing for Aunt Miriam', notes: 'Private: surgery Tuesday', scripture: { quote: '', reference: 'Psalm 46:1' } }, null)
    const { wrapper } = await mountRoute('/prayers')
    await until(() => { card(wrapper, 'Healing for Aunt Miriam') })
    expect(card(wrapper, 'Healing for Aunt Miriam').findAll('button').map(b => b.text())).not.toContain('Share')
    await button(card(wrapper, 'Healing for Aunt Miriam'), 'Copy').trigger('click')
    await until(() => expect(card(wrapper, 'Healing for Aunt Miriam').text()).toContain('Copied.'))
    expect(writeText).toHaveBeenCalledWith('Please pray with me: Healing for Aunt Miriam (Psalm 46:1)')
    if (clipboard) Object.defineProperty(navigator, 'clipboard', clipboard)
    else delete (navigator as { clipboard?: unknown }).clipboard
  })

  it('draws a first page of cards, says how many there are, and draws down to a deep-linked one', async () => {
    const family = await createList('Family')
    const ids: string[] = []
    for (let i = 1; i <= 45; i++) ids.push((await addRequest({ text: `Request ${i}`, notes: '', scripture: null }, family.id)).id)
    await archiveRequest(ids[44]!)
    const { wrapper } = await mountRoute('/prayers')
    await until(() => expect(wrapper.findAll('article.request')).toHaveLength(10))
    expect(wrapper.text()).toContain('Showing 10 of 44 requests; more as you scroll.')
    expect(wrapper.find('.archived').exists()).toBe(false)

    const linked = await mountRoute(`/prayers#${ids[39]}`)
    await until(() => expect(linked.wrapper.findAll('article.request')).toHaveLength(44))
    expect(linked.wrapper.get('.archived summary').text()).toBe('Archived (1)')
  })

  it('keeps a half-written journal entry about a request as a draft, and brings it back after a reload', async () => {
    await addRequest({ text: 'A job for Sam', notes: '', scripture: null }, null)
    const first = await mountRoute('/prayers')
    await until(() => { card(first.wrapper, 'A job for Sam') })
    await field(card(first.wrapper, 'A job for Sam'), 'Journal entry for “A job for Sam”').setValue('Half a prayer for Sam')
    await until(async () => expect((await db.drafts.toArray()).map(d => [d.kind, d.briefingId, d.text])).toEqual([['entry-new', 'my-prayers', 'Half a prayer for Sam']]))
    first.wrapper.unmount()

    const again = await mountRoute('/prayers')
    await until(() => expect((field(card(again.wrapper, 'A job for Sam'), 'Journal entry for “A job for Sam”').element as HTMLTextAreaElement).value).toBe('Half a prayer for Sam'))
    expect(card(again.wrapper, 'A job for Sam').text()).toMatch(/Restored your unsaved draft from .+\./)
  })
})

