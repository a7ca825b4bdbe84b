import type { JournalPlan } from './plan'
import type { Corpus } from './text'

/**
 * The person's own lists and requests over thirty years, shaped as src/db/types.ts PrayerList and
 * PrayerRequest say (restated: node-only code may not import src/db; the unit test holds them to
 * the real ones), and which request a record written at a given moment is about. Self-contained:
 * the page runs this source beside seedPart, so it rebuilds the same requests on every call.
 */
export interface SeedList {
  id: string
  name: string
  order: number
  createdAt: string
  updatedAt: string
}

export interface SeedRequest {
  id: string
  listId: string
  text: string
  notes: string
  scripture: { quote: string, reference: string } | null
  order: number
  createdAt: string
  updatedAt: string
  archivedAt: string | null
}

export type OwnRequests = ReturnType<typeof createOwnRequests>

export function createOwnRequests(plan: JournalPlan, corpus: Corpus) {
  const DAY = 86_400_000
  const YEAR = 365.25 * DAY
  const { lists: listCount, active, archived } = plan.requests
  const end = plan.startMs + plan.spanMs
  const iso = (ms: number) => new Date(ms).toISOString()

  // Made in the first hour of the journal, so every request finds its list already there.
  const lists: SeedList[] = Array.from({ length: listCount }, (_, i) => {
    const at = iso(plan.startMs + i * 60_000)
    return { id: `list-${corpus.uuid(3, i)}`, name: corpus.listName(i), order: i, createdAt: at, updatedAt: at }
  })

  const requests: SeedRequest[] = []
  const createdMs: number[] = []
  const untilMs: number[] = []
  const inList = lists.map(() => 0)
  for (let k = 0; k < archived + active; k++) {
    const rand = corpus.random(13, k)
    let from: number
    let until = Infinity
    if (k < archived) {
      // Added evenly over the years and put away after two weeks to three years.
      from = plan.startMs + (k + rand()) * (plan.spanMs * 0.95 / archived)
      until = Math.min(from + 14 * DAY + rand() ** 2 * 3 * YEAR, end - DAY)
    }
    // Still prayed for: one since the journal began, the rest mostly from the last few years.
    else from = k === archived ? plan.startMs : end - 2 * DAY - rand() ** 2 * (plan.spanMs - 2 * DAY)
    const list = Math.floor(rand() * listCount)
    const archivedAt = until === Infinity ? null : iso(until)
    requests.push({
      id: `req-${corpus.uuid(4, k)}`,
      listId: lists[list]!.id,
      ...corpus.request(k),
      order: inList[list]!++,
      createdAt: iso(from),
      updatedAt: archivedAt ?? iso(from),
      archivedAt,
    })
    createdMs.push(from)
    untilMs.push(until)
  }
  const byCreated = requests.map((_, k) => k).sort((a, b) => createdMs[a]! - createdMs[b]!)

  /** A request that existed and was not yet put away at `at`: any of them alike, as Today offers each in turn. */
  function requestAt(rand: () => number, at: number): number {
    let made = 0
    for (let high = byCreated.length; made < high;) {
      const middle = (made + high) >> 1
      if (createdMs[byCreated[middle]!]! <= at) made = middle + 1
      else high = middle
    }
    for (let tries = 0; tries < 32; tries++) {
      const k = byCreated[Math.floor(rand() * Math.max(made, 1))]!
      if (untilMs[k]! >= at && createdMs[k]! <= at) return k
    }
    for (let i = made - 1; i >= 0; i--) if (untilMs[byCreated[i]!]! >= at) return byCreated[i]!
    return byCreated[0]!
  }

  /** What a record about request `k` copies from it, as src/db/requests.ts requestSnapshot makes it. */
  function snapshot(k: number) {
    const request = requests[k]!
    const list = lists.find(candidate => candidate.id === request.listId)
    return {
      briefingId: plan.requests.briefingId,
      pointerId: request.id,
      briefingTitle: list ? `My prayers: ${list.name}` : 'My prayers',
      pointerLabel: null,
      pointerText: request.text,
      scriptureReference: request.scripture?.reference || null,
    }
  }

  /**
   * Whether record `i` of `total` is one of the `count` about a request: exactly `count` of them,
   * spread evenly over the years, and never the newest while fewer than half are.
   */
  function isAboutRequest(i: number, count: number, total: number): boolean {
    const half = Math.floor(total / 2)
    return Math.floor((i * count + half) / total) !== Math.floor(((i + 1) * count + half) / total)
  }

  /** The archived requests that end with an answered note, spread evenly: the answers part's share. */
  function answered(): number[] {
    return Array.from({ length: archived }, (_, k) => k).filter(k => isAboutRequest(k, plan.requests.answers, archived))
  }

  return { lists, requests, createdMs, untilMs, requestAt, snapshot, isAboutRequest, answered }
}
