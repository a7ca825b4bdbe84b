import { afterEach, describe, expect, it } from 'vitest'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { snapshotOf } from '~/db/snapshot'
import { fillTheDisk, freeTheDisk } from '../unit/db/fixtures/disk-full'
import { button, field, mountRoute, pointerCard, seedBriefing, until, useComponentTestSetup } from './helpers'

useComponentTestSetup()
afterEach(freeTheDisk)

const OUT_OF_SPACE = 'Your device is out of storage space, so this was not saved. Your words are still here: free some space and try again.'

/** The real briefing view, with its real EntryForm, EntryItem and AnswerPanel, on a full disk. */
async function openOnFullDisk() {
  const briefing = await seedBriefing()
  const entry = await addEntry(snapshotOf(briefing, briefing.pointers[0]!), 'Already saved.')
  const { wrapper } = await mountRoute(`/briefings/${briefing.id}`)
  await until(() => expect(pointerCard(wrapper, 1).text()).toContain('Already saved.'))
  await fillTheDisk()
  return { wrapper, card: () => pointerCard(wrapper, 1), entry }
}

async function expectKept(alertRoot: () => ReturnType<typeof pointerCard>, label: string, words: string) {
  await until(() => expect(alertRoot().get('[role="alert"]').text()).toBe(OUT_OF_SPACE))
  expect((field(alertRoot(), label).element as HTMLTextAreaElement).value).toBe(words)
}

describe('when the device is out of space', () => {
  it('a new journal entry: the alert says so and the words stay in the textarea', async () => {
    const { card } = await openOnFullDisk()
    const label = 'Journal entry for pointer 1'
    await field(card(), label).setValue('Words I must not lose 🙏\nsecond line.')
    await button(card(), 'Save entry').trigger('submit')
    await expectKept(card, label, 'Words I must not lose 🙏\nsecond line.')
    expect(await db.entries.count()).toBe(1)
  })

  it('an answered note: the alert says so and the note stays in the textarea', async () => {
    const { card } = await openOnFullDisk()
    const label = 'Answer note: how was this prayer answered?'
    await button(card(), 'Mark as answered').trigger('click')
    await field(card(), label).setValue('Talks resumed this week.')
    await button(card(), 'Save answer').trigger('submit')
    await expectKept(card, label, 'Talks resumed this week.')
    expect(await db.answers.count()).toBe(0)
  })

  it('editing an entry: the alert says so and the changed words stay', async () => {
    const { card, entry } = await openOnFullDisk()
    const label = 'Edit journal entry'
    await button(card(), 'Edit').trigger('click')
    await field(card(), label).setValue('Already saved, and changed.')
    await button(card(), 'Save changes').trigger('submit')
    await expectKept(card, label, 'Already saved, and changed.')
    expect((await db.entries.get(entry.id))?.text).toBe('Already saved.')
  })

  it('saving works again once there is space, with the words that were kept', async () => {
    const { card } = await openOnFullDisk()
    const label = 'Journal entry for pointer 1'
    await field(card(), label).setValue('Try again later.')
    await button(card(), 'Save entry').trigger('submit')
    await expectKept(card, label, 'Try again later.')

    await freeTheDisk()
    await button(card(), 'Save entry').trigger('submit')
    await until(() => expect(card().findAll('.entry .text').map(e => e.text())).toContain('Try again later.'))
    expect(card().find('[role="alert"]').exists()).toBe(false)
  })
})
