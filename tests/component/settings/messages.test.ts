import { describe, expect, it } from 'vitest'
import { describeCounts, describeImport } from '~/components/settings/messages'

const NONE = { briefings: 0, prayerLists: 0, requests: 0, entries: 0, answers: 0, prayed: 0 }

describe('the words about a backup\'s records', () => {
  it('name the person\'s own requests only when there are some', () => {
    expect(describeCounts({ ...NONE, entries: 3, briefings: 2 })).toBe('3 journal entries, 0 answered prayers, 0 prayed records and 2 briefings')
    expect(describeCounts({ ...NONE, entries: 3, requests: 3, prayerLists: 2, briefings: 1 })).toBe('3 journal entries, 0 answered prayers, 0 prayed records, 3 requests in 2 lists and 1 briefing')
    expect(describeCounts({ ...NONE, requests: 1, prayerLists: 1 }, { skipZero: true })).toBe('1 request in 1 list')
  })

  it('say which, when a merge brought lists or requests alone', () => {
    expect(describeImport({ added: { ...NONE, prayerLists: 1 }, updated: { ...NONE, requests: 2 }, unchanged: 9 }, 'merge'))
      .toBe('Restored. Added 1 prayer list. Updated 2 prayer requests.')
    expect(describeImport({ added: NONE, updated: NONE, unchanged: 9 }, 'merge')).toBe('Nothing new to add: everything in this backup is already on this device.')
  })
})
