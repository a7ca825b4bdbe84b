import { describe, expect, it } from 'vitest'
import { copySnapshot, snapshotOf } from '~/db/snapshot'
import { makeBriefing } from './helpers'

describe('snapshotOf', () => {
  const briefing = makeBriefing()

  it('copies the words a record needs to stand on its own', () => {
    expect(snapshotOf(briefing, briefing.pointers[0]!)).toEqual({
      briefingId: '2025-09-05-peace-in-ukraine',
      pointerId: '2025-09-05-peace-in-ukraine-p1',
      briefingTitle: 'Peace in Ukraine',
      pointerLabel: 'Pray',
      pointerText: 'for the leaders to seek peace.',
      scriptureReference: 'Matthew 5:9',
    })
  })

  it('keeps null for a pointer without label or scripture', () => {
    const snapshot = snapshotOf(briefing, briefing.pointers[1]!)
    expect(snapshot.pointerLabel).toBeNull()
    expect(snapshot.scriptureReference).toBeNull()
  })

  it('copySnapshot drops fields that are not part of a snapshot', () => {
    const entryLike = { ...snapshotOf(briefing, briefing.pointers[0]!), id: 'x', text: 'y' }
    expect(Object.keys(copySnapshot(entryLike))).toHaveLength(6)
  })
})
