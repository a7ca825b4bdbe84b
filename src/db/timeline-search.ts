import { queryPrefixes } from '~/utils/search-text'
import { db } from './index'
import { bucketOf, searchIndexState, toSeconds } from './search-index'
import { wordsOf } from './search-words'
import type { SearchBucket } from './types'
import type { TimelineCursor, TimelineKind } from './timeline'

/**
 * A search over the timeline. When the index is built and a word is found in few records, the
 * index names the candidates with their times, so they sort before anything is read, and only the
 * page on screen is looked up (its buckets, then its records). A word found everywhere ("pray"),
 * or a journal whose index is still being built, is searched by checking each record as the time
 * index is read in order, which fills a page just as quickly. Either way every record shown is
 * checked itself, so the index may hold words an edit removed without ever showing them.
 */
export interface TimelineSearch {
  prefixes: string[]
  /** What the index names, newest first; null to check records in time order instead. */
  candidates: SearchCandidates | null
  matches: (kind: TimelineKind, record: object) => boolean
}

/** One candidate: a hash and its time in seconds (from the index), or a known key (from searchRecent). */
export interface Candidate {
  seconds: number
  hash: number
  cursor: TimelineCursor | null
}

export interface SearchCandidates {
  /** Newest first by whole seconds. */
  list: Candidate[]
  /** Every key searchRecent holds: the index's older word of it is ignored. */
  recentKeys: Set<string>
  /** Buckets read so far, shared by the kinds and pages of one read. */
  buckets: Map<number, SearchBucket | undefined>
}

/** Beyond this many records for a word, reading in time order and checking is faster. */
const RARE = 5000

const TABLES: Record<TimelineKind, string> = { written: 'entries', prayed: 'prayed', answered: 'answers' }

/** The records holding a word that starts with `prefix` (hash -> seconds), or null when there are too many. */
async function postingsFor(prefix: string): Promise<Map<number, number> | null> {
  const found = new Map<number, number>()
  let tooMany = false
  await db.searchTerms.where('term').startsWith(prefix).until(() => tooMany).each((row) => {
    row.docs.forEach((hash, i) => found.set(hash, row.times[i]!))
    tooMany = found.size > RARE
  })
  return tooMany ? null : found
}

async function indexedCandidates(prefixes: string[], matchesWords: (words: string[]) => boolean): Promise<SearchCandidates | null> {
  let rarest: Map<number, number> | null = null
  for (const prefix of prefixes) {
    const found = await postingsFor(prefix)
    if (found && (!rarest || found.size < rarest.size)) rarest = found
  }
  if (!rarest) return null
  const list: Candidate[] = [...rarest].map(([hash, seconds]) => ({ hash, seconds, cursor: null }))
  const recent = await db.searchRecent.toArray()
  for (const row of recent) {
    if (matchesWords(row.words)) list.push({ hash: 0, seconds: toSeconds(row.at), cursor: { key: row.key, at: row.at } })
  }
  list.sort((a, b) => b.seconds - a.seconds)
  return { list, recentKeys: new Set(recent.map(row => row.key)), buckets: new Map() }
}

/** The exact keys and times of some candidates, reading only the buckets not read yet. */
export async function resolve(candidates: SearchCandidates, slice: Candidate[]): Promise<TimelineCursor[]> {
  const missing = [...new Set(slice.filter(c => !c.cursor).map(c => bucketOf(c.hash)))].filter(b => !candidates.buckets.has(b))
  const rows = await db.searchDocs.bulkGet(missing)
  missing.forEach((bucket, i) => candidates.buckets.set(bucket, rows[i]))
  const cursors: TimelineCursor[] = []
  for (const candidate of slice) {
    if (candidate.cursor) {
      cursors.push(candidate.cursor)
      continue
    }
    const bucket = candidates.buckets.get(bucketOf(candidate.hash))
    bucket?.hashes.forEach((hash, i) => {
      const key = bucket.keys[i]!
      if (hash === candidate.hash && !candidates.recentKeys.has(key)) cursors.push({ key, at: bucket.times[i]! })
    })
  }
  return cursors
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
