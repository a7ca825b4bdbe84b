import { describe, expect, it } from 'vitest'
import { pointerId } from '~/briefings/ids'
import { isRequestId, MY_PRAYERS_ID } from '~/briefings/my-prayers'
import { pageScript } from '~/cli/bench-scale/in-page'
import { parseOptions } from '~/cli/bench-scale/options'
import { createOwnRequests } from '~/cli/bench-scale/own-requests'
import { planJournal } from '~/cli/bench-scale/plan'
import { rawQuery, type RawQuery } from '~/cli/bench-scale/raw-queries'
import { seedPart, type SeedArgs, type SeedPart, type SeedResult } from '~/cli/bench-scale/seed-page'
import { formatTable, formatValue, median, ratio, summarize, tableRow, verdict, type Metric } from '~/cli/bench-scale/stats'
import { createCorpus } from '~/cli/bench-scale/text'
import { db } from '~/db'
import { readMyPrayers } from '~/db/request-reads'
import { addRequest, requestSnapshot } from '~/db/requests'
import { buildSearchIndex } from '~/db/search-index'
import { readToday } from '~/db/today'
import { useFreshDatabase } from '../db/helpers'

const sentencesIn = (text: string) => text.match(/[.!?](?=\s|$)/g)?.length ?? 0

describe('the generated journal', () => {
  it('is the same for the same seed and different for another', () => {
    const a = createCorpus(7)
    const b = createCorpus(7)
    for (const i of [0, 1, 99, 12_345]) {
      expect(a.entryText(i)).toBe(b.entryText(i))
      expect(a.pointer(i, 3)).toEqual(b.pointer(i, 3))
      expect(a.uuid(1, i)).toBe(b.uuid(1, i))
    }
    expect(createCorpus(8).entryText(0)).not.toBe(a.entryText(0))
  })

  it('writes entries of one to eight sentences, every length in use', () => {
    const corpus = createCorpus(1)
    const counts = new Set(Array.from({ length: 2000 }, (_, i) => sentencesIn(corpus.entryText(i))))
    expect([...counts].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
  })

  it('plants its search word in one entry of a hundred and nowhere else', () => {
    const corpus = createCorpus(3)
    const texts = Array.from({ length: 10_000 }, (_, i) => corpus.entryText(i))
    const hits = texts.filter(text => text.includes(corpus.PLANTED)).length
    expect(hits).toBe(100)
    const elsewhere = Array.from({ length: 500 }, (_, i) => [corpus.briefingTitle(i), corpus.pointer(i, 1).text, corpus.answerNote(i)].join(' '))
    expect(elsewhere.join(' ')).not.toContain(corpus.PLANTED)
  })

  it('has varied vocabulary', () => {
    const corpus = createCorpus(1)
    const words = new Set(Array.from({ length: 500 }, (_, i) => corpus.entryText(i)).join(' ').toLowerCase().split(/\W+/))
    expect(words.size).toBeGreaterThan(350)
  })

  it('gives 3 to 8 pointers and UUID-shaped ids', () => {
    const corpus = createCorpus(1)
    const counts = new Set(Array.from({ length: 300 }, (_, i) => corpus.pointerCount(i)))
    expect([...counts].sort()).toEqual([3, 4, 5, 6, 7, 8])
    expect(corpus.uuid(1, 5)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/)
  })
})

const OWN = { lists: 3, requests: 10, archivedRequests: 30 }

describe('the plan', () => {
  it('gives every briefing a distinct id from src/briefings/ids and caps answers below the pointers', () => {
    const plan = planJournal({ seed: 1, entries: 100, briefings: 400, prayed: 10, answers: 1_000_000, years: 1, ...OWN }, Date.UTC(2026, 0, 1))
    expect(new Set(plan.briefings.map(b => b.id)).size).toBe(400)
    expect(plan.briefings[0]!.id.startsWith(`${plan.briefings[0]!.date}-`)).toBe(true)
    expect(plan.answers - plan.requests.answers).toBeLessThan(400 * 8)
    // An answer closes an archived request: no more of them than there are.
    expect(plan.requests.answers).toBe(30)
  })

  it('moves a share of the records to the person\'s own requests rather than adding them', () => {
    const plan = planJournal({ seed: 1, entries: 100_000, briefings: 2000, prayed: 50_000, answers: 5000, years: 30, lists: 6, requests: 120, archivedRequests: 1500 })
    expect(plan).toMatchObject({ entries: 100_000, prayed: 50_000, answers: 5000 })
    expect(plan.requests).toEqual({ briefingId: MY_PRAYERS_ID, lists: 6, active: 120, archived: 1500, entries: 20_000, prayed: 20_000, answers: 500 })
    const none = planJournal({ seed: 1, entries: 100, briefings: 20, prayed: 50, answers: 5, years: 2, lists: 6, requests: 0, archivedRequests: 0 })
    expect(none.requests).toMatchObject({ entries: 0, prayed: 0, answers: 0 })
  })

  it('marks exactly the planned share of records as about a request, evenly, and keeps the newest entry a briefing\'s', () => {
    const plan = planJournal({ seed: 1, entries: 1000, briefings: 50, prayed: 500, answers: 50, years: 5, ...OWN })
    const own = createOwnRequests(plan, createCorpus(1))
    const about = Array.from({ length: 1000 }, (_, i) => own.isAboutRequest(i, plan.requests.entries, 1000))
    expect(about.filter(Boolean).length).toBe(plan.requests.entries)
    expect(about.slice(0, 500).filter(Boolean).length).toBe(plan.requests.entries / 2)
    expect(about.at(-1)).toBe(false)
    expect(own.answered().length).toBe(plan.requests.answers)
  })
})

describe('seeding, as the page runs it', () => {
  useFreshDatabase()
  const plan = planJournal({ seed: 2, entries: 300, briefings: 20, prayed: 120, answers: 30, years: 3, ...OWN })
  /** Through pageScript, as the page receives it: fails if the source leans on anything of its module. */
  const inThisPage = <R>(main: (...args: never[]) => unknown, arg: unknown, helpers: ((...args: never[]) => unknown)[] = []) =>
    new Function(`return ${pageScript(main, arg, helpers)}`)() as Promise<R>
  const seed = async () => {
    const parts: [SeedPart, number][] = [['briefings', 20], ['requests', 40], ['entries', 300], ['prayed', 120], ['answers', 30 - plan.requests.answers], ['pending-index', 1]]
    let newest: SeedResult['newest']
    for (const [part, total] of parts) {
      for (let from = 0; from < total; from += 100) {
        const args: SeedArgs = { plan, part, from, to: Math.min(total, from + 100) }
        newest = (await inThisPage<SeedResult>(seedPart, args, [createCorpus, pointerId, createOwnRequests])).newest ?? newest
      }
    }
    return newest
  }

  it('writes records shaped exactly as src/db/types.ts says', async () => {
    await seed()
    const snapshot = ['briefingId', 'pointerId', 'briefingTitle', 'pointerLabel', 'pointerText', 'scriptureReference']
    const keys = (row: object) => Object.keys(row).sort()
    expect(await db.entries.count()).toBe(300)
    expect(await db.prayed.count()).toBe(120)
    expect(await db.answers.count()).toBe(30)
    expect(keys((await db.entries.toCollection().first())!)).toEqual([...snapshot, 'id', 'text', 'createdAt', 'editedAt'].sort())
    expect(keys((await db.prayed.toCollection().first())!)).toEqual([...snapshot, 'id', 'prayedAt'].sort())
    expect(keys((await db.answers.toCollection().first())!)).toEqual([...snapshot, 'note', 'answeredAt', 'editedAt'].sort())
    const briefing = (await db.briefings.get(plan.briefings[5]!.id))!
    expect(keys(briefing)).toEqual(['id', 'title', 'date', 'paragraphs', 'pointers', 'prayer', 'source', 'hash', 'addedAt', 'updatedAt', 'openedAt', 'sortDate'].sort())
    // PointerSnapshot copied from the pointer it names.
    const entry = (await db.entries.filter(row => row.briefingId !== MY_PRAYERS_ID).last())!
    const pointer = (await db.briefings.get(entry.briefingId))!.pointers.find(p => p.id === entry.pointerId)!
    expect(entry.pointerText).toBe(pointer.text)
    expect(entry.scriptureReference).toBe(pointer.scripture?.reference ?? null)
    expect(await db.settings.get('searchIndex')).toEqual({ key: 'searchIndex', value: { built: false } })
  })

  it('writes the person\'s lists and requests as the app does, and records about each only while it was active', async () => {
    const newest = await seed()
    expect(newest?.briefingId).not.toBe(MY_PRAYERS_ID)
    const keys = (row: object) => Object.keys(row).sort()
    const lists = await db.prayerLists.orderBy('order').toArray()
    const requests = await db.requests.toArray()
    expect(lists.map(list => list.name)).toEqual(['Family', 'Church', 'Friends'])
    expect(requests.filter(request => request.archivedAt === null).length).toBe(10)
    expect(requests.every(request => isRequestId(request.id) && lists.some(list => list.id === request.listId))).toBe(true)
    // Shaped as the app's own verbs write them.
    const made = await addRequest({ text: 'Healing for Aunt Miriam', notes: '', scripture: null }, lists[0]!.id)
    expect(keys(requests[0]!)).toEqual(keys(made))
    expect(keys(lists[0]!)).toEqual(keys((await db.prayerLists.get(made.listId))!))
    const byId = new Map(requests.map(request => [request.id, request]))
    const about = async <T extends { pointerId: string }>(rows: Promise<T[]>, at: (row: T) => string) => {
      const found = await rows
      for (const row of found) {
        const request = byId.get(row.pointerId)!
        expect(row).toMatchObject(requestSnapshot(request, lists.find(list => list.id === request.listId)))
        expect(at(row) >= request.createdAt && (request.archivedAt === null || at(row) <= request.archivedAt)).toBe(true)
      }
      return found.length
    }
    expect(await about(db.entries.where('briefingId').equals(MY_PRAYERS_ID).toArray(), row => row.createdAt)).toBe(plan.requests.entries)
    expect(await about(db.prayed.where('briefingId').equals(MY_PRAYERS_ID).toArray(), row => row.prayedAt)).toBe(plan.requests.prayed)
    expect(await about(db.answers.where('briefingId').equals(MY_PRAYERS_ID).toArray(), row => row.answeredAt)).toBe(plan.requests.answers)
  })

  it('gives Today and My prayers something to show, and their raw queries rows to read', async () => {
    await seed()
    const mine = await readMyPrayers()
    expect([...mine.requests.values()].flat().length).toBe(10)
    expect(mine.archived.length).toBe(30)
    const today = await readToday()
    expect(today.hasRequests).toBe(true)
    expect(today.briefing).not.toBeNull()
    for (const query of [{ name: 'today' }, { name: 'myPrayers' }] satisfies RawQuery[]) {
      expect((await inThisPage<{ rows: number }>(rawQuery, query)).rows).toBeGreaterThan(0)
    }
  })

  it('puts records on today\'s date in earlier years, and answers only once per pointer', async () => {
    await seed()
    const result = await inThisPage<{ rows: number }>(rawQuery, { name: 'onThisDay', years: 3 } satisfies RawQuery)
    expect(result.rows).toBeGreaterThanOrEqual(2)
    // Answers are keyed by pointer: a second answer for one pointer would have replaced the first.
    expect(await db.answers.count()).toBe(plan.answers)
  })

  it('finds the planted word through the app\'s search index once it is built', async () => {
    await seed()
    await buildSearchIndex()
    const found = await inThisPage<{ rows: number }>(rawQuery, { name: 'search', prefix: createCorpus(2).PLANTED } satisfies RawQuery)
    expect(found.rows).toBe(3)
    const newest = await inThisPage<{ rows: number }>(rawQuery, { name: 'timeline' } satisfies RawQuery)
    expect(newest.rows).toBe(50 + 50 + 30)
  })
})

describe('the statistics', () => {
  const metric = (values: number[], raw: number[], target: Metric['target'], status: Metric['status'] = 'ok', reads: number[] = []): Metric =>
    ({ id: 'x', label: 'a view', unit: 'ms', values, reads, raw, status, target })

  it('takes the median of odd and even counts, and nothing of none', () => {
    expect(median([5, 1, 3])).toBe(3)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
    expect(summarize([3, 9, 1])).toEqual({ n: 3, median: 3, min: 1, max: 9 })
  })

  it('divides app by raw, never by nothing', () => {
    expect(ratio(30, 10)).toBe(3)
    expect(ratio(30, 0)).toBeNull()
    expect(ratio(null, 10)).toBeNull()
  })

  it('passes a figure only when it meets every target it has', () => {
    expect(verdict(metric([40, 50, 60], [30], { max: 100, ratio: 2 }))).toBe('pass')
    expect(verdict(metric([40, 50, 60], [20], { max: 100, ratio: 2 }))).toBe('FAIL')
    expect(verdict(metric([140], [100], { max: 100 }))).toBe('FAIL')
    expect(verdict(metric([], [], { max: 100 }, 'timeout'))).toBe('FAIL')
    expect(verdict(metric([1], [], {}))).toBe('info')
  })

  it('compares the app\'s own read with raw IndexedDB where it was measured, and the whole figure where not', () => {
    // A first screen of 60 ms whose read took 8 ms, against a raw read of 5 ms: 1.6x.
    expect(verdict(metric([60, 60, 60], [5], { max: 100, ratio: 2 }, 'ok', [7, 8, 9]))).toBe('pass')
    expect(verdict(metric([60, 60, 60], [5], { max: 100, ratio: 2 }, 'ok', [11, 12, 13]))).toBe('FAIL')
    expect(tableRow(metric([60], [5], { max: 100, ratio: 2 }, 'ok', [8])).slice(4, 7)).toEqual(['8.0 ms', '5.0 ms', '1.6x'])
    // Still under its ratio, a read does not excuse a first screen over its bound.
    expect(verdict(metric([140], [5], { max: 100, ratio: 2 }, 'ok', [6]))).toBe('FAIL')
  })

  it('formats values and lines the table up', () => {
    expect(formatValue(12.345, 'ms')).toBe('12.3 ms')
    expect(formatValue(345.6, 'ms')).toBe('346 ms')
    expect(formatValue(31_200, 'ms')).toBe('31.2 s')
    expect(formatValue(71.04, 'MB')).toBe('71.0 MB')
    const row = tableRow(metric([10, 20, 30], [5, 5, 5], { max: 100, ratio: 2 }))
    expect(row).toEqual(['a view', '20.0 ms', '10.0 ms', '30.0 ms', '—', '5.0 ms', '4.0x', '< 100 ms, ≤ 2x raw', 'FAIL'])
    expect(tableRow(metric([], [2], { max: 100 }, 'timeout'))[1]).toBe('timeout')
    const table = formatTable(['name', 'n'], [['a', '1'], ['long name', '22']], [1]).split('\n')
    expect(table).toEqual(['name        n', '---------  --', 'a           1', 'long name  22'])
  })
})

describe('the options', () => {
  it('defaults to the issue\'s journal and scales the rest with --entries', () => {
    expect(parseOptions([])).toMatchObject({ entries: 100_000, briefings: 2000, prayed: 50_000, answers: 5000, lists: 6, requests: 120, archivedRequests: 1500, runs: 5, build: true })
    expect(parseOptions(['--requests', '0', '--archived', '0'])).toMatchObject({ requests: 0, archivedRequests: 0 })
    expect(parseOptions(['--entries', '5000', '--briefings', '200', '--runs', '2', '--no-build'])).toMatchObject({ entries: 5000, prayed: 2500, answers: 250, runs: 2, build: false })
    expect(() => parseOptions(['--entries', 'many'])).toThrow(/--entries/)
    expect(() => parseOptions(['--colour', 'red'])).toThrow(/Unknown option/)
  })
})
