import { describe, expect, it, vi } from 'vitest'
import { isRequestId } from '~/briefings/my-prayers'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { recordPrayed } from '~/db/prayed'
import { readActiveRequests, readMyPrayers, readRequest } from '~/db/request-reads'
import { addRequest, archiveRequest, createList, deleteList, editRequest, moveList, renameList, requestSnapshot } from '~/db/requests'
import { loadThread } from '~/db/thread'
import { useFreshDatabase } from './helpers'

useFreshDatabase()

const words = (text: string, reference = '') => ({ text, notes: '', scripture: reference ? { quote: '', reference } : null })

describe('lists', () => {
  it('adds lists in order, renames and swaps them', async () => {
    const family = await createList('  Family ')
    const church = await createList('Church')
    expect(family.name).toBe('Family')
    await moveList(church.id, -1)
    expect((await readMyPrayers()).lists.map(list => list.name)).toEqual(['Church', 'Family'])
    await renameList(family.id, 'Home')
    await moveList(church.id, -1)
    expect((await readMyPrayers()).lists.map(list => list.name)).toEqual(['Church', 'Home'])
  })

  it('refuses an empty name and a name already used, whatever its capitals', async () => {
    const family = await createList('Family')
    await expect(createList('  ')).rejects.toThrow('Give the list a name.')
    await expect(createList('family')).rejects.toThrow('You already have a list called “Family”.')
    const church = await createList('Church')
    await expect(renameList(church.id, 'FAMILY')).rejects.toThrow('already have a list')
    await renameList(family.id, 'family')
    expect(await db.prayerLists.count()).toBe(2)
  })

  it('deletes only an empty list', async () => {
    const family = await createList('Family')
    const request = await addRequest(words('Aunt Miriam'), family.id)
    await archiveRequest(request.id)
    await expect(deleteList(family.id)).rejects.toThrow('Only an empty list can be deleted')
    const empty = await createList('Empty')
    await deleteList(empty.id)
    expect((await readMyPrayers()).lists.map(list => list.name)).toEqual(['Family'])
  })
})

describe('requests', () => {
  it('puts a first request into a new list, named or "My requests"', async () => {
    const first = await addRequest(words('Healing for Aunt Miriam'), null)
    expect(isRequestId(first.id)).toBe(true)
    expect((await readRequest(first.id))!.list!.name).toBe('My requests')
    const second = await addRequest(words('The youth weekend'), null, 'Church')
    expect((await readRequest(second.id))!.list!.name).toBe('Church')
  })

  it('refuses an empty request and keeps nothing', async () => {
    await expect(addRequest(words('   '), null)).rejects.toThrow('Write the request first')
    await expect(addRequest({ text: 'x', notes: '', scripture: { quote: 'Be still', reference: ' ' } }, null)).rejects.toThrow('Say where the scripture comes from')
    expect(await db.requests.count()).toBe(0)
    expect(await db.prayerLists.count()).toBe(0)
  })

  it('edits and moves a request; what was written about it keeps its words', async () => {
    const family = await createList('Family')
    const church = await createList('Church')
    await addRequest(words('Already in Church'), church.id)
    const request = await addRequest(words('The youth weekend'), family.id)
    await addEntry(requestSnapshot(request, family), 'Fourteen signed up.')
    await editRequest(request.id, words('Wisdom for the youth leaders', 'James 1:5'), church.id)

    const mine = await readMyPrayers()
    expect(mine.requests.get(family.id)).toEqual([])
    expect(mine.requests.get(church.id)!.map(s => s.request.text)).toEqual(['Already in Church', 'Wisdom for the youth leaders'])
    const thread = await loadThread(request.id)
    expect(thread).toMatchObject({ text: 'Wisdom for the youth leaders', briefingTitle: 'My prayers: Church', scriptureReference: 'James 1:5' })
    expect(thread!.events[0]!.record).toMatchObject({ pointerText: 'The youth weekend', briefingTitle: 'My prayers: Family' })
  })

  it('archives and brings back; archived requests leave Today\'s pool', async () => {
    const request = await addRequest(words('A job for Sam'), null)
    await archiveRequest(request.id)
    let mine = await readMyPrayers()
    expect(mine.archived.map(r => r.text)).toEqual(['A job for Sam'])
    expect((await readActiveRequests())[0]!.requests).toEqual([])
    await archiveRequest(request.id, false)
    mine = await readMyPrayers()
    expect(mine.archived).toEqual([])
    expect([...mine.requests.values()].flat().map(s => s.request.text)).toEqual(['A job for Sam'])
  })

  it('summarises each request from its own records only', async () => {
    const request = await addRequest(words('Aunt Miriam'), null)
    const other = await addRequest(words('Uncle Ben'), request.listId)
    const list = (await readRequest(request.id))!.list
    for (let i = 0; i < 5; i++) await recordPrayed(requestSnapshot(request, list))
    vi.useFakeTimers({ toFake: ['Date'] })
    for (let i = 0; i < 4; i++) {
      vi.setSystemTime(new Date(Date.UTC(2026, 11, 3, 8, i)))
      await addEntry(requestSnapshot(request, list), `Entry ${i}`)
    }
    vi.useRealTimers()
    const [mine, theirs] = (await readMyPrayers()).requests.get(request.listId)!
    expect(mine).toMatchObject({ prayedCount: 5 })
    expect(mine!.entries.map(e => e.text)).toEqual(['Entry 3', 'Entry 2', 'Entry 1'])
    expect(theirs).toMatchObject({ request: { id: other.id }, prayedCount: 0, entries: [], lastPrayed: undefined })
  })
})
