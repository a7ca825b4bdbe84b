import { queryPrefixes } from '~/utils/search-text'
import { db } from './index'
import { WORDS_OF } from './search-words'
import type { TimelineKind } from './timeline'

/**
 * A search over the timeline. A word found in few records is looked up in the multi-entry `words`
 * index and only those records are read; a word found everywhere ("pray") is instead checked on
 * each record as the time index is read in order, which fills a page just as quickly.
 */
export interface TimelineSearch {
  prefixes: string[]
  /** The primary keys of every record of `kind` that can match, or null to check records in time order. */
  candidates: (kind: TimelineKind) => string[] | null
  matches: (kind: TimelineKind, record: object) => boolean
}

/** Beyond this many index hits, reading records in time order and checking them is faster. */
const RARE = 3000

const TABLES: Record<TimelineKind, 'entries' | 'prayed' | 'answers'> = { written: 'entries', prayed: 'prayed', answered: 'answers' }

async function rarestMatches(kind: TimelineKind, prefixes: string[]): Promise<string[] | null> {
  let rarest: string[] | null = null
  for (const prefix of prefixes) {
    const keys = await db.table(TABLES[kind]).where('words').startsWith(prefix).limit(RARE + 1).primaryKeys() as string[]
    if (keys.length <= RARE && (!rarest || keys.length < rarest.length)) rarest = keys
  }
  return rarest && [...new Set(rarest)]
}

export async function timelineSearch(query: string): Promise<TimelineSearch> {
  const prefixes = queryPrefixes(query)
  const kinds = Object.keys(TABLES) as TimelineKind[]
  const rare = prefixes.length ? await Promise.all(kinds.map(kind => rarestMatches(kind, prefixes))) : kinds.map(() => null)
  const candidates = new Map(kinds.map((kind, i) => [kind, rare[i] ?? null]))
  return {
    prefixes,
    candidates: kind => candidates.get(kind) ?? null,
    matches(kind, record) {
      // Reads never carry the stored words (search-words.ts), so they are worked out again here.
      const words = WORDS_OF[TABLES[kind]]!(record as never)
      return prefixes.every(prefix => words.some(word => word.startsWith(prefix)))
    },
  }
}
