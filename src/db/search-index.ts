import { db } from './index'
import type { SearchableTable, SearchIndexState, Setting } from './types'

/**
 * Adds the search words to records written before schema version 3, a batch at a time, each batch
 * in its own short transaction with the progress beside it: the app stays usable while it runs,
 * and a reload (or a closed tab) resumes where the last finished batch left off.
 */
const ORDER: SearchableTable[] = ['entries', 'answers', 'prayed']
const BATCH = 400

export interface SearchIndexProgress {
  done: number
  total: number
  finished: boolean
}

async function readState(): Promise<SearchIndexState> {
  const row = await db.settings.get('searchIndex') as Setting<'searchIndex'> | undefined
  return row?.value ?? { pending: false }
}

async function totalRecords(): Promise<number> {
  const counts = await Promise.all(ORDER.map(name => db.table(name).count()))
  return counts.reduce((sum, count) => sum + count, 0)
}

/** Where the build stands; `finished` when every record has its words. */
export async function searchIndexProgress(): Promise<SearchIndexProgress> {
  const [state, total] = await Promise.all([readState(), totalRecords()])
  return state.pending ? { done: Math.min(state.done, total), total, finished: false } : { done: total, total, finished: true }
}

/** Indexes the next batch and says where the build stands. Safe to call when nothing is left. */
export async function indexNextBatch(): Promise<SearchIndexProgress> {
  await db.transaction('rw', [db.entries, db.answers, db.prayed, db.settings], async () => {
    const state = await readState()
    if (!state.pending) return
    const table = db.table(state.table)
    const rows = await (state.after === null ? table.orderBy(':id') : table.where(':id').above(state.after)).limit(BATCH).toArray()
    // Putting a row back is enough: the SearchWords middleware writes its words on the way in.
    await table.bulkPut(rows)
    let next: SearchIndexState
    if (rows.length === BATCH) {
      next = { ...state, after: (rows.at(-1) as Record<string, string>)[table.schema.primKey.keyPath as string]!, done: state.done + rows.length }
    }
    else {
      const following = ORDER[ORDER.indexOf(state.table) + 1]
      next = following ? { pending: true, table: following, after: null, done: state.done + rows.length } : { pending: false }
    }
    await db.settings.put({ key: 'searchIndex', value: next })
  })
  return searchIndexProgress()
}
