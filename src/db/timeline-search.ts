import { queryPrefixes } from '~/utils/search-text'
import { db } from './index'
import { bucketOf, keyHash, searchIndexState } from './search-index'
import { wordsOf } from './search-words'
import type { TimelineCursor, TimelineKind } from './timeline'

/**
 * A search over the timeline. When the index is built and a word is found in few records, the
 * index names the candidates (with their times, so they sort without reading a record) and only
 * the records of the page on screen are read. A word found everywhere ("pray"), or a journal whose
 * index is still being built, is searched by checking each record as the time index is read in
 * order, which fills a page just as quickly. Either way every record shown is checked itself.
 */
export interface TimelineSearch {
  prefixes: string[]
  /** Every record that can match, newest first; null to check records in time order instead. */
  candidates: TimelineCursor[] | null
  matches: (kind: TimelineKind, record: object) => boolean
}

/** Beyond this many records for a word, reading in time order and checking is faster. */
const RARE = 5000

const TABLES: Record<TimelineKind, string> = { written: 'entries', prayed: 'prayed', answered: 'answers' }

/** The hashes of the records holding a word that starts with `prefix`, or null when there are too many. */
async function hashesFor(prefix: string): Promise<Set<number> | null> {
  const hashes = new Set<number>()
  let tooMany = false
  await db.searchTerms.where('term').startsWith(prefix).until(() => tooMany).each((row) => {
    for (const hash of row.docs) hashes.add(hash)
    tooMany = hashes.size > RARE
  })
  return tooMany ? null : hashes
}

async function indexedCandidates(prefixes: string[], matchesWords: (words: string[]) => boolean): Promise<TimelineCursor[] | null> {
  let rarest: Set<number> | null = null
  for (const prefix of prefixes) {
    const hashes = await hashesFor(prefix)
    if (hashes && (!rarest || hashes.size < rarest.size)) rarest = hashes
  }
  if (!rarest) return null
  const found = new Map<string, string>()
  const wanted = [...new Set([...rarest].map(bucketOf))]
  for (const bucket of await db.searchDocs.bulkGet(wanted)) {
    if (!bucket) continue
    bucket.hashes.forEach((hash, i) => {
      if (rarest.has(hash)) found.set(bucket.keys[i]!, bucket.times[i]!)
    })
  }
  // Written since the index was built: checked by their words, and their time now wins.
  for (const row of await db.searchRecent.toArray()) {
    if (matchesWords(row.words)) found.set(row.key, row.at)
    else if (rarest.has(keyHash(row.key))) found.delete(row.key)
  }
  return [...found].map(([key, at]) => ({ key, at })).sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : a.key < b.key ? 1 : -1))
}

export async function timelineSearch(query: string): Promise<TimelineSearch> {
  const prefixes = queryPrefixes(query)
  const matchesWords = (words: string[]) => prefixes.every(prefix => words.some(word => word.startsWith(prefix)))
  const state = prefixes.length ? await searchIndexState() : { built: false }
  return {
    prefixes,
    candidates: state.built ? await indexedCandidates(prefixes, matchesWords) : null,
    matches: (kind, record) => matchesWords(wordsOf(TABLES[kind]!, record)),
  }
}
