import type { Briefing } from '../../briefings/types'
import type { createOwnRequests as CreateOwnRequests } from './own-requests'
import type { JournalPlan } from './plan'
import type { createCorpus as CreateCorpus } from './text'

/**
 * Fills the app's database straight through IndexedDB, one transaction per call (about 10,000
 * rows), generating every record in the page from the plan and the seed. Records are shaped as
 * src/db/types.ts says; the app's background build indexes them. Node-only code may
 * not import src/db, so the shapes are restated here and the unit test holds them to the real
 * schema. Self-contained: sent as source, with its helpers as arguments. The person's own lists
 * and requests come first ('requests'); the plan's share of entries, prayed taps and answers is
 * about them, each record about a request that was active when it was written.
 */
interface PointerSnapshot {
  briefingId: string
  pointerId: string
  briefingTitle: string
  pointerLabel: string | null
  pointerText: string
  scriptureReference: string | null
}
type StoredBriefing = Briefing & { source: 'feed', hash: string, addedAt: string, updatedAt: string, openedAt: string | null, sortDate: string }
type JournalEntry = PointerSnapshot & { id: string, text: string, createdAt: string, editedAt: string }
type PrayedRecord = PointerSnapshot & { id: string, prayedAt: string }
type AnsweredNote = PointerSnapshot & { note: string, answeredAt: string, editedAt: string }

export type SeedPart = 'briefings' | 'requests' | 'entries' | 'prayed' | 'answers' | 'pending-index'

export interface SeedArgs {
  plan: JournalPlan
  part: SeedPart
  from: number
  to: number
}

export interface SeedResult {
  rows: number
  /** The pointer of the newest entry about a briefing this call wrote: the thread and filters use it. */
  newest?: { briefingId: string, pointerId: string }
}

export async function seedPart(args: SeedArgs, createCorpus: typeof CreateCorpus, pointerId: (briefing: string, n: number) => string, createOwnRequests: typeof CreateOwnRequests): Promise<SeedResult> {
  const { plan, part, from, to } = args
  const corpus = createCorpus(plan.seed)
  const own = createOwnRequests(plan, corpus)
  const count = plan.briefings.length
  const step = plan.spanMs / count
  const iso = (ms: number) => new Date(ms).toISOString()
  const snapshots = new Map<string, PointerSnapshot>()

  function snapshot(b: number, n: number): PointerSnapshot {
    const briefing = plan.briefings[b]!
    const id = pointerId(briefing.id, n)
    let found = snapshots.get(id)
    if (!found) {
      const pointer = corpus.pointer(b, n)
      found = { briefingId: briefing.id, pointerId: id, briefingTitle: briefing.title, pointerLabel: pointer.label, pointerText: pointer.text, scriptureReference: pointer.scripture?.reference ?? null }
      snapshots.set(id, found)
    }
    return found
  }

  /** A briefing published before `at`, mostly a recent one, and one of its pointers. */
  function pointerAt(rand: () => number, at: number): [number, number] {
    const latest = Math.max(0, Math.min(count - 1, Math.floor((at - plan.startMs) / step)))
    const b = Math.max(0, latest - Math.floor(rand() ** 3 * 30))
    return [b, 1 + Math.floor(rand() * corpus.pointerCount(b))]
  }

  /** For each earlier year, the record nearest to today's date in that year, moved onto it ("on this day"). */
  function onThisDay(total: number): Map<number, number> {
    const moved = new Map<number, number>()
    for (let year = 1; year <= plan.years; year++) {
      const day = new Date()
      day.setFullYear(day.getFullYear() - year)
      day.setHours(9, year, 0, 0)
      const index = Math.round((day.getTime() - plan.startMs) / (plan.spanMs / total))
      if (index >= 0 && index < total) moved.set(index, day.getTime())
    }
    return moved
  }
  const planted = new Map<number, Map<number, number>>()

  /** Record `i` of `total`, spread evenly over the years. */
  function timeOf(rand: () => number, i: number, total: number): number {
    if (!planted.has(total)) planted.set(total, onThisDay(total))
    const at = plan.startMs + (i + rand()) * (plan.spanMs / total)
    return planted.get(total)!.get(i) ?? at
  }

  function briefing(b: number): StoredBriefing {
    const { id, title, date, hash } = plan.briefings[b]!
    const addedAt = `${date}T06:00:00.000Z`
    const pointers = Array.from({ length: corpus.pointerCount(b) }, (_, i) => ({ id: pointerId(id, i + 1), ...corpus.pointer(b, i + 1) }))
    return { id, title, date, paragraphs: corpus.briefingParagraphs(b), pointers, prayer: corpus.prayer(b), source: 'feed', hash, addedAt, updatedAt: addedAt, openedAt: addedAt, sortDate: date }
  }

  /** What record `i` of `total` is about: a request active at `at`, for the plan's share, else a recent briefing's pointer. */
  function aboutAt(rand: () => number, at: number, i: number, count: number, total: number): PointerSnapshot {
    if (own.isAboutRequest(i, count, total)) return own.snapshot(own.requestAt(rand, at))
    const [b, n] = pointerAt(rand, at)
    return snapshot(b, n)
  }

  function entry(i: number): JournalEntry {
    const rand = corpus.random(10, i)
    const createdAt = timeOf(rand, i, plan.entries)
    const about = aboutAt(rand, createdAt, i, plan.requests.entries, plan.entries)
    // One entry in twenty was edited later, within a week.
    const editedAt = rand() < 0.05 ? Math.min(createdAt + rand() * 7 * 86_400_000, plan.startMs + plan.spanMs) : createdAt
    return { ...about, id: corpus.uuid(1, i), text: corpus.entryText(i), createdAt: iso(createdAt), editedAt: iso(editedAt) }
  }

  function prayed(i: number): PrayedRecord {
    const rand = corpus.random(11, i)
    const prayedAt = timeOf(rand, i, plan.prayed)
    return { ...aboutAt(rand, prayedAt, i, plan.requests.prayed, plan.prayed), id: corpus.uuid(2, i), prayedAt: iso(prayedAt) }
  }

  /** One answer per pointer: when the pointer drawn is taken, the next free one before it. */
  function answers(): AnsweredNote[] {
    const taken = new Set<string>()
    const notes: AnsweredNote[] = []
    const forBriefings = plan.answers - plan.requests.answers
    for (let i = 0; i < forBriefings; i++) {
      const rand = corpus.random(12, i)
      const at = timeOf(rand, i, forBriefings)
      let [b, n] = pointerAt(rand, at)
      while (taken.has(pointerId(plan.briefings[b]!.id, n))) {
        if (n < corpus.pointerCount(b)) n++
        else [b, n] = [(b + count - 1) % count, 1]
      }
      const pointer = snapshot(b, n)
      taken.add(pointer.pointerId)
      notes.push({ ...pointer, note: corpus.answerNote(i), answeredAt: iso(at), editedAt: iso(at) })
    }
    return notes
  }

  /** An archived request's answer, noted in its last week, just before it was put away. */
  function requestAnswer(k: number, i: number): AnsweredNote {
    const rand = corpus.random(14, k)
    const at = own.untilMs[k]! - rand() * Math.min(7 * 86_400_000, own.untilMs[k]! - own.createdMs[k]!)
    return { ...own.snapshot(k), note: corpus.answerNote(plan.answers + i), answeredAt: iso(at), editedAt: iso(at) }
  }

  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('selah')
    open.onsuccess = () => resolve(open.result)
    open.onerror = () => reject(open.error)
  })
  const storeOf: Record<SeedPart, string[]> = { 'briefings': ['briefings'], 'requests': ['prayerLists', 'requests', 'answers'], 'entries': ['entries'], 'prayed': ['prayed'], 'answers': ['answers'], 'pending-index': ['settings'] }
  const tx = db.transaction(storeOf[part], 'readwrite', { durability: 'relaxed' })
  const store = tx.objectStore(storeOf[part][0]!)
  let rows = 0
  let newest: SeedResult['newest']
  if (part === 'requests') {
    if (from === 0) for (const list of own.lists) store.put(list)
    for (let k = from; k < to; k++) tx.objectStore('requests').put(own.requests[k]!)
    const answered = own.answered()
    answered.forEach((k, i) => k >= from && k < to && tx.objectStore('answers').put(requestAnswer(k, i)))
    rows = to - from
  }
  else if (part === 'pending-index') {
    // What the v3 upgrade writes: on its next start the app builds its search index from nothing.
    store.put({ key: 'searchIndex', value: { built: false } })
    rows = 1
  }
  else if (part === 'answers') {
    const notes = answers()
    for (const note of notes) store.put(note)
    rows = notes.length
  }
  else {
    const make = part === 'briefings' ? briefing : part === 'entries' ? entry : prayed
    for (let i = from; i < to; i++) {
      const record = make(i)
      store.put(record)
      const about = record as PointerSnapshot
      if (part === 'entries' && about.briefingId !== plan.requests.briefingId) newest = { briefingId: about.briefingId, pointerId: about.pointerId }
    }
    rows = to - from
  }
  await new Promise((resolve, reject) => {
    tx.oncomplete = resolve
    tx.onerror = () => reject(tx.error)
    tx.onabort = () => reject(tx.error)
  })
  db.close()
  return { rows, newest }
}
