import type { DBCore, Middleware } from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db'
import { storageErrorKind } from '~/db/errors'
import { importBackup, readBackup } from '~/backup/import'
import type { BackupFile } from '~/backup/format'
import { useFreshDatabase } from '../db/helpers'
import { answer, backupText, dumpDatabase, entry, fillDatabase, pasted, prayed, sampleData, stored, sudan, ukraine } from './fixtures'

useFreshDatabase()

const NONE = { briefings: 0, prayerLists: 0, requests: 0, entries: 0, answers: 0, prayed: 0 }

/** The journal of a second phone: some of the same records (some edited there), some of its own. */
function otherPhone() {
  const data = sampleData()
  data.briefings[0] = stored(ukraine, { openedAt: '2025-09-05T22:00:00.000Z', updatedAt: '2025-09-10T00:00:00.000Z', title: 'Peace in Ukraine (revised)', hash: 'newer' } as never)
  data.briefings[2] = { ...data.briefings[2]!, source: 'feed', openedAt: null }
  data.entries[0] = { ...data.entries[0]!, text: 'Edited later on the other phone.', editedAt: '2025-12-01T08:00:00.000Z' }
  data.entries[1] = { ...data.entries[1]!, text: 'An older edit, which should lose.', editedAt: '2025-09-07T22:00:00.000Z' }
  data.entries.push(entry(sudan, 1, 'other-phone-entry', 'Written on the other phone 📱', '2025-11-25T09:00:00.000Z'))
  data.answers[1] = { ...data.answers[1]!, note: 'Food arrived.', editedAt: '2025-11-30T10:00:00.000Z' }
  data.answers.push(answer(pasted, 0, 'The council met.', '2025-11-24T10:00:00.000Z'))
  data.prayed.push(prayed(sudan, 0, 'other-phone-prayed', '2025-11-25T09:01:00.000Z'))
  return data
}

async function fileOf(data: ReturnType<typeof sampleData>, settings = { backupReminderDays: 30 }): Promise<BackupFile> {
  const file = await readBackup(backupText(data))
  return { ...file, data: { ...file.data, settings } }
}

beforeEach(async () => {
  await fillDatabase()
})

describe('merge', () => {
  it('adds what is missing and keeps the later edit of each record', async () => {
    const mine = sampleData()
    const summary = await importBackup(await fileOf(otherPhone()), 'merge')
    expect(summary).toEqual({
      added: { ...NONE, entries: 1, answers: 1, prayed: 1 },
      updated: { ...NONE, briefings: 1, entries: 1, answers: 1 },
      // The pasted briefing is the same but for its source ('feed' there): pasted wins, so it stays as it is.
      unchanged: 2 + 3 + 1 + 3,
    })

    expect((await db.entries.get(mine.entries[0]!.id))?.text).toBe('Edited later on the other phone.')
    expect(await db.entries.get(mine.entries[1]!.id)).toEqual(mine.entries[1])
    expect((await db.entries.get('other-phone-entry'))?.text).toBe('Written on the other phone 📱')
    expect((await db.answers.get(mine.answers[1]!.pointerId))?.note).toBe('Food arrived.')
    expect((await db.answers.get(`${pasted.id}-p1`))?.note).toBe('The council met.')
    expect(await db.prayed.count()).toBe(4)
  })

  it('keeps the newer briefing content with the earliest opening, and pasted wins', async () => {
    await importBackup(await fileOf(otherPhone()), 'merge')
    const revised = await db.briefings.get(ukraine.id)
    expect(revised?.title).toBe('Peace in Ukraine (revised)')
    expect(revised?.hash).toBe('newer')
    expect(revised?.openedAt).toBe('2025-09-05T22:00:00.000Z')
    const mine = await db.briefings.get(pasted.id)
    expect(mine?.source).toBe('pasted')
    expect(mine?.openedAt).toBeNull()
  })

  it('leaves this device\'s settings, device facts and drafts alone', async () => {
    const before = await dumpDatabase()
    await importBackup(await fileOf(otherPhone(), { backupReminderDays: 0 }), 'merge')
    const after = await dumpDatabase()
    expect(after.settings).toEqual(before.settings)
    expect(after.drafts).toEqual(before.drafts)
  })

  it('twice changes nothing more than once', async () => {
    const file = await fileOf(otherPhone())
    await importBackup(file, 'merge')
    const once = await dumpDatabase()
    const second = await importBackup(file, 'merge')
    expect(second).toEqual({ added: NONE, updated: NONE, unchanged: 3 + 5 + 3 + 4 })
    expect(await dumpDatabase()).toEqual(once)
  })

  it('of this device\'s own backup changes nothing at all', async () => {
    const before = await dumpDatabase()
    const summary = await importBackup(await fileOf(sampleData()), 'merge')
    expect(summary).toEqual({ added: NONE, updated: NONE, unchanged: 3 + 4 + 2 + 3 })
    expect(await dumpDatabase()).toEqual(before)
  })
})

describe('replace', () => {
  it('makes the journal exactly the file\'s, takes its reminder, and keeps drafts and device facts', async () => {
    const before = await dumpDatabase()
    const theirs = sampleData()
    theirs.briefings = [theirs.briefings[1]!]
    theirs.entries = [theirs.entries[2]!]
    theirs.answers = [theirs.answers[1]!]
    theirs.prayed = [theirs.prayed[2]!]
    const summary = await importBackup(await fileOf(theirs, { backupReminderDays: 0 }), 'replace')
    expect(summary).toEqual({ added: { ...NONE, briefings: 1, entries: 1, answers: 1, prayed: 1 }, updated: NONE, unchanged: 0 })

    const after = await dumpDatabase()
    // A file from before lists: this device's lists and requests go with the rest of its journal.
    expect(after.prayerLists).toEqual([])
    expect(after.requests).toEqual([])
    expect(after.briefings).toEqual(theirs.briefings)
    expect(after.entries).toEqual(theirs.entries)
    expect(after.answers).toEqual(theirs.answers)
    expect(after.prayed).toEqual(theirs.prayed)
    expect(after.drafts).toEqual(before.drafts)
    // (The search index's own state, marked for a rebuild after so many writes, is its own business.)
    expect(after.settings!.filter(row => (row as { key: string }).key !== 'searchIndex')).toEqual([
      { key: 'backupReminderDays', value: 0 },
      { key: 'persistence', value: { askedAt: '2025-09-06T09:11:00.000Z', granted: true } },
    ])
  })
})

// Fails every write to the prayed table, which both modes write last: the writes before it must roll back.
const prayedFails: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'prayed-fails',
  create: down => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      if (name !== 'prayed') return table
      return { ...table, mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) }
    },
  }),
}

describe('when the device fails halfway through a restore', () => {
  beforeEach(async () => {
    db.close()
    db.use(prayedFails)
    await db.open()
  })
  afterEach(async () => {
    db.close()
    db.unuse({ stack: 'dbcore', name: 'prayed-fails' })
    await db.open()
  })

  for (const mode of ['merge', 'replace'] as const) {
    it(`nothing is changed (${mode})`, async () => {
      const before = await dumpDatabase()
      const error = await importBackup(await fileOf(otherPhone()), mode).catch((reason: unknown) => reason)
      expect(storageErrorKind(error)).toBe('quota')
      expect(await dumpDatabase()).toEqual(before)
    })
  }
})

describe('merge rules for briefings', () => {
  it('a briefing pasted on the other phone becomes pasted here, and an undated one sorts by its first arrival', async () => {
    const theirs = sampleData()
    theirs.briefings[1] = { ...theirs.briefings[1]!, source: 'pasted' }
    theirs.briefings[2] = { ...theirs.briefings[2]!, addedAt: '2025-10-30T20:00:00.000Z', sortDate: '2025-10-30' }
    const summary = await importBackup(await fileOf(theirs), 'merge')
    expect(summary.updated.briefings).toBe(2)
    expect((await db.briefings.get(sudan.id))?.source).toBe('pasted')
    const undated = await db.briefings.get(pasted.id)
    expect(undated).toMatchObject({ addedAt: '2025-10-30T20:00:00.000Z', sortDate: '2025-10-30', updatedAt: '2025-11-02T20:00:00.000Z' })
  })

  it('a briefing with an older update keeps this device\'s content', async () => {
    const theirs = sampleData()
    theirs.briefings[1] = { ...theirs.briefings[1]!, title: 'Old title', updatedAt: '2025-10-14T07:00:00.000Z' }
    const summary = await importBackup(await fileOf(theirs), 'merge')
    expect(summary.updated.briefings).toBe(0)
    expect((await db.briefings.get(sudan.id))?.title).toBe(sudan.title)
  })
})
