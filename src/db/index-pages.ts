import Dexie, { cmp, type IndexableType, type Table } from 'dexie'

/**
 * Newest-first lists read a page at a time by key, never by offset, so a row written or deleted
 * above the page neither skips nor repeats a row below it. A reverse cursor on an index walks
 * rows by index key, descending, and rows that share an index key by primary key, descending:
 * a page boundary is both keys.
 */
export interface PageKey {
  key: IndexableType
  id: string
}

/**
 * The rows after `after` (from the top when null), down to `through` inclusive; when `through`
 * is null, at most `limit` rows. Consecutive pages share a boundary key, so together they cover
 * every row once, however the rows inside them change.
 */
export interface PageRange {
  after: PageKey | null
  through: PageKey | null
}

export const FIRST_PAGE: Readonly<PageRange> = Object.freeze({ after: null, through: null })

/**
 * The primary keys of one page of `table`, newest first by `index`, read from the index alone
 * (no record is read). Cost follows the page, not the table.
 */
export async function pagePrimaryKeys(table: Table, index: string, range: PageRange, limit: number): Promise<string[]> {
  const { after, through } = range
  // Rows sharing a boundary's index key: those at or above `after`, below `through`, are not ours.
  const [skip, drop] = await Promise.all([
    after ? tiedIds(table, index, after.key).then(ids => ids.filter(id => cmp(id, after.id) >= 0).length) : 0,
    through ? tiedIds(table, index, through.key).then(ids => ids.filter(id => cmp(id, through.id) < 0).length) : 0,
  ])
  let rows = table.where(index).between(through ? through.key : Dexie.minKey, after ? after.key : Dexie.maxKey, true, true).reverse()
  if (!through) rows = rows.limit(limit + skip)
  const ids = await rows.primaryKeys() as string[]
  return ids.slice(skip, ids.length - drop)
}

/** The primary keys stored under one index key: a handful at most (same day, same arrival). */
function tiedIds(table: Table, index: string, key: IndexableType): Promise<IndexableType[]> {
  return table.where(index).equals(key).primaryKeys()
}
