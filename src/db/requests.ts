import { newListId, newRequestId } from '~/briefings/my-prayers'
import type { Scripture } from '~/briefings/types'
import { UserFacingError } from './errors'
import { db } from './index'
import type { PrayerList, PrayerRequest } from './types'

// Made in snapshot.ts, with the other snapshots, so Today's read does not bring every request verb with it.
export { requestSnapshot } from './snapshot'

/** The person's own requests and the lists they keep them in: every write goes through here. */

/** Longer than any request a person types; it stops a stray paste of a whole document. */
export const MAX_REQUEST_LENGTH = 4000
export const MAX_LIST_NAME_LENGTH = 80
/** The list a first request goes into when the person has not named one. */
export const FIRST_LIST_NAME = 'My requests'

export interface RequestWords {
  text: string
  notes: string
  scripture: Scripture | null
}

function checkedListName(name: string, lists: PrayerList[], exceptId?: string): string {
  const clean = name.trim().replace(/\s+/g, ' ')
  if (!clean) throw new UserFacingError('Give the list a name.')
  if (clean.length > MAX_LIST_NAME_LENGTH) throw new UserFacingError(`A list name can be at most ${MAX_LIST_NAME_LENGTH} characters.`)
  const taken = lists.find(list => list.id !== exceptId && list.name.toLocaleLowerCase() === clean.toLocaleLowerCase())
  if (taken) throw new UserFacingError(`You already have a list called “${taken.name}”. Choose another name.`)
  return clean
}

function checkedWords(words: RequestWords): RequestWords {
  const text = words.text.trim()
  if (!text) throw new UserFacingError('Write the request first: what would you like to pray for?')
  if (text.length > MAX_REQUEST_LENGTH) throw new UserFacingError(`A request can be at most ${MAX_REQUEST_LENGTH.toLocaleString('en')} characters. Put the rest in its notes or in a journal entry.`)
  const notes = words.notes.trim()
  if (notes.length > MAX_REQUEST_LENGTH) throw new UserFacingError(`Notes can be at most ${MAX_REQUEST_LENGTH.toLocaleString('en')} characters.`)
  const reference = words.scripture?.reference.trim() ?? ''
  const quote = words.scripture?.quote.trim() ?? ''
  if (quote && !reference) throw new UserFacingError('Say where the scripture comes from (for example Psalm 46:1), or leave the quote empty.')
  return { text, notes, scripture: reference ? { quote, reference } : null }
}

const nextOrder = (orders: number[]) => orders.length ? Math.max(...orders) + 1 : 0

/** Adds a list at the end. Refuses an empty name or one already used (whatever its capitals). */
export async function createList(name: string): Promise<PrayerList> {
  return db.transaction('rw', db.prayerLists, async () => {
    const lists = await db.prayerLists.toArray()
    const now = new Date().toISOString()
    const list: PrayerList = { id: newListId(), name: checkedListName(name, lists), order: nextOrder(lists.map(l => l.order)), createdAt: now, updatedAt: now }
    await db.prayerLists.add(list)
    return list
  })
}

export async function renameList(id: string, name: string): Promise<void> {
  await db.transaction('rw', db.prayerLists, async () => {
    const clean = checkedListName(name, await db.prayerLists.toArray(), id)
    await db.prayerLists.update(id, { name: clean, updatedAt: new Date().toISOString() })
  })
}

/** Swaps a list with its neighbour above (-1) or below (+1). */
export async function moveList(id: string, by: -1 | 1): Promise<void> {
  await db.transaction('rw', db.prayerLists, async () => {
    const lists = await db.prayerLists.orderBy('order').toArray()
    const at = lists.findIndex(list => list.id === id)
    const other = lists[at + by]
    if (at < 0 || !other) return
    const now = new Date().toISOString()
    await db.prayerLists.bulkUpdate([
      { key: id, changes: { order: other.order, updatedAt: now } },
      { key: other.id, changes: { order: lists[at]!.order, updatedAt: now } },
    ])
  })
}

/** Deletes a list that holds no request, active or archived: nothing written is ever lost this way. */
export async function deleteList(id: string): Promise<void> {
  await db.transaction('rw', db.prayerLists, db.requests, async () => {
    if (await db.requests.where('listId').equals(id).count()) throw new UserFacingError('Only an empty list can be deleted. Move or archive its requests first; archived requests stay in their list.')
    await db.prayerLists.delete(id)
  })
}

/**
 * Adds a request at the end of a list. With no list (the person's first request) it goes into
 * a new list named `newListName`, or "My requests".
 */
export async function addRequest(words: RequestWords, listId: string | null, newListName = ''): Promise<PrayerRequest> {
  const clean = checkedWords(words)
  return db.transaction('rw', db.prayerLists, db.requests, async () => {
    const list = listId ? await db.prayerLists.get(listId) : await createList(newListName.trim() || FIRST_LIST_NAME)
    if (!list) throw new UserFacingError('That list is no longer here. Choose another list and save again.')
    const inList = await db.requests.where('listId').equals(list.id).toArray()
    const now = new Date().toISOString()
    const request: PrayerRequest = { id: newRequestId(), listId: list.id, ...clean, order: nextOrder(inList.map(r => r.order)), createdAt: now, updatedAt: now, archivedAt: null }
    await db.requests.add(request)
    return request
  })
}

/** New words for a request, and maybe a new list (it goes to the end of it). Past records keep their words. */
export async function editRequest(id: string, words: RequestWords, listId: string): Promise<void> {
  const clean = checkedWords(words)
  await db.transaction('rw', db.prayerLists, db.requests, async () => {
    const request = await db.requests.get(id)
    if (!request) throw new UserFacingError('This request is no longer on this device.')
    if (!await db.prayerLists.get(listId)) throw new UserFacingError('That list is no longer here. Choose another list and save again.')
    const moved = listId !== request.listId
    const order = moved ? nextOrder((await db.requests.where('listId').equals(listId).toArray()).map(r => r.order)) : request.order
    await db.requests.update(id, { ...clean, listId, order, updatedAt: new Date().toISOString() })
  })
}

/** Puts a request away, or brings it back (`archived` false). Its records stay either way. */
export async function archiveRequest(id: string, archived = true): Promise<void> {
  const now = new Date().toISOString()
  await db.requests.update(id, { archivedAt: archived ? now : null, updatedAt: now })
}
