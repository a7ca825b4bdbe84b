import { briefingId, shortHash } from '../../briefings/ids'
import { createCorpus } from './text'

/** What Node decides before seeding: the time span and each briefing's identity (ids from src/briefings/ids). */
export interface BriefingPlan {
  id: string
  title: string
  /** YYYY-MM-DD: briefing b is published at startMs + b * (spanMs / count). */
  date: string
  hash: string
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
}

const YEAR_MS = 365.25 * 24 * 3600_000

export interface PlanOptions {
  seed: number
  entries: number
  briefings: number
  prayed: number
  answers: number
  years: number
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
  // One answer per pointer at most; leave some still being prayed for.
  const answers = Math.min(options.answers, Math.floor(pointers * 0.8))
  return { seed: options.seed, startMs, spanMs, entries: options.entries, prayed: options.prayed, answers, years: options.years, briefings }
}
