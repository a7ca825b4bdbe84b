import { db } from './index'
import { laterUpdate } from './merge'
import { MAX_LIST_NAME_LENGTH } from './requests'
import type { ImportSummary } from './transfer'
import type { PrayerList, PrayerRequest } from './types'

/**
 * How the lists and requests of a backup land beside this device's, in either mode ('replace' has
 * emptied the tables first). As for entries, the later update of one on both sides wins. Two more
 * rules keep true what the app promises after two devices' journals meet:
 * - list names stay unique (the app refuses a second "Family"): a list whose name another list
 *   already has comes in as "Family (2)";
 * - positions stay distinct, or moving a list or request up would swap two equal numbers and do
 *   nothing: one whose position another holds goes to the end.
 * Neither touches updatedAt, so merging the same file again changes nothing.
 */

interface Placed { id: string, order: number }

/** Who holds each position among some rows (the lists, or one list's requests). */
function positions(rows: Placed[]) {
  const holders = new Map<number, string>()
  let last = -1
  const take = ({ id, order }: Placed) => {
    holders.set(order, id)
    last = Math.max(last, order)
  }
  rows.forEach(take)
  return {
    release({ id, order }: Placed) {
      if (holders.get(order) === id) holders.delete(order)
    },
    free({ id, order }: Placed): boolean {
      const holder = holders.get(order)
      return holder === undefined || holder === id
    },
    fit<T extends Placed>(row: T): T {
      const holder = holders.get(row.order)
      const placed = holder === undefined || holder === row.id ? row : { ...row, order: last + 1 }
      take(placed)
      return placed
    },
  }
}

/** "Family (2)", cut so that it stays within the longest name the app accepts. */
export function numberedName(name: string, n: number): string {
  const suffix = ` (${n})`
  return `${name.slice(0, MAX_LIST_NAME_LENGTH - suffix.length).trimEnd()}${suffix}`
}

/** Whose each list name is, whatever its capitals (as the app compares them). */
function listNames(lists: PrayerList[]) {
  const key = (name: string) => name.toLocaleLowerCase()
  const holders = new Map(lists.map(list => [key(list.name), list.id]))
  const takenByAnother = (name: string, id: string) => (holders.get(key(name)) ?? id) !== id
  return {
    release({ id, name }: PrayerList) {
      if (holders.get(key(name)) === id) holders.delete(key(name))
    },
    fit(list: PrayerList): PrayerList {
      let name = list.name
      for (let n = 2; takenByAnother(name, list.id); n++) name = numberedName(list.name, n)
      holders.set(key(name), list.id)
      return name === list.name ? list : { ...list, name }
    },
  }
}

type Kind = 'prayerLists' | 'requests'
type Positions = ReturnType<typeof positions>

/**
 * Lands the batches of one import: call it in the import's transaction, lists first. It reads the
 * device's lists once, and each list's requests the first time one of them arrives. The fitting
 * itself is synchronous on purpose: only IndexedDB's own promises may be awaited in a transaction
 * (Dexie loses track of it across a run of other awaits, and it commits too early).
 */
export function listPlacer(summary: ImportSummary) {
  let lists: { names: ReturnType<typeof listNames>, places: Positions } | undefined
  const inList = new Map<string, Positions>()

  /** The rows of the file that win, each fitted beside what is already here. */
  function winners<T extends PrayerList | PrayerRequest>(kind: Kind, rows: T[], local: (T | undefined)[], fit: (row: T, before: T | undefined) => T, free: (row: T) => boolean) {
    const won: [T, T | undefined][] = []
    rows.forEach((row, i) => {
      const before = local[i]
      const winner = before ? laterUpdate(before, row) : row
      if (!winner) {
        summary.unchanged++
        return
      }
      summary[before ? 'updated' : 'added'][kind]++
      won.push([winner, before])
    })
    // Rows whose place is free take it before those that must move to the end, and those go in
    // their own order: where each lands does not hang on how the random ids sort in the file.
    const staying = won.filter(([row]) => free(row))
    const moving = won.filter(([row]) => !free(row)).sort(([a], [b]) => a.order - b.order || (a.id < b.id ? -1 : 1))
    return [...staying, ...moving].map(([row, before]) => fit(row, before))
  }

  return {
    async lists(rows: PrayerList[]) {
      if (!lists) {
        const here = await db.prayerLists.toArray()
        lists = { names: listNames(here), places: positions(here) }
      }
      const { names, places } = lists
      const local = await db.prayerLists.bulkGet(rows.map(row => row.id))
      await db.prayerLists.bulkPut(winners('prayerLists', rows, local, (row, before) => {
        if (before) {
          names.release(before)
          places.release(before)
        }
        return places.fit(names.fit(row))
      }, row => places.free(row)))
    },
    async requests(rows: PrayerRequest[]) {
      const local = await db.requests.bulkGet(rows.map(row => row.id))
      const unread = [...new Set([...rows, ...local].flatMap(row => (row && !inList.has(row.listId) ? [row.listId] : [])))]
      const here = unread.length ? await db.requests.where('listId').anyOf(unread).toArray() : []
      const byList = new Map<string, PrayerRequest[]>(unread.map(listId => [listId, []]))
      for (const request of here) byList.get(request.listId)!.push(request)
      for (const [listId, inThisList] of byList) inList.set(listId, positions(inThisList))
      await db.requests.bulkPut(winners('requests', rows, local, (row, before) => {
        if (before) inList.get(before.listId)!.release(before)
        return inList.get(row.listId)!.fit(row)
      }, row => inList.get(row.listId)!.free(row)))
    },
  }
}
