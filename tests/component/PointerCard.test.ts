import type { DBCore, Middleware } from 'dexie'
import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { useUnsavedStore } from '~/stores/unsaved'
import { button, field, hasButton, mountRoute, pointerCard, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()

async function openFirstPointer() {
  await seedBriefing()
  const { wrapper } = await mountRoute('/briefings/2025-09-05-peace-in-ukraine')
  await until(() => expect(wrapper.find('article').exists()).toBe(true))
  return { wrapper, card: () => pointerCard(wrapper, 1) }
}

describe('a pointer\'s journal', () => {
  it('saves an entry: the textarea clears and the entry shows at once, newest first', async () => {
    const { card } = await openFirstPointer()
    const text = field(card(), 'Journal entry for pointer 1')
    await text.setValue('Peace for the cities.')
    expect(useUnsavedStore().hasUnsaved).toBe(true)
    await button(card(), 'Save entry').trigger('submit')
    await until(() => expect(card().text()).toContain('Peace for the cities.'))
    expect((text.element as HTMLTextAreaElement).value).toBe('')
    expect(useUnsavedStore().hasUnsaved).toBe(false)
    // Focus stays in the emptied box: a screen reader hears the save in a status region.
    expect(card().get('form [role="status"]').text()).toBe('Entry saved on this device.')
    expect(card().get('h4').text()).toBe('Journal')
    expect(card().get('.entry time').attributes('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T/)

    await text.setValue('A second word.')
    expect(card().get('form [role="status"]').text()).toBe('')
    await text.trigger('keydown', { key: 'Enter', ctrlKey: true })
    await until(() => expect(card().findAll('.entry')).toHaveLength(2))
    expect(card().findAll('.entry .text').map(e => e.text())).toEqual(['A second word.', 'Peace for the cities.'])
  })

  it('refuses an empty entry in words, and keeps the text when the device is full', async () => {
    const { card } = await openFirstPointer()
    await button(card(), 'Save entry').trigger('submit')
    await until(() => expect(card().get('[role="alert"]').text()).toBe('Write something before saving.'))

    // Every write fails as a full disk does in a browser.
    const diskFull: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'disk-full',
      create: down => ({ ...down, table: name => ({ ...down.table(name), mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) }) }),
    }
    db.use(diskFull)
    try {
      // Middleware applies from the next open; the page's liveQuery keeps working through it.
      db.close({ disableAutoOpen: false })
      await db.open()
      const text = field(card(), 'Journal entry for pointer 1')
      await text.setValue('Words I must not lose.')
      await button(card(), 'Save entry').trigger('submit')
      await until(() => expect(card().get('[role="alert"]').text()).toMatch(/^Your device is out of storage space/))
      expect((text.element as HTMLTextAreaElement).value).toBe('Words I must not lose.')
    }
    finally {
      db.unuse({ stack: 'dbcore', name: 'disk-full' })
      db.close({ disableAutoOpen: false })
      await db.open()
    }
  })

  it('edits an entry in place, and Cancel leaves it as it was', async () => {
    const { card } = await openFirstPointer()
    await field(card(), 'Journal entry for pointer 1').setValue('First words.')
    await button(card(), 'Save entry').trigger('submit')
    await until(() => expect(card().text()).toContain('First words.'))

    await button(card(), 'Edit').trigger('click')
    const editor = field(card(), 'Edit journal entry')
    expect((editor.element as HTMLTextAreaElement).value).toBe('First words.')
    await editor.setValue('Better words.')
    expect(useUnsavedStore().hasUnsaved).toBe(true)
    await button(card(), 'Save changes').trigger('submit')
    await until(() => expect(card().get('.entry .text').text()).toBe('Better words.'))
    expect(card().text()).toContain('edited')

    await button(card(), 'Edit').trigger('click')
    await field(card(), 'Edit journal entry').setValue('Never mind.')
    await button(card(), 'Cancel').trigger('click')
    await until(() => expect(hasButton(card(), 'Save changes')).toBe(false))
    expect(card().get('.entry .text').text()).toBe('Better words.')
    expect(useUnsavedStore().hasUnsaved).toBe(false)
  })

  it('deletes an entry with an Undo that puts it back', async () => {
    const { card } = await openFirstPointer()
    await field(card(), 'Journal entry for pointer 1').setValue('Keep me.')
    await button(card(), 'Save entry').trigger('submit')
    await until(() => expect(card().text()).toContain('Keep me.'))

    await button(card(), 'Delete').trigger('click')
    await until(() => expect(card().find('.entry').exists()).toBe(false))
    expect(card().text()).toContain('Entry deleted.')
    expect(await db.entries.count()).toBe(0)

    await button(card(), 'Undo').trigger('click')
    await until(() => expect(card().get('.entry .text').text()).toBe('Keep me.'))
    expect(card().text()).not.toContain('Entry deleted.')
  })
})

describe('a pointer\'s answer and prayers', () => {
  it('marks answered with a note, edits it, and unmarks with Undo', async () => {
    const { card } = await openFirstPointer()
    await button(card(), 'Mark as answered').trigger('click')
    await field(card(), 'Answer note: how was this prayer answered?').setValue('Talks resumed.')
    await button(card(), 'Save answer').trigger('submit')
    await until(() => expect(card().get('section.answered').text()).toContain('Talks resumed.'))
    expect(card().get('section.answered h4').text()).toMatch(/^Answered on /)

    await button(card(), 'Edit answer').trigger('click')
    const note = field(card(), 'Answer note: how was this prayer answered?')
    expect((note.element as HTMLTextAreaElement).value).toBe('Talks resumed.')
    await note.setValue('Talks resumed, and a ceasefire.')
    await button(card(), 'Save answer').trigger('submit')
    await until(() => expect(card().get('section.answered').text()).toContain('and a ceasefire.'))

    await button(card(), 'Unmark answered').trigger('click')
    await until(() => expect(hasButton(card(), 'Mark as answered')).toBe(true))
    expect(await db.answers.count()).toBe(0)
    await button(card(), 'Undo').trigger('click')
    await until(() => expect(card().get('section.answered').text()).toContain('and a ceasefire.'))
  })

  it('Cancel closes the answer form without marking anything', async () => {
    const { card } = await openFirstPointer()
    await button(card(), 'Mark as answered').trigger('click')
    await button(card(), 'Cancel').trigger('click')
    await until(() => expect(hasButton(card(), 'Mark as answered')).toBe(true))
    expect(await db.answers.count()).toBe(0)
  })

  it('records a prayer with one tap, counts it, and Undo removes an accidental tap', async () => {
    const { card } = await openFirstPointer()
    await button(card(), 'I prayed for this').trigger('click')
    await until(() => expect(card().text()).toMatch(/Prayed 1 time, last just now/))
    await button(card(), 'I prayed for this').trigger('click')
    await until(() => expect(card().text()).toMatch(/Prayed 2 times/))

    await button(card(), 'Undo').trigger('click')
    await until(() => expect(card().text()).toMatch(/Prayed 1 time,/))
    expect(await db.prayed.count()).toBe(1)
  })
})
