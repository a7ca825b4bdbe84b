import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MY_PRAYERS_ID } from '~/briefings/my-prayers'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { markAnswered } from '~/db/answers'
import { mirrorBriefings } from '~/db/briefings'
import { loadBriefingDetail } from '~/db/briefing-reads'
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

describe('loadBriefingDetail', () => {
  it('answers null for a briefing that is not stored, without reading any record', async () => {
    const where = vi.spyOn(db.entries, 'where')
    expect(await loadBriefingDetail('unknown')).toBeNull()
    // The person's own requests share one briefing id and have no briefing: their records stay unread.
    expect(await loadBriefingDetail(MY_PRAYERS_ID)).toBeNull()
    expect(where).not.toHaveBeenCalled()
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
