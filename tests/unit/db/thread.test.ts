import type { DBCore, DBCoreKeyRange, Middleware } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { markAnswered } from '~/db/answers'
import { mirrorBriefings } from '~/db/briefings'
import { addEntry } from '~/db/entries'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { loadThread } from '~/db/thread'
import { firstPointer, makeBriefing, useFreshDatabase } from './helpers'

interface Read {
  table: string
  how: 'get' | 'query' | 'cursor'
  index: string
  range?: DBCoreKeyRange
  keys?: unknown[]
}

/** Records every read the database layer makes, so a test can see which rows it asked for. */
const reads: Read[] = []
const readLog: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'read-log',
  create: down => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      return {
        ...table,
        get: (req) => { reads.push({ table: name, how: 'get', index: ':id', keys: [req.key] }); return table.get(req) },
        getMany: (req) => { reads.push({ table: name, how: 'get', index: ':id', keys: req.keys }); return table.getMany(req) },
        query: (req) => { reads.push({ table: name, how: 'query', index: req.query.index.name ?? ':id', range: req.query.range }); return table.query(req) },
        openCursor: (req) => { reads.push({ table: name, how: 'cursor', index: req.query.index.name ?? ':id', range: req.query.range }); return table.openCursor(req) },
      }
    },
  }),
}
// Wired in before useFreshDatabase reopens the database for each test.
db.use(readLog)

useFreshDatabase()

beforeEach(() => {
  reads.length = 0
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-09-06T08:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

const briefing = makeBriefing()
const [p1, p2] = briefing.pointers.map(pointer => snapshotOf(briefing, pointer))
const at = (iso: string) => vi.setSystemTime(new Date(iso))

describe('loadThread', () => {
  it('gives the pointer words and scripture from its stored briefing, and every record oldest first', async () => {
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    at('2025-09-06T08:00:00.000Z')
    const first = await addEntry(p1!, 'first words')
    at('2025-09-07T08:00:00.000Z')
    const prayed = await recordPrayed(p1!)
    at('2025-09-08T08:00:00.000Z')
    const answer = await markAnswered(p1!, 'answered')
    at('2025-09-09T08:00:00.000Z')
    const later = await addEntry(p1!, 'thanks, afterwards')
    at('2025-09-10T08:00:00.000Z')
    await addEntry(p2!, 'another pointer')
    await recordPrayed(p2!)

    const thread = await loadThread(p1!.pointerId)
    expect(thread).toMatchObject({
      pointerId: p1!.pointerId,
      briefingId: briefing.id,
      briefingTitle: 'Peace in Ukraine',
      label: 'Pray',
      text: 'for the leaders to seek peace.',
      scripture: { quote: 'Blessed are the peacemakers', reference: 'Matthew 5:9' },
      briefingStored: true,
    })
    expect(thread!.events.map(event => [event.kind, event.at])).toEqual([
      ['written', first.createdAt],
      ['prayed', prayed.prayedAt],
      ['answered', answer.answeredAt],
      ['written', later.createdAt],
    ])
    expect(thread!.events.map(event => event.record.pointerId)).toEqual(Array(4).fill(p1!.pointerId))
  })

  it('reads only that pointer, through its own indexes and keys', async () => {
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    await addEntry(p1!, 'one')
    await recordPrayed(p1!)
    await addEntry(p2!, 'two')
    reads.length = 0

    await loadThread(p1!.pointerId)
    expect(reads).toHaveLength(4)
    for (const read of reads) {
      if (read.how === 'get') {
        expect([p1!.pointerId, briefing.id]).toContain(read.keys![0])
        continue
      }
      expect(read.index).toMatch(/^\[pointerId\+(createdAt|prayedAt)\]$/)
      expect(read.range).toMatchObject({ lower: [p1!.pointerId, expect.anything()], upper: [p1!.pointerId, expect.anything()] })
    }
  })

  it('falls back to the newest record’s snapshot when the briefing is gone', async () => {
    const gone = makeBriefing({ id: '2024-01-02-gone', title: 'Gone briefing' })
    const pointer = snapshotOf(gone, gone.pointers[0]!)
    at('2024-01-02T08:00:00.000Z')
    await recordPrayed(pointer)
    at('2024-01-03T08:00:00.000Z')
    await addEntry({ ...pointer, pointerText: 'newer words of the pointer' }, 'written')

    expect(await loadThread(pointer.pointerId)).toMatchObject({
      briefingId: gone.id,
      briefingTitle: 'Gone briefing',
      label: 'Pray',
      text: 'newer words of the pointer',
      scripture: null,
      scriptureReference: 'Matthew 5:9',
      briefingStored: false,
    })
  })

  it('falls back to the snapshot when the stored briefing no longer has the pointer', async () => {
    await addEntry(p2!, 'about a pointer that was removed')
    await mirrorBriefings([{ briefing: { ...briefing, pointers: [briefing.pointers[0]!] }, hash: 'h2' }], 'feed')
    expect(await loadThread(p2!.pointerId)).toMatchObject({ text: 'for families kept apart.', briefingStored: true, scripture: null })
  })

  it('shows a pointer of a stored briefing with nothing recorded yet', async () => {
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    expect(await loadThread(p2!.pointerId)).toMatchObject({ text: 'for families kept apart.', events: [] })
  })

  it('answers null for a pointer nothing on this device knows', async () => {
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    expect(await loadThread(`${briefing.id}-p9`)).toBeNull()
    expect(await loadThread('no-such-pointer')).toBeNull()
    expect(await loadThread('')).toBeNull()
  })
})

describe('a thread of years of daily prayer', () => {
  it('reads the newest records of each kind only, starts where nothing is missing, and says where the rest is', async () => {
    const { THREAD_LIMIT } = await import('~/db/thread')
    const pointer = firstPointer()
    const day = (n: number) => new Date(Date.UTC(2000, 0, 1) + n * 86_400_000).toISOString()
    // A prayer every day for longer than the thread shows, and a few entries over the same years.
    await db.prayed.bulkAdd(Array.from({ length: THREAD_LIMIT + 40 }, (_, n) => ({ ...pointer, id: `prayed-${String(n).padStart(5, '0')}`, prayedAt: day(n) })))
    await db.entries.bulkAdd([3, THREAD_LIMIT + 20].map(n => ({ ...pointer, id: `entry-${n}`, text: `Day ${n}`, createdAt: day(n), editedAt: day(n) })))

    const thread = (await loadThread(pointer.pointerId))!
    expect(thread.earlierBefore).toBe(day(40))
    expect(thread.events[0]!.at).toBe(day(40))
    expect(thread.events.at(-1)!.at).toBe(day(THREAD_LIMIT + 39))
    expect(thread.events.filter(event => event.kind === 'prayed')).toHaveLength(THREAD_LIMIT)
    // The entry of day 3 is before the window: the Journal has it, the thread does not pretend otherwise.
    expect(thread.events.filter(event => event.kind === 'written').map(event => event.at)).toEqual([day(THREAD_LIMIT + 20)])
  })

  it('shows everything, with no note, while a pointer has fewer records than that', async () => {
    const pointer = firstPointer()
    await db.prayed.add({ ...pointer, id: 'one', prayedAt: '2025-01-01T00:00:00.000Z' })
    expect((await loadThread(pointer.pointerId))!.earlierBefore).toBeNull()
  })
})
