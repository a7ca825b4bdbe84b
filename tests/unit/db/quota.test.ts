import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { markAnswered } from '~/db/answers'
import { saveDraft } from '~/db/drafts'
import { storageErrorMessage } from '~/db/errors'
import { setSetting } from '~/db/settings'
import { fillTheDisk, freeTheDisk } from './fixtures/disk-full'
import { firstPointer, useFreshDatabase } from './helpers'

useFreshDatabase()
beforeEach(fillTheDisk)
afterEach(freeTheDisk)

describe('when the device is out of space', () => {
  it('addEntry rejects and the message says so in plain words', async () => {
    const error = await addEntry(firstPointer(), 'precious words').catch((reason: unknown) => reason)
    expect(storageErrorMessage(error)).toBe('Your device is out of storage space, so this was not saved. Your words are still here: free some space and try again.')
  })

  it('a transaction (markAnswered) fails the same way', async () => {
    const error = await markAnswered(firstPointer(), 'note').catch((reason: unknown) => reason)
    expect(storageErrorMessage(error)).toMatch(/^Your device is out of storage space/)
  })

  it('the v2 tables (a draft, a setting) fail the same way and store nothing', async () => {
    const pointer = firstPointer()
    const target = { key: `entry-new:${pointer.pointerId}`, kind: 'entry-new' as const, briefingId: pointer.briefingId, pointerId: pointer.pointerId }
    for (const write of [() => saveDraft(target, 'half a thought'), () => setSetting('backupReminderDays', 7)]) {
      const error = await write().catch((reason: unknown) => reason)
      expect(storageErrorMessage(error)).toMatch(/^Your device is out of storage space/)
    }
    await freeTheDisk()
    expect(await db.drafts.count()).toBe(0)
    expect(await db.settings.count()).toBe(0)
    await fillTheDisk()
  })
})
