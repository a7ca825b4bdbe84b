import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { addEntry } from '~/db/entries'
import { markAnswered } from '~/db/answers'
import { markBriefingOpened, mirrorBriefings } from '~/db/briefings'
import { listBriefings, loadBriefingDetail } from '~/db/briefing-reads'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-09-06T08:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

const older = makeBriefing({ id: '2025-09-01-older', date: '2025-09-01' })
const newer = makeBriefing({ id: '2025-09-05-newer', date: '2025-09-05' })

describe('listBriefings', () => {
  it('lists newest first: by date, then by arrival for the same day', async () => {
    await mirrorBriefings([{ briefing: older, hash: 'o' }, { briefing: newer, hash: 'n' }], 'feed')
    vi.setSystemTime(new Date('2025-09-06T09:00:00.000Z'))
    // Undated, added on 2025-09-06: the newest day, arriving after the others.
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'undated', date: null }), hash: 'u' }], 'pasted')
    vi.setSystemTime(new Date('2025-09-06T10:00:00.000Z'))
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'same-day', date: '2025-09-06' }), hash: 's' }], 'feed')
    expect((await listBriefings()).map(summary => summary.briefing.id)).toEqual(['same-day', 'undated', newer.id, older.id])
  })

  it('counts entries, answers and prayers per briefing, and which are new', async () => {
    await mirrorBriefings([{ briefing: older, hash: 'o' }, { briefing: newer, hash: 'n' }], 'feed')
    const [p1, p2] = newer.pointers.map(pointer => snapshotOf(newer, pointer))
    await addEntry(p1!, 'one')
    await addEntry(p1!, 'two')
    await addEntry(p2!, 'three')
    await markAnswered(p2!, 'answered')
    await recordPrayed(p1!)
    await markBriefingOpened(newer.id)
    const [first, second] = await listBriefings()
    expect(first).toMatchObject({ entryCount: 3, answeredCount: 1, prayedCount: 1, isNew: false })
    expect(first?.briefing.id).toBe(newer.id)
    expect(second).toMatchObject({ entryCount: 0, answeredCount: 0, prayedCount: 0, isNew: true })
  })
})

describe('loadBriefingDetail', () => {
  it('answers null for a briefing that is not stored', async () => {
    expect(await loadBriefingDetail('unknown')).toBeNull()
  })

  it('groups records by pointer, newest first, and leaves other briefings out', async () => {
    await mirrorBriefings([{ briefing: older, hash: 'o' }, { briefing: newer, hash: 'n' }], 'feed')
    const [p1, p2] = newer.pointers.map(pointer => snapshotOf(newer, pointer))
    const first = await addEntry(p1!, 'first')
    vi.setSystemTime(new Date('2025-09-07T08:00:00.000Z'))
    const second = await addEntry(p1!, 'second')
    const prayed = await recordPrayed(p2!)
    const answer = await markAnswered(p2!, 'answered')
    await addEntry(snapshotOf(older, older.pointers[0]!), 'elsewhere')

    const detail = await loadBriefingDetail(newer.id)
    expect(detail?.briefing.id).toBe(newer.id)
    expect(detail?.entries.get(p1!.pointerId)).toEqual([second, first])
    expect(detail?.entries.has(p2!.pointerId)).toBe(false)
    expect(detail?.answers.get(p2!.pointerId)).toEqual(answer)
    expect(detail?.prayed.get(p2!.pointerId)).toEqual([prayed])
    expect([...detail!.entries.values()].flat()).toHaveLength(2)
  })
})
