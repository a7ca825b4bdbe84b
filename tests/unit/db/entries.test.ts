import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { db } from '~/db'
import { addEntry, deleteEntry, editEntry, restoreEntry } from '~/db/entries'
import { readTimeline } from '~/db/timeline'
import { firstPointer, useFreshDatabase } from './helpers'

useFreshDatabase()

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-09-06T08:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

describe('addEntry', () => {
  it('stores trimmed text with the pointer snapshot and both times', async () => {
    const entry = await addEntry(firstPointer(), '  Lord, hear us.\n\n')
    expect(entry).toMatchObject({ ...firstPointer(), text: 'Lord, hear us.', createdAt: '2025-09-06T08:00:00.000Z', editedAt: '2025-09-06T08:00:00.000Z' })
    expect(entry.id).toMatch(/^[0-9a-f-]{36}$/)
    expect(await db.entries.get(entry.id)).toEqual(entry)
  })

  it('refuses empty or blank text in plain words and stores nothing', async () => {
    await expect(addEntry(firstPointer(), ' \n\t ')).rejects.toThrow('Write something before saving.')
    expect(await db.entries.count()).toBe(0)
  })

  it('accepts a Vue reactive pointer and stores only the snapshot fields', async () => {
    const pointer = reactive({ ...firstPointer(), extra: 'not stored' })
    const entry = await addEntry(pointer, 'text')
    expect(await db.entries.get(entry.id)).not.toHaveProperty('extra')
  })
})

describe('editEntry', () => {
  it('changes the words and editedAt but keeps createdAt', async () => {
    const entry = await addEntry(firstPointer(), 'first words')
    vi.setSystemTime(new Date('2025-09-07T09:30:00.000Z'))
    const edited = await editEntry(entry.id, ' better words ')
    expect(edited).toEqual({ ...entry, text: 'better words', editedAt: '2025-09-07T09:30:00.000Z' })
    expect(await db.entries.get(entry.id)).toEqual(edited)
  })

  it('refuses empty text and keeps the old words', async () => {
    const entry = await addEntry(firstPointer(), 'keep me')
    await expect(editEntry(entry.id, '   ')).rejects.toThrow('Write something before saving.')
    expect((await db.entries.get(entry.id))?.text).toBe('keep me')
  })

  it('says so when the entry is gone', async () => {
    await expect(editEntry('missing', 'words')).rejects.toThrow('no longer exists')
  })
})

describe('deleteEntry and restoreEntry', () => {
  it('round-trips an entry unchanged (Undo)', async () => {
    const entry = await addEntry(firstPointer(), 'to be undone')
    const removed = await deleteEntry(entry.id)
    expect(removed).toEqual(entry)
    expect(await db.entries.count()).toBe(0)
    await restoreEntry(reactive(removed!))
    expect(await db.entries.get(entry.id)).toEqual(entry)
  })

  it('answers undefined for an entry that is not there', async () => {
    expect(await deleteEntry('missing')).toBeUndefined()
  })
})

describe('the journal timeline', () => {
  it('orders entries by createdAt, newest first, regardless of edits', async () => {
    const older = await addEntry(firstPointer(), 'older')
    vi.setSystemTime(new Date('2025-09-08T08:00:00.000Z'))
    const newer = await addEntry(firstPointer(), 'newer')
    vi.setSystemTime(new Date('2025-09-09T08:00:00.000Z'))
    await editEntry(older.id, 'older, edited')
    expect((await readTimeline({ kinds: ['written'] }, { upper: null, lower: null })).map(item => item.record)).toEqual([newer, { ...older, text: 'older, edited', editedAt: '2025-09-09T08:00:00.000Z' }])
  })
})
