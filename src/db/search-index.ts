import { makeYielder } from '~/utils/yielder'
import { db } from './index'
import { SEARCHED } from './search-words'
import { noReadsRunning } from './timing'
import type { SearchBucket, SearchIndexState, SearchTerm, Setting } from './types'

/**
 * The search index: for each word, the 32-bit hashes of the records that hold it (searchTerms),
 * and for each hash, the record's timeline key and time (searchDocs, 4,096 buckets). One row per
 * word rather than one index entry per word of every record: a 30-year journal is millions of
 * words, and IndexedDB writes index entries one by one.
 *
 * It is built from scratch in the background, reading the journal a page at a time; what is
 * written meanwhile and afterwards is kept in searchRecent (search-words.ts) until the next build.
 * A reload during a build simply starts it again: nothing is replaced until the last step.
 */
const READ_PAGE = 200
/** Numbers (record hashes and times) of searchTerms written per request in the last step: the page gets a turn between requests. */
const WRITE_BATCH_NUMBERS = 100_000
/** Buckets of searchDocs per request (each holds about one 4,096th of the journal's keys). */
const DOCS_BATCH = 256
/** After this many records written since the last build, building again is cheaper than scanning them. */
export const REBUILD_AFTER = 2000

const KIND_BITS: Record<string, number> = { written: 0, prayed: 1, answered: 2 }

/**
 * A record's timeline key as a number, four bytes in every word's list: FNV-1a, with its two
 * lowest bits replaced by the kind of record, so a search for prayers alone can skip the entries
 * without looking them up.
 */
export function keyHash(key: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return ((hash & ~3) | KIND_BITS[key.slice(0, key.indexOf(':'))]!) >>> 0
}

/** The kind of record a hash stands for. */
export const kindBits = (kind: string) => KIND_BITS[kind]!

export const bucketOf = (hash: number) => hash >>> 20

/** An ISO time in whole seconds, as the index keeps it. */
export const toSeconds = (iso: string) => Math.floor(Date.parse(iso) / 1000)

export async function searchIndexState(): Promise<SearchIndexState> {
  const row = await db.settings.get('searchIndex') as Setting<'searchIndex'> | undefined
  return row?.value ?? { built: true }
}

export interface SearchIndexProgress {
  done: number
  total: number
  finished: boolean
}

/** Consecutive runs of `rows`, each ending once it holds `numbers` record hashes or more. */
function* batchesOf(rows: SearchTerm[], numbers: number): Generator<SearchTerm[]> {
  let batch: SearchTerm[] = []
  let size = 0
  for (const row of rows) {
    batch.push(row)
    size += row.docs.length
    if (size >= numbers) {
      yield batch
      batch = []
      size = 0
    }
  }
  if (batch.length) yield batch
}

/** Builds the whole index again, reporting progress in records read. */
export async function buildSearchIndex(onProgress: (progress: SearchIndexProgress) => void = () => {}): Promise<void> {
  const startedAt = new Date().toISOString()
  const tables = Object.keys(SEARCHED)
  const counts = await Promise.all(tables.map(name => db.table(name).count()))
  const total = counts.reduce((sum, count) => sum + count, 0)
  const terms = new Map<string, { hashes: number[], times: number[] }>()
  const buckets = new Map<number, SearchBucket>()
  let done = 0
  onProgress({ done, total, finished: false })
  // A turn for the page every few ms, so a tap or a visit to another view while the index builds
  // waits for one slice of the work, never for a whole page of records.
  const breathe = makeYielder(8)

  for (const name of tables) {
    const searched = SEARCHED[name]!
    let after: string | undefined
    for (;;) {
      await noReadsRunning()
      const table = db.table(name)
      const rows: Record<string, string>[] = await (after === undefined ? table.orderBy(':id') : table.where(':id').above(after)).limit(READ_PAGE).toArray()
      for (const row of rows) {
        await breathe()
        const key = `${searched.kind}:${row[searched.primaryKey]}`
        const hash = keyHash(key)
        const bucket = bucketOf(hash)
        let docs = buckets.get(bucket)
        if (!docs) buckets.set(bucket, docs = { bucket, hashes: [], keys: [], times: [] })
        docs.hashes.push(hash)
        docs.keys.push(key)
        docs.times.push(row[searched.time]!)
        const seconds = toSeconds(row[searched.time]!)
        for (const word of searched.words(row as never)) {
          let list = terms.get(word)
          if (!list) terms.set(word, list = { hashes: [], times: [] })
          list.hashes.push(hash)
          list.times.push(seconds)
        }
      }
      done += rows.length
      onProgress({ done, total, finished: false })
      if (rows.length < READ_PAGE) break
      after = rows.at(-1)![searched.primaryKey]
    }
  }

  const termRows: SearchTerm[] = []
  for (const [term, { hashes, times }] of terms) {
    await breathe()
    termRows.push({ term, docs: Uint32Array.from(hashes), times: Uint32Array.from(times) })
  }
  await db.transaction('rw', [db.searchTerms, db.searchDocs, db.searchRecent, db.settings], async () => {
    await Promise.all([db.searchTerms.clear(), db.searchDocs.clear()])
    // In batches of about the same size: each put copies its row on this thread, and a common
    // word's row holds a number for most of the journal (one batch of 2,000 froze the page for 0.8 s).
    for (const batch of batchesOf(termRows, WRITE_BATCH_NUMBERS)) await db.searchTerms.bulkPut(batch)
    const docs = [...buckets.values()]
    for (let i = 0; i < docs.length; i += DOCS_BATCH) await db.searchDocs.bulkPut(docs.slice(i, i + DOCS_BATCH))
    // What changed while the pages were read stays in searchRecent; what the build saw leaves it.
    await db.searchRecent.filter(row => row.changedAt < startedAt).delete()
    await db.settings.put({ key: 'searchIndex', value: { built: true } })
  })
  onProgress({ done: total, total, finished: true })
}

/** Whether the index should be built again: never built, or too much written since. */
export async function searchIndexNeedsBuild(): Promise<boolean> {
  const [state, recent] = await Promise.all([searchIndexState(), db.searchRecent.count()])
  return !state.built || recent > REBUILD_AFTER
}
