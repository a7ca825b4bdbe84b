import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { reactive } from 'vue'
import { contentHash } from '~/briefings/ids'
import { db } from '~/db'
import { markBriefingOpened, mirrorBriefings, savePastedBriefing } from '~/db/briefings'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

const ADDED = '2025-09-06T08:00:00.000Z'
const LATER = '2025-09-10T18:00:00.000Z'

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date(ADDED))
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('mirrorBriefings', () => {
  it('adds new briefings with their history fields', async () => {
    const briefing = makeBriefing()
    const result = await mirrorBriefings([{ briefing, hash: 'h1' }], 'feed')
    expect(result).toEqual({ added: [briefing.id], updated: [] })
    expect(await db.briefings.get(briefing.id)).toEqual({
      ...briefing, source: 'feed', hash: 'h1', addedAt: ADDED, updatedAt: ADDED, openedAt: null, sortDate: '2025-09-05',
    })
  })

  it('sorts an undated briefing by the day it was added', async () => {
    const briefing = makeBriefing({ id: 'undated', date: null })
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    expect((await db.briefings.get('undated'))?.sortDate).toBe('2025-09-06')
  })

  it('writes nothing when the hash is unchanged', async () => {
    const briefing = makeBriefing()
    await mirrorBriefings([{ briefing, hash: 'h1' }], 'feed')
    const bulkPut = vi.spyOn(db.briefings, 'bulkPut')
    vi.setSystemTime(new Date(LATER))
    expect(await mirrorBriefings([{ briefing: { ...briefing, title: 'ignored' }, hash: 'h1' }], 'feed')).toEqual({ added: [], updated: [] })
    expect(bulkPut).not.toHaveBeenCalled()
    expect((await db.briefings.get(briefing.id))?.updatedAt).toBe(ADDED)
  })

  it('updates changed content but keeps addedAt, openedAt and source', async () => {
    const briefing = makeBriefing()
    await mirrorBriefings([{ briefing, hash: 'h1' }], 'pasted')
    await markBriefingOpened(briefing.id)
    vi.setSystemTime(new Date(LATER))
    const fixed = { ...briefing, title: 'Peace in Ukraine (corrected)' }
    expect(await mirrorBriefings([{ briefing: fixed, hash: 'h2' }], 'feed')).toEqual({ added: [], updated: [briefing.id] })
    expect(await db.briefings.get(briefing.id)).toMatchObject({
      title: 'Peace in Ukraine (corrected)', hash: 'h2', source: 'pasted', addedAt: ADDED, openedAt: ADDED, updatedAt: LATER,
    })
  })

  it('mixes added, updated and unchanged rows in one call', async () => {
    const a = makeBriefing({ id: 'a' })
    const b = makeBriefing({ id: 'b' })
    await mirrorBriefings([{ briefing: a, hash: 'a1' }, { briefing: b, hash: 'b1' }], 'feed')
    const c = makeBriefing({ id: 'c' })
    const result = await mirrorBriefings([{ briefing: a, hash: 'a1' }, { briefing: b, hash: 'b2' }, { briefing: c, hash: 'c1' }], 'feed')
    expect(result).toEqual({ added: ['c'], updated: ['b'] })
    expect(await db.briefings.count()).toBe(3)
  })

  it('stores a plain copy of a Vue reactive briefing, without extra fields', async () => {
    const briefing = reactive({ ...makeBriefing(), extra: true })
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    expect(await db.briefings.get(briefing.id)).not.toHaveProperty('extra')
  })
})

describe('savePastedBriefing', () => {
  it('stores a pasted briefing with its own content hash', async () => {
    const briefing = makeBriefing()
    const row = await savePastedBriefing(briefing)
    expect(row).toMatchObject({ id: briefing.id, source: 'pasted', hash: await contentHash(briefing), openedAt: null })
    expect(row.hash).toMatch(/^[0-9a-f]{16}$/)
    expect(await db.briefings.get(briefing.id)).toEqual(row)
  })

  it('refreshes a briefing the feed already brought, keeping its source', async () => {
    const briefing = makeBriefing()
    await mirrorBriefings([{ briefing, hash: 'feed-hash' }], 'feed')
    vi.setSystemTime(new Date(LATER))
    const row = await savePastedBriefing({ ...briefing, paragraphs: ['Newer words.'] })
    expect(row).toMatchObject({ source: 'feed', addedAt: ADDED, updatedAt: LATER, paragraphs: ['Newer words.'] })
  })

  it('returns the stored row untouched when the same text is pasted again', async () => {
    const first = await savePastedBriefing(makeBriefing())
    vi.setSystemTime(new Date(LATER))
    expect(await savePastedBriefing(makeBriefing())).toEqual(first)
  })
})

describe('markBriefingOpened', () => {
  it('sets openedAt the first time only', async () => {
    const briefing = makeBriefing()
    await mirrorBriefings([{ briefing, hash: 'h' }], 'feed')
    await markBriefingOpened(briefing.id)
    vi.setSystemTime(new Date(LATER))
    await markBriefingOpened(briefing.id)
    expect((await db.briefings.get(briefing.id))?.openedAt).toBe(ADDED)
  })

  it('does nothing for an unknown briefing', async () => {
    await expect(markBriefingOpened('unknown')).resolves.toBeUndefined()
  })
})
