import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { collectDialogs, heading, launchApp, openUkraine, pointer, storedKeys, ukraine, type App } from './support'

describe('drafts', () => {
  let app: App
  let dialogs: string[]
  beforeEach(async () => {
    app = await launchApp()
    dialogs = collectDialogs(app.page)
  })
  afterEach(async () => { await app.close() })

  it('an entry draft and an answer draft survive a reload, and go once saved', async () => {
    const { page } = app
    const entry = 'Half a prayer for Kyiv,\nstill being written'
    const answer = 'Talks began again — not finished writing this'
    await page.goto('/')
    await openUkraine(page)
    const card = pointer(page, 1)
    const journal = card.getByRole('textbox', { name: 'Journal entry for pointer 1' })
    await journal.fill(entry)
    await card.getByText('Draft saved on this device').waitFor()
    await card.getByRole('button', { name: 'Mark as answered' }).click()
    const note = card.getByRole('textbox', { name: 'Answer note: how was this prayer answered?' })
    await note.fill(answer)
    await card.getByText('Draft saved on this device').nth(1).waitFor()

    await page.reload()
    await heading(page, ukraine.title)
    await card.getByText(/^Restored your unsaved draft from /).nth(1).waitFor()
    expect(await journal.inputValue()).toBe(entry)
    expect(await note.inputValue()).toBe(answer)
    expect(await storedKeys(page, 'drafts')).toHaveLength(2)
    // Both were stored as drafts, so the tab had nothing to warn about.
    expect(dialogs).toEqual([])

    await card.getByRole('button', { name: 'Save entry' }).click()
    await card.getByRole('listitem').getByText('Half a prayer for Kyiv,').waitFor()
    await card.getByRole('button', { name: 'Save answer' }).click()
    await card.getByRole('region', { name: /^Answered on / }).getByText(answer).waitFor()
    await expect.poll(() => storedKeys(page, 'drafts')).toEqual([])

    await page.reload()
    await heading(page, ukraine.title)
    await card.getByRole('button', { name: 'Edit answer' }).waitFor()
    expect(await journal.inputValue()).toBe('')
    expect(await card.getByText(/^Restored your unsaved draft/).count()).toBe(0)
    expect(await card.getByRole('textbox', { name: 'Answer note: how was this prayer answered?' }).count()).toBe(0)
  })

  it('a change to a saved entry survives a reload, and Cancel lets it go', async () => {
    const { page } = app
    await page.goto('/')
    await openUkraine(page)
    const card = pointer(page, 2)
    await card.getByRole('textbox', { name: 'Journal entry for pointer 2' }).fill('The words as saved')
    await card.getByRole('button', { name: 'Save entry' }).click()
    await card.getByRole('button', { name: 'Edit' }).click()
    const editor = card.getByRole('textbox', { name: 'Edit journal entry' })
    await editor.fill('The words as I was changing them')
    await card.getByText('Draft saved on this device').waitFor()

    await page.reload()
    await heading(page, ukraine.title)
    expect(await editor.inputValue()).toBe('The words as I was changing them')
    await card.getByRole('button', { name: 'Cancel' }).click()
    await card.getByText('The words as saved').waitFor()
    await expect.poll(() => storedKeys(page, 'drafts')).toEqual([])
    expect(dialogs).toEqual([])
  })
})
