import { briefingId, shortHash } from '../../briefings/ids'
import { MY_PRAYERS_ID } from '../../briefings/my-prayers'
import { createCorpus } from './text'

/** What Node decides before seeding: the time span and each briefing's identity (ids from src/briefings/ids). */
export interface BriefingPlan {
  id: string
  title: string
  /** YYYY-MM-DD: briefing b is published at startMs + b * (spanMs / count). */
  date: string
  hash: string
}

/**
 * The person's own lists and requests (schema v4), and how many of the journal's records are
 * about them: shares of `entries`, `prayed` and `answers`, not records added to them.
 */
export interface OwnRequestsPlan {
  /** The briefing id every record about a request carries (src/briefings/my-prayers.ts). */
  briefingId: string
  lists: number
  active: number
  archived: number
  entries: number
  prayed: number
  answers: number
}

export interface JournalPlan {
  seed: number
  startMs: number
  spanMs: number
  entries: number
  prayed: number
  answers: number
  years: number
  briefings: BriefingPlan[]
  requests: OwnRequestsPlan
}

const YEAR_MS = 365.25 * 24 * 3600_000

export interface PlanOptions {
  seed: number
  entries: number
  briefings: number
  prayed: number
  answers: number
  years: number
  lists: number
  requests: number
  archivedRequests: number
}

/**
 * A person who keeps their own requests writes about them, and Today offers a few of them every
 * day beside the newest briefing's pointers: a fifth of the entries and two fifths of the prayed
 * taps are theirs, and a tenth of the answered notes, each closing an archived request.
 */
const REQUEST_SHARE = { entries: 0.2, prayed: 0.4, answers: 0.1 }

function planRequests(options: PlanOptions): OwnRequestsPlan {
  const lists = options.requests + options.archivedRequests > 0 ? Math.max(options.lists, 1) : options.lists
  const some = (share: number, of: number) => (lists && options.requests + options.archivedRequests ? Math.round(share * of) : 0)
  return {
    briefingId: MY_PRAYERS_ID,
    lists,
    active: options.requests,
    archived: options.archivedRequests,
    entries: some(REQUEST_SHARE.entries, options.entries),
    prayed: some(REQUEST_SHARE.prayed, options.prayed),
    answers: Math.min(some(REQUEST_SHARE.answers, options.answers), options.archivedRequests),
  }
}

/** `years` of journal ending an hour ago, so that whatever the benchmark adds is the newest. */
export function planJournal(options: PlanOptions, now = Date.now()): JournalPlan {
  const corpus = createCorpus(options.seed)
  const spanMs = options.years * YEAR_MS
  const startMs = now - 3600_000 - spanMs
  const step = spanMs / options.briefings
  const taken = new Set<string>()
  const briefings: BriefingPlan[] = []
  let pointers = 0
  for (let b = 0; b < options.briefings; b++) {
    const date = new Date(startMs + b * step).toISOString().slice(0, 10)
    let title = corpus.briefingTitle(b)
    // Two briefings on one day with the same title would share an id: number the later one.
    for (let n = 2; taken.has(briefingId(date, title)); n++) title = `${corpus.briefingTitle(b)} (${n})`
    const id = briefingId(date, title)
    taken.add(id)
    briefings.push({ id, title, date, hash: shortHash(id) })
    pointers += corpus.pointerCount(b)
  }
  const requests = planRequests(options)
  // One answer per pointer at most; leave some still being prayed for.
  const answers = requests.answers + Math.min(options.answers - requests.answers, Math.floor(pointers * 0.8))
  return { seed: options.seed, startMs, spanMs, entries: options.entries, prayed: options.prayed, answers, years: options.years, briefings, requests }
}
