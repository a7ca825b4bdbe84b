import { liveQuery } from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db } from '~/db'
import { markAnswered, restoreAnswer, unmarkAnswered } from '~/db/answers'
import { deleteDraft, draftTarget, saveDraft } from '~/db/drafts'
import { addEntry, deleteEntry, editEntry, restoreEntry } from '~/db/entries'
import { recordPrayed, removePrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { buildSearchIndex, keyHash, searchIndexState } from '~/db/search-index'
import { timelineSearch } from '~/db/timeline-search'
import { readTimeline, readTimelinePage, type TimelineFilter, type TimelineItem } from '~/db/timeline'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

const peace = makeBriefing()
const sudan = makeBriefing({
  id: '2025-10-01-sudan-aid',
  title: 'Sudan: Aid Reaches El Fasher',
  pointers: [{ id: '2025-10-01-sudan-aid-p1', label: 'Give thanks', text: 'for aid workers in Darfur.', scripture: { quote: 'I was hungry', reference: 'Matthew 25:35' } }],
})
const leaders = snapshotOf(peace, peace.pointers[0]!)
const families = snapshotOf(peace, peace.pointers[1]!)
const aid = snapshotOf(sudan, sudan.pointers[0]!)

let clock = Date.parse('2025-09-06T08:00:00.000Z')
/** Each write happens an hour after the last, so the order is known. */
function tick() {
  clock += 3600_000
  vi.setSystemTime(clock)
}
beforeEach(() => {
  clock = Date.parse('2025-09-06T08:00:00.000Z')
  vi.useFakeTimers({ toFake: ['Date'] })
})
afterEach(() => vi.useRealTimers())

async function seed() {
  tick(); const first = await addEntry(leaders, 'Peace for Kyïv tonight.')
  tick(); const tap = await recordPrayed(families)
  tick(); const second = await addEntry(families, 'Mothers waiting at the border.')
  tick(); const aidEntry = await addEntry(aid, 'Convoys reached the city.')
  tick(); await markAnswered(leaders, 'A ceasefire was agreed.')
  tick(); const aidTap = await recordPrayed(aid)
  return { first, tap, second, aidEntry, aidTap }
}

const all = (filter: TimelineFilter = {}) => readTimeline(filter, { upper: null, lower: null })
const describeItem = (item: TimelineItem) => `${item.kind}:${'text' in item.record ? item.record.text : 'note' in item.record ? item.record.note : item.record.pointerId}`

describe('the timeline', () => {
  it('holds everything written, prayed and answered, newest first', async () => {
    await seed()
    expect((await all()).map(describeItem)).toEqual([
      `prayed:${aid.pointerId}`,
      'answered:A ceasefire was agreed.',
      'written:Convoys reached the city.',
      'written:Mothers waiting at the border.',
      `prayed:${families.pointerId}`,
      'written:Peace for Kyïv tonight.',
    ])
  })

  it('pages by key: every item once, in order, whatever the page size, even with equal times', async () => {
    await seed()
    // Three records written in the same millisecond.
    await Promise.all([addEntry(aid, 'same moment one'), addEntry(aid, 'same moment two'), recordPrayed(aid)])
    const whole = (await all()).map(item => item.key)
    expect(whole).toHaveLength(9)
    for (const size of [1, 2, 4, 9, 20]) {
      const keys: string[] = []
      let page = await readTimelinePage({}, null, size)
      keys.push(...page.items.map(item => item.key))
      while (page.next) {
        page = await readTimelinePage({}, page.next, size)
        keys.push(...page.items.map(item => item.key))
      }
      expect(keys, `page size ${size}`).toEqual(whole)
    }
  })

  it('reads a range between two cursors, both ends as a page left them', async () => {
    await seed()
    const first = await readTimelinePage({}, null, 2)
    const second = await readTimelinePage({}, first.next, 2)
    const last = second.items.at(-1)!
    const range = await readTimeline({}, { upper: first.next, lower: { at: last.at, key: last.key } })
    expect(range.map(item => item.key)).toEqual(second.items.map(item => item.key))
  })
})

describe('filters', () => {
  it('by what happened, by briefing and by pointer, combined', async () => {
    await seed()
    expect((await all({ kinds: ['prayed'] })).map(describeItem)).toEqual([`prayed:${aid.pointerId}`, `prayed:${families.pointerId}`])
    expect((await all({ briefingId: sudan.id })).map(describeItem)).toEqual([`prayed:${aid.pointerId}`, 'written:Convoys reached the city.'])
    expect((await all({ pointerId: leaders.pointerId })).map(describeItem)).toEqual(['answered:A ceasefire was agreed.', 'written:Peace for Kyïv tonight.'])
    expect((await all({ briefingId: peace.id, kinds: ['written'] })).map(describeItem)).toEqual(['written:Mothers waiting at the border.', 'written:Peace for Kyïv tonight.'])
  })

  it('still praying or answered, by whether the pointer has an answered note', async () => {
    await seed()
    expect((await all({ status: 'answered' })).map(describeItem)).toEqual(['answered:A ceasefire was agreed.', 'written:Peace for Kyïv tonight.'])
    expect((await all({ status: 'praying' })).map(describeItem)).toEqual([
      `prayed:${aid.pointerId}`, 'written:Convoys reached the city.', 'written:Mothers waiting at the border.', `prayed:${families.pointerId}`,
    ])
    // With one briefing or one pointer, that briefing's answered notes are all there is to know.
    expect((await all({ status: 'praying', briefingId: peace.id })).map(describeItem)).toEqual(['written:Mothers waiting at the border.', `prayed:${families.pointerId}`])
    expect((await all({ status: 'answered', briefingId: peace.id })).map(describeItem)).toEqual(['answered:A ceasefire was agreed.', 'written:Peace for Kyïv tonight.'])
    expect((await all({ status: 'answered', pointerId: families.pointerId }))).toEqual([])
    expect((await all({ status: 'praying', pointerId: leaders.pointerId }))).toEqual([])
    expect((await all({ status: 'answered', pointerId: leaders.pointerId })).map(describeItem)).toEqual(['answered:A ceasefire was agreed.', 'written:Peace for Kyïv tonight.'])
  })

  it('reads on past long runs that a status leaves out, missing nothing at equal times, whatever the page size', async () => {
    await seed()
    // Seventy entries for pointers still prayed for, eleven at each moment, and among them now
    // and then one for the answered pointer at the same moment: far more than one read's slice.
    for (let moment = 0; moment < 7; moment++) {
      tick()
      const writes = Array.from({ length: 10 }, (_, j) => addEntry(j % 2 ? families : aid, `busy ${moment}.${j}`))
      if (moment % 3 === 0) writes.splice(5, 0, addEntry(leaders, `still answered ${moment}`))
      await Promise.all(writes)
    }
    const answered = (await all({ status: 'answered' })).map(describeItem)
    expect(answered).toEqual([
      'written:still answered 6', 'written:still answered 3', 'written:still answered 0', 'answered:A ceasefire was agreed.', 'written:Peace for Kyïv tonight.',
    ])
    for (const status of ['answered', 'praying'] as const) {
      const whole = (await all({ status })).map(item => item.key)
      for (const size of [1, 2, 3, 50]) {
        const keys: string[] = []
        let page = await readTimelinePage({ status }, null, size)
        keys.push(...page.items.map(item => item.key))
        while (page.next) {
          page = await readTimelinePage({ status }, page.next, size)
          keys.push(...page.items.map(item => item.key))
        }
        expect(keys, `${status}, page size ${size}`).toEqual(whole)
      }
    }
  })

  it('reads each record once when a status keeps only a few of the rows written in one millisecond', async () => {
    await seed()
    // At one moment: ten entries for a pointer still prayed for, whose keys come first, then 250
    // for the answered one: more than one slice, so the next slice starts in the same millisecond.
    tick()
    const at = new Date().toISOString()
    const entry = (pointer: typeof leaders, id: string) => ({ ...pointer, id, text: id, createdAt: at, editedAt: at })
    await db.entries.bulkAdd([
      ...Array.from({ length: 10 }, (_, i) => entry(families, `z-${String(i).padStart(3, '0')}`)),
      ...Array.from({ length: 250 }, (_, i) => entry(leaders, `m-${String(i).padStart(3, '0')}`)),
    ])
    const page = await readTimelinePage({ status: 'praying', kinds: ['written'] }, null, 50)
    const keys = page.items.map(item => item.key)
    expect(new Set(keys).size).toBe(keys.length)
    expect(keys.slice(0, 10)).toEqual(Array.from({ length: 10 }, (_, i) => `written:z-${String(9 - i).padStart(3, '0')}`))
    expect(page.items.slice(10).map(describeItem)).toEqual(['written:Convoys reached the city.', 'written:Mothers waiting at the border.'])
    // The same through one briefing's own index.
    const briefing = await readTimelinePage({ status: 'praying', kinds: ['written'], briefingId: peace.id }, null, 50)
    expect(briefing.items.map(item => item.key)).toEqual([...keys.slice(0, 10), keys[11]])
  })

  it('follows a status as it changes: a live read of a status moves a pointer once it is answered or unmarked', async () => {
    await seed()
    const seen: string[][] = []
    const subscription = liveQuery(() => readTimeline({ status: 'praying', kinds: ['written'] }, { upper: null, lower: null })).subscribe({
      next: items => seen.push(items.map(describeItem)),
    })
    try {
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['written:Convoys reached the city.', 'written:Mothers waiting at the border.']))
      tick()
      await markAnswered(aid, 'The convoys got through.')
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['written:Mothers waiting at the border.']))
      await unmarkAnswered(leaders.pointerId)
      await vi.waitFor(() => expect(seen.at(-1)).toEqual(['written:Mothers waiting at the border.', 'written:Peace for Kyïv tonight.']))
    }
    finally {
      subscription.unsubscribe()
    }
  })

  it('by local calendar days, both ends included', async () => {
    vi.setSystemTime(Date.parse('2025-09-06T08:00:00.000Z'))
    await addEntry(leaders, 'sixth')
    vi.setSystemTime(new Date(2025, 8, 7, 23, 59).getTime())
    await addEntry(leaders, 'seventh, late')
    vi.setSystemTime(new Date(2025, 8, 8, 0, 0).getTime())
    await addEntry(leaders, 'eighth, at midnight')
    expect((await all({ from: '2025-09-07', to: '2025-09-07' })).map(describeItem)).toEqual(['written:seventh, late'])
    expect((await all({ from: '2025-09-07' })).map(describeItem)).toEqual(['written:eighth, at midnight', 'written:seventh, late'])
    expect((await all({ to: '2025-09-07', pointerId: leaders.pointerId })).map(describeItem)).toEqual(['written:seventh, late', 'written:sixth'])
  })
})

describe('search', () => {
  it('finds words by their start, ignoring case and accents, in entries, notes, pointers, titles and references', async () => {
    await seed()
    expect((await all({ query: 'kyiv' })).map(describeItem)).toEqual(['written:Peace for Kyïv tonight.'])
    expect((await all({ query: 'MOTH' })).map(describeItem)).toEqual(['written:Mothers waiting at the border.'])
    expect((await all({ query: 'ceasef' })).map(describeItem)).toEqual(['answered:A ceasefire was agreed.'])
    // The pointer's words: "aid workers in Darfur", its briefing "Sudan", its reference "Matthew 25:35".
    const aidItems = [`prayed:${aid.pointerId}`, 'written:Convoys reached the city.']
    expect((await all({ query: 'darf' })).map(describeItem)).toEqual(aidItems)
    expect((await all({ query: 'sudan' })).map(describeItem)).toEqual(aidItems)
    expect((await all({ query: 'matthew 25' })).map(describeItem)).toEqual(aidItems)
    // Every word must match.
    expect((await all({ query: 'convoys darfur' })).map(describeItem)).toEqual(['written:Convoys reached the city.'])
    expect(await all({ query: 'convoys kyiv' })).toEqual([])
  })

  it('combines with the filters', async () => {
    await seed()
    expect((await all({ query: 'darfur', kinds: ['written'] })).map(describeItem)).toEqual(['written:Convoys reached the city.'])
    expect((await all({ query: 'peace', status: 'answered', kinds: ['written'] })).map(describeItem)).toEqual(['written:Peace for Kyïv tonight.'])
  })

  it('stays exact after an edit, a delete and its Undo, an unmark and its Undo, and a removed tap', async () => {
    const { first, aidTap } = await seed()
    await editEntry(first.id, 'Quiet streets in Lviv.')
    expect(await all({ query: 'tonight' })).toEqual([])
    expect((await all({ query: 'lviv' })).map(describeItem)).toEqual(['written:Quiet streets in Lviv.'])

    const removed = (await deleteEntry(first.id))!
    expect(await all({ query: 'lviv' })).toEqual([])
    await restoreEntry(removed)
    expect((await all({ query: 'lviv' })).map(describeItem)).toEqual(['written:Quiet streets in Lviv.'])

    const note = (await unmarkAnswered(leaders.pointerId))!
    expect(await all({ query: 'ceasefire' })).toEqual([])
    await restoreAnswer(note)
    expect(await all({ query: 'ceasefire' })).toHaveLength(1)
    await markAnswered(leaders, 'Talks began again.')
    expect(await all({ query: 'ceasefire' })).toEqual([])
    expect(await all({ query: 'talks' })).toHaveLength(1)

    await removePrayed(aidTap.id)
    expect((await all({ query: 'darfur', kinds: ['prayed'] }))).toEqual([])
  })

  it('keeps the words of each change beside the record, in the same write, and searches them before and after a build', async () => {
    const { first } = await seed()
    expect(await db.entries.get(first.id)).toEqual(first)
    expect((await db.searchRecent.get(`written:${first.id}`))?.words).toEqual(expect.arrayContaining(['peace', 'kyiv', 'tonight', 'leaders', 'ukraine', 'matthew']))
    expect((await all({ query: 'kyiv' })).map(describeItem)).toEqual(['written:Peace for Kyïv tonight.'])
    tick()
    await buildSearchIndex()
    expect(await db.searchRecent.count()).toBe(0)
    expect(await db.searchTerms.get('kyiv')).toMatchObject({ docs: Uint32Array.from([keyHash(`written:${first.id}`)]) })
    expect((await all({ query: 'kyiv' })).map(describeItem)).toEqual(['written:Peace for Kyïv tonight.'])
    // A write that fails writes no words either.
    await expect(db.transaction('rw', db.entries, async () => {
      await addEntry(aid, 'never kept zanzibar')
      throw new Error('closed tab')
    })).rejects.toThrow('closed tab')
    expect(await db.searchRecent.count()).toBe(0)
    expect(await all({ query: 'zanzibar' })).toEqual([])
  })

  it('does not find words kept only in a draft, and finds them once the draft is saved, before and after a build', async () => {
    const { first } = await seed()
    await buildSearchIndex()
    await saveDraft(draftTarget('entry-new', aid), 'half a thought about quokkas')
    await saveDraft(draftTarget('entry-edit', leaders, first.id), 'Peace for Kyïv tonight, and wombats.')
    expect(await all({ query: 'quokkas' })).toEqual([])
    expect(await all({ query: 'wombats' })).toEqual([])
    // What the editors do on Save: write the words, then let the draft go.
    await addEntry(aid, 'half a thought about quokkas')
    await deleteDraft(draftTarget('entry-new', aid).key)
    await editEntry(first.id, 'Peace for Kyïv tonight, and wombats.')
    expect((await all({ query: 'quokkas' })).map(describeItem)).toEqual(['written:half a thought about quokkas'])
    expect((await all({ query: 'wombats kyiv' })).map(describeItem)).toEqual(['written:Peace for Kyïv tonight, and wombats.'])
    tick()
    await buildSearchIndex()
    expect((await all({ query: 'wombats' })).map(describeItem)).toEqual(['written:Peace for Kyïv tonight, and wombats.'])
  })

  it('marks the index for a rebuild after a write of many records at once, and searches correctly meanwhile', async () => {
    await seed()
    await buildSearchIndex()
    await db.prayed.bulkAdd(Array.from({ length: 300 }, (_, i) => ({ ...aid, id: `bulk-${i}`, prayedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString() })))
    expect(await searchIndexState()).toEqual({ built: false })
    expect(await all({ query: 'darfur', kinds: ['prayed'] })).toHaveLength(301)
    await buildSearchIndex()
    expect(await all({ query: 'darfur', kinds: ['prayed'] })).toHaveLength(301)
  })

  it('uses the index for a rare word and a scan in time order for a common one, with the same answers', async () => {
    const seeded = await seed()
    // 5,100 taps on the families pointer make "families" common; "darfur" stays rare.
    await db.prayed.bulkAdd(Array.from({ length: 5100 }, (_, i) => ({ ...families, id: `tap-${i}`, prayedAt: new Date(Date.UTC(2024, 0, 1, 0, i)).toISOString() })))
    tick()
    await buildSearchIndex()
    expect((await timelineSearch('families')).candidates).toBeNull()
    const { aidEntry, aidTap } = seeded
    const rare = (await timelineSearch('darfur')).candidates?.list.map(candidate => candidate.hash).sort()
    expect(rare).toEqual([keyHash(`written:${aidEntry.id}`), keyHash(`prayed:${aidTap.id}`)].sort())
    const common = await readTimelinePage({ query: 'families' }, null, 5)
    expect(common.items.map(item => item.kind)).toEqual(['written', 'prayed', 'prayed', 'prayed', 'prayed'])
    expect(common.next).not.toBeNull()
    expect((await all({ query: 'darfur' })).map(describeItem)).toEqual([`prayed:${aid.pointerId}`, 'written:Convoys reached the city.'])
  })
})
