import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { markAnswered, readAnsweredPage, restoreAnswer, unmarkAnswered } from '~/db/answers'
import { FIRST_PAGE } from '~/db/index-pages'
import { snapshotOf } from '~/db/snapshot'
import { firstPointer, makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(new Date('2025-10-01T12:00:00.000Z'))
})
afterEach(() => vi.useRealTimers())

describe('markAnswered', () => {
  it('records when and how, keyed by pointer', async () => {
    const answer = await markAnswered(firstPointer(), '  A ceasefire held. ')
    expect(answer).toEqual({ ...firstPointer(), note: 'A ceasefire held.', answeredAt: '2025-10-01T12:00:00.000Z', editedAt: '2025-10-01T12:00:00.000Z' })
    expect(await db.answers.get(firstPointer().pointerId)).toEqual(answer)
  })

  it('allows an answer without words', async () => {
    expect((await markAnswered(firstPointer(), '  ')).note).toBe('')
  })

  it('edits the note of an answered pointer, keeping answeredAt', async () => {
    const first = await markAnswered(firstPointer(), 'first note')
    vi.setSystemTime(new Date('2025-10-05T12:00:00.000Z'))
    const edited = await markAnswered(firstPointer(), 'fuller note')
    expect(edited).toEqual({ ...first, note: 'fuller note', editedAt: '2025-10-05T12:00:00.000Z' })
    expect(await db.answers.count()).toBe(1)
  })
})

describe('unmarkAnswered and restoreAnswer', () => {
  it('round-trips a note unchanged (Undo)', async () => {
    const answer = await markAnswered(firstPointer(), 'note')
    const removed = await unmarkAnswered(answer.pointerId)
    expect(removed).toEqual(answer)
    expect(await db.answers.count()).toBe(0)
    await restoreAnswer(removed!)
    expect(await db.answers.get(answer.pointerId)).toEqual(answer)
  })

  it('answers undefined when the pointer was not answered', async () => {
    expect(await unmarkAnswered('nope')).toBeUndefined()
  })
})

describe('readAnsweredPage', () => {
  it('orders by answeredAt, newest first', async () => {
    const briefing = makeBriefing()
    await markAnswered(snapshotOf(briefing, briefing.pointers[1]!), 'older')
    vi.setSystemTime(new Date('2025-10-02T12:00:00.000Z'))
    await markAnswered(firstPointer(briefing), 'newer')
    expect((await readAnsweredPage(FIRST_PAGE, 10)).map(row => row.answer.note)).toEqual(['newer', 'older'])
  })
})
