import type { DBCore, DBCoreCursor, DBCoreMutateRequest, Middleware } from 'dexie'
import { searchWords } from '~/utils/search-text'
import type { AnsweredNote, JournalEntry, PointerSnapshot, PrayedRecord, Searchable } from './types'

function pointerTexts(record: PointerSnapshot) {
  return [record.pointerLabel, record.pointerText, record.briefingTitle, record.scriptureReference]
}

/** The words each searchable table indexes: the record's own words, then its pointer's. */
export const WORDS_OF: Record<string, (record: never) => string[]> = {
  entries: (entry: JournalEntry) => searchWords(entry.text, ...pointerTexts(entry)),
  answers: (answer: AnsweredNote) => searchWords(answer.note, ...pointerTexts(answer)),
  prayed: (record: PrayedRecord) => searchWords(...pointerTexts(record)),
}

function withWords(request: DBCoreMutateRequest, wordsOf: (record: never) => string[]): DBCoreMutateRequest {
  if (request.type !== 'add' && request.type !== 'put') return request
  return { ...request, values: request.values.map(value => ({ ...value, words: wordsOf(value as never) })) }
}

function withoutWords<T>(value: T): T {
  if (!value || typeof value !== 'object' || !('words' in value)) return value
  const rest = { ...value } as T & Searchable
  delete rest.words
  return rest
}

/**
 * Writes `words` on every record added or put, below every verb, import and Undo, so the search
 * index can never drift from the text it indexes: it changes in the same write as the words.
 * Reads hand records back without them: the index is this layer's business, and a record read,
 * edited and put back, shown or backed up, is exactly the record that was written.
 */
export const searchWordsMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'SearchWords',
  create: down => ({
    ...down,
    table(name) {
      const table = down.table(name)
      const wordsOf = WORDS_OF[name]
      if (!wordsOf) return table
      return {
        ...table,
        mutate: request => table.mutate(withWords(request, wordsOf)),
        get: request => table.get(request).then(withoutWords),
        getMany: request => table.getMany(request).then(values => values.map(withoutWords)),
        query: request => table.query(request).then(response => request.values ? { ...response, result: response.result.map(withoutWords) } : response),
        openCursor: request => table.openCursor(request).then(cursor => cursor && request.values
          ? Object.create(cursor, { value: { get: () => withoutWords(cursor.value) } }) as DBCoreCursor
          : cursor),
      }
    },
  }),
}
