import type { DBCore, DBCoreMutateRequest, DBCoreTable, DBCoreTransaction, Middleware } from 'dexie'
import { searchWords } from '~/utils/fold-words'
import type { AnsweredNote, JournalEntry, PointerSnapshot, PrayedRecord, SearchRecent } from './types'

function pointerTexts(record: PointerSnapshot) {
  return [record.pointerLabel, record.pointerText, record.briefingTitle, record.scriptureReference]
}

interface Searched {
  /** The timeline's name for the kind of record this table holds. */
  kind: 'written' | 'answered' | 'prayed'
  primaryKey: string
  time: string
  /** The words a record is found by: its own, then its pointer's. */
  words: (record: never) => string[]
}

export const SEARCHED: Record<string, Searched> = {
  entries: { kind: 'written', primaryKey: 'id', time: 'createdAt', words: (entry: JournalEntry) => searchWords(entry.text, ...pointerTexts(entry)) },
  answers: { kind: 'answered', primaryKey: 'pointerId', time: 'answeredAt', words: (answer: AnsweredNote) => searchWords(answer.note, ...pointerTexts(answer)) },
  prayed: { kind: 'prayed', primaryKey: 'id', time: 'prayedAt', words: (record: PrayedRecord) => searchWords(...pointerTexts(record)) },
}

/** The words of a record of `table`, as the index holds them. */
export function wordsOf(table: string, record: object): string[] {
  return SEARCHED[table]!.words(record as never)
}

/** Writes of more records than this at once (a restore) mark the index for a rebuild instead. */
const BULK = 200
const INDEX_STORES = ['searchRecent', 'settings']

function recentRows(searched: Searched, values: readonly unknown[]): SearchRecent[] {
  const changedAt = new Date().toISOString()
  return values.map((value) => {
    const record = value as Record<string, string>
    return { key: `${searched.kind}:${record[searched.primaryKey]}`, at: record[searched.time]!, words: searched.words(record as never), changedAt }
  })
}

async function followChange(down: DBCore, request: DBCoreMutateRequest, searched: Searched): Promise<void> {
  const trans: DBCoreTransaction = request.trans
  const recent = down.table('searchRecent')
  if ((request.type === 'add' || request.type === 'put') && request.values.length <= BULK) {
    await recent.mutate({ type: 'put', trans, values: recentRows(searched, request.values) })
  }
  else if (request.type === 'delete') {
    await recent.mutate({ type: 'delete', trans, keys: request.keys.map(key => `${searched.kind}:${String(key)}`) })
  }
  else {
    // A restore, a merge of many records or a cleared table: rebuilding beats following each row.
    await down.table('settings').mutate({ type: 'put', trans, values: [{ key: 'searchIndex', value: { built: false } }] })
  }
}

/**
 * Keeps the search index in step with every write to entries, answers and prayed, below every
 * verb, import and Undo: each write also records the record's words in searchRecent, in the same
 * transaction (every read-write transaction on those tables is widened to include it), so the
 * index can never miss a change. Search checks each candidate against the record itself, so a
 * word an edit removed finds nothing either.
 */
export const searchWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SearchWords',
  create: down => ({
    ...down,
    transaction(stores, mode, options) {
      const widened = mode === 'readwrite' && stores.some(store => store in SEARCHED) ? [...new Set([...stores, ...INDEX_STORES])] : stores
      return down.transaction(widened, mode, options)
    },
    table(name): DBCoreTable {
      const table = down.table(name)
      const searched = SEARCHED[name]
      if (!searched) return table
      return {
        ...table,
        mutate: async (request) => {
          const result = await table.mutate(request)
          await followChange(down, request, searched)
          return result
        },
      }
    },
  }),
}
