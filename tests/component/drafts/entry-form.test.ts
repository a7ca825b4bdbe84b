import { describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { useUnsavedStore } from '~/stores/unsaved'
import { button, field, hasButton, mountRoute, pointerCard, seedBriefing, until, useComponentTestSetup } from '../helpers'
import { briefing, fillTheDisk, freeTheDisk, p1, seedDraft } from './support'

useComponentTestSetup()

const key = `entry-new:${p1}`

async function openBriefing() {
  await seedBriefing(briefing)
  const { wrapper, router } = await mountRoute(`/briefings/${briefing.id}`)
  await until(() => expect(wrapper.find('article').exists()).toBe(true))
  const card = () => pointerCard(wrapper, 1)
  const textarea = () => field(card(), 'Journal entry for pointer 1')
  return { wrapper, router, card, textarea, value: () => (textarea().element as HTMLTextAreaElement).value }
}

/**
 * Retries `check` while IndexedDB (fake-indexeddb, on setImmediate) does its work. With setTimeout
 * faked, vi.waitFor would advance the timers itself and let the typing pause end; this does not.
 */
async function withoutTimers(check: () => Promise<void>) {
  for (let attempt = 0; attempt < 500; attempt++) {
    try {
      return await check()
    }
    catch {
      await new Promise(resolve => setImmediate(resolve))
    }
  }
  await check()
}

describe('a new journal entry\'s draft', () => {
  it('is stored while typing, and then no longer counts as words a reload would lose', async () => {
    const { card, textarea } = await openBriefing()
    await textarea().setValue('Half a prayer for the leaders')
    const unsaved = useUnsavedStore()
    expect(unsaved.hasUnsaved).toBe(true)
    expect(unsaved.hasPending).toBe(true)
    expect(card().text()).not.toContain('Draft saved on this device')

    await until(() => expect(card().text()).toContain('Draft saved on this device'))
    expect(await db.drafts.get(key)).toMatchObject({ kind: 'entry-new', briefingId: briefing.id, pointerId: p1, text: 'Half a prayer for the leaders' })
    expect(unsaved.hasUnsaved).toBe(true)
    expect(unsaved.hasPending).toBe(false)

    // Typing on makes the stored draft stale until it is written again.
    await textarea().setValue('Half a prayer for the leaders, and for peace')
    expect(card().text()).not.toContain('Draft saved on this device')
    expect(unsaved.hasPending).toBe(true)
    await until(async () => expect((await db.drafts.get(key))?.text).toBe('Half a prayer for the leaders, and for peace'))
  })

  it('is restored when the pointer opens again, and says from when', async () => {
    await seedDraft('entry-new', key, 'Words from before the reload\nwith a second line')
    const { card, value } = await openBriefing()
    await until(() => expect(value()).toBe('Words from before the reload\nwith a second line'))
    expect(card().text()).toMatch(/Restored your unsaved draft from .+\./)
    expect(card().get('.restored time').attributes('datetime')).toBe((await db.drafts.get(key))!.updatedAt)
    expect(card().text()).toContain('Draft saved on this device')
    expect(useUnsavedStore().hasPending).toBe(false)

    // Emptied by hand: nothing restored is left to speak of, and the draft goes.
    await field(card(), 'Journal entry for pointer 1').setValue('')
    expect(card().text()).not.toContain('Restored your unsaved draft')
    await until(async () => expect(await db.drafts.count()).toBe(0))
  })

  it('goes away once the words are saved as an entry', async () => {
    await seedDraft('entry-new', key, 'Finish this prayer')
    const { card, textarea, value } = await openBriefing()
    await until(() => expect(value()).toBe('Finish this prayer'))
    await textarea().setValue('Finish this prayer: peace in the east.')
    await button(card(), 'Save entry').trigger('submit')

    await until(() => expect(card().get('.entry .text').text()).toBe('Finish this prayer: peace in the east.'))
    expect(value()).toBe('')
    await until(async () => expect(await db.drafts.count()).toBe(0))
    expect(card().text()).not.toContain('Restored your unsaved draft')
    expect(card().text()).not.toContain('Draft saved on this device')
    expect(useUnsavedStore().hasUnsaved).toBe(false)
  })

  it('Discard draft empties the editor and the drafts table, and Undo brings the words back', async () => {
    await seedDraft('entry-new', key, 'Not what I meant')
    const { card, value } = await openBriefing()
    await until(() => expect(value()).toBe('Not what I meant'))

    await button(card(), 'Discard draft').trigger('click')
    await until(async () => expect(await db.drafts.count()).toBe(0))
    expect(value()).toBe('')
    expect(hasButton(card(), 'Discard draft')).toBe(false)
    expect(document.activeElement?.tagName).toBe('TEXTAREA')
    expect(card().text()).toContain('Draft discarded.')

    await button(card(), 'Undo').trigger('click')
    await until(() => expect(value()).toBe('Not what I meant'))
    await until(async () => expect((await db.drafts.get(key))?.text).toBe('Not what I meant'))
  })

  it('is written at once when the page is hidden, without waiting for typing to pause', async () => {
    const { textarea } = await openBriefing()
    // Only the page's own events can write the draft: the pause after typing never ends.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      await textarea().setValue('Typed just before switching apps')
      expect(await db.drafts.count()).toBe(0)
      const visibility = vi.spyOn(document, 'visibilityState', 'get').mockReturnValue('hidden')
      document.dispatchEvent(new Event('visibilitychange'))
      visibility.mockRestore()
      await withoutTimers(async () => expect((await db.drafts.get(key))?.text).toBe('Typed just before switching apps'))

      await textarea().setValue('Typed just before closing the tab')
      window.dispatchEvent(new Event('pagehide'))
      await withoutTimers(async () => expect((await db.drafts.get(key))?.text).toBe('Typed just before closing the tab'))
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('is written at once when the person moves to another page', async () => {
    const { textarea, router } = await openBriefing()
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      await textarea().setValue('Left mid-sentence')
      await router.push('/journal')
      await withoutTimers(async () => expect((await db.drafts.get(key))?.text).toBe('Left mid-sentence'))
    }
    finally {
      vi.useRealTimers()
    }
  })

  it('keeps the words on screen and still counts them as at risk when the disk is full', async () => {
    const { card, textarea, value } = await openBriefing()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    await fillTheDisk()
    try {
      await textarea().setValue('Words I must not lose')
      await until(() => expect(card().text()).toContain('This device could not keep a draft of these words.'))
      expect(value()).toBe('Words I must not lose')
      expect(card().find('[role="alert"]').exists()).toBe(false)
      expect(useUnsavedStore().hasPending).toBe(true)
      expect(await useUnsavedStore().flushAll()).toBe(false)
      expect(warn).toHaveBeenCalledWith('Could not keep a draft on this device', expect.anything())
    }
    finally {
      await freeTheDisk()
      warn.mockRestore()
    }
    // With space again, the next change is stored.
    await textarea().setValue('Words I must not lose, now kept')
    await until(() => expect(card().text()).toContain('Draft saved on this device'))
    expect(useUnsavedStore().hasPending).toBe(false)
  })
})
