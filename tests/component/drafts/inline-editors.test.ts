import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { markAnswered } from '~/db/answers'
import { snapshotOf } from '~/db/snapshot'
import type { StoredBriefing } from '~/db/types'
import { useUnsavedStore } from '~/stores/unsaved'
import { button, field, hasButton, mountRoute, pointerCard, seedBriefing, until, useComponentTestSetup } from '../helpers'
import { briefing, p1, seedDraft } from './support'

useComponentTestSetup()

const ANSWER = 'Answer note: how was this prayer answered?'
const EDIT = 'Edit journal entry'

async function openBriefing() {
  await seedBriefing(briefing)
  const { wrapper } = await mountRoute(`/briefings/${briefing.id}`)
  await until(() => expect(wrapper.find('article').exists()).toBe(true))
  const card = () => pointerCard(wrapper, 1)
  const valueOf = (name: string) => (field(card(), name).element as HTMLTextAreaElement).value
  return { card, valueOf }
}

async function firstSnapshot() {
  const stored = await db.briefings.get(briefing.id) as StoredBriefing
  return snapshotOf(stored, stored.pointers[0]!)
}

describe('an answered note\'s draft', () => {
  it('opens the answer form with the words typed before the reload', async () => {
    await seedDraft('answer', `answer:${p1}`, 'Talks resumed on Monday')
    const { card, valueOf } = await openBriefing()
    await until(() => expect(valueOf(ANSWER)).toBe('Talks resumed on Monday'))
    expect(card().text()).toMatch(/Restored your unsaved draft from /)
    expect(hasButton(card(), 'Mark as answered')).toBe(false)

    await button(card(), 'Save answer').trigger('submit')
    await until(() => expect(card().get('section.answered').text()).toContain('Talks resumed on Monday'))
    await until(async () => expect(await db.drafts.count()).toBe(0))
    expect(useUnsavedStore().hasUnsaved).toBe(false)
  })

  it('is stored while typing a note, and Cancel lets it go', async () => {
    const { card } = await openBriefing()
    await button(card(), 'Mark as answered').trigger('click')
    await field(card(), ANSWER).setValue('A ceasefire held')
    await until(() => expect(card().text()).toContain('Draft saved on this device'))
    expect(await db.drafts.get(`answer:${p1}`)).toMatchObject({ kind: 'answer', pointerId: p1, text: 'A ceasefire held' })

    await button(card(), 'Cancel').trigger('click')
    await until(() => expect(hasButton(card(), 'Mark as answered')).toBe(true))
    await until(async () => expect(await db.drafts.count()).toBe(0))
    expect(await db.answers.count()).toBe(0)
  })

  it('a draft that says what is already saved is not brought back', async () => {
    await seedBriefing(briefing)
    await markAnswered(await firstSnapshot(), 'Already saved')
    await seedDraft('answer', `answer:${p1}`, 'Already saved')
    const { card } = await openBriefing()
    await until(async () => expect(await db.drafts.count()).toBe(0))
    expect(hasButton(card(), 'Edit answer')).toBe(true)
    expect(card().text()).not.toContain('Restored your unsaved draft')
  })
})

describe('an edited entry\'s draft', () => {
  it('reopens the entry\'s editor with the changed words, and Discard draft leaves the entry as it was', async () => {
    await seedBriefing(briefing)
    const entry = await addEntry(await firstSnapshot(), 'The words as saved')
    await seedDraft('entry-edit', `entry-edit:${entry.id}`, 'The words as I was changing them')
    const { card, valueOf } = await openBriefing()
    await until(() => expect(valueOf(EDIT)).toBe('The words as I was changing them'))
    expect(card().get('.entry').text()).toMatch(/Restored your unsaved draft from /)

    await button(card(), 'Discard draft').trigger('click')
    await until(() => expect(card().get('.entry .text').text()).toBe('The words as saved'))
    await until(async () => expect(await db.drafts.count()).toBe(0))
    expect(document.activeElement?.textContent).toBe('Edit')

    // Undo reopens the editor with the discarded words, and they are a draft again.
    await button(card(), 'Undo').trigger('click')
    await until(() => expect(valueOf(EDIT)).toBe('The words as I was changing them'))
    await until(async () => expect((await db.drafts.get(`entry-edit:${entry.id}`))?.text).toBe('The words as I was changing them'))
  })

  it('is stored while editing and goes away once the change is saved', async () => {
    await seedBriefing(briefing)
    const entry = await addEntry(await firstSnapshot(), 'First words')
    const { card } = await openBriefing()
    await button(card(), 'Edit').trigger('click')
    await field(card(), EDIT).setValue('Better words')
    await until(() => expect(card().text()).toContain('Draft saved on this device'))
    expect(await db.drafts.get(`entry-edit:${entry.id}`)).toMatchObject({ kind: 'entry-edit', briefingId: briefing.id, pointerId: p1, text: 'Better words' })

    await button(card(), 'Save changes').trigger('submit')
    await until(() => expect(card().get('.entry .text').text()).toBe('Better words'))
    await until(async () => expect(await db.drafts.count()).toBe(0))
  })

  it('keeps no draft once the words are back to the entry\'s own', async () => {
    await seedBriefing(briefing)
    await addEntry(await firstSnapshot(), 'Unchanged')
    const { card } = await openBriefing()
    await button(card(), 'Edit').trigger('click')
    await field(card(), EDIT).setValue('Changed for a moment')
    await until(() => expect(card().text()).toContain('Draft saved on this device'))

    await field(card(), EDIT).setValue('Unchanged ')
    expect(useUnsavedStore().hasUnsaved).toBe(false)
    expect(card().text()).not.toContain('Draft saved on this device')
    await until(async () => expect(await db.drafts.count()).toBe(0))
  })
})
