import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { archivedBriefings, readArchiveState, saveArchiveLinks, saveArchivePage, type ArchiveLine } from '~/db/archive'
import { findBriefings } from '~/db/briefing-pages'
import { mirrorBriefings, savePastedBriefing } from '~/db/briefings'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

const line = (id: string, date: string | null, hash = 'aaaaaaaaaaaaaaaa', title = `Title ${id}`): ArchiveLine =>
  ({ id, title, date, hash, pointerCount: 4, bytes: 3000, path: `feed/briefings/${id}.${hash}.json` })
const link = (year: string, hash: string) => ({ year, path: `feed/archive/${year}.${hash}.json`, count: 1, bytes: 3000 })

describe('the archive lines', () => {
  it('lists a page\'s briefings that are not on this device, in place of the year\'s old lines, and notes the page read', async () => {
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'held', date: '2024-03-01' }), hash: 'aaaaaaaaaaaaaaaa' }], 'feed')
    await saveArchivePage('2024', 'feed/archive/2024.1111111111111111.json', [line('b', '2024-05-01'), line('held', '2024-03-01'), line('gone', '2024-01-01')])
    expect((await archivedBriefings()).map(row => row.id)).toEqual(['b', 'gone'])
    // The page changed: 'gone' was taken off it.
    await saveArchivePage('2024', 'feed/archive/2024.2222222222222222.json', [line('b', '2024-05-01'), line('held', '2024-03-01')])
    expect((await archivedBriefings()).map(row => row.id)).toEqual(['b'])
    expect((await readArchiveState()).read).toEqual({ 2024: 'feed/archive/2024.2222222222222222.json' })
  })

  it('returns the stored feed briefings whose content the page says has changed, never a pasted one', async () => {
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'fixed', date: '2024-03-01' }), hash: 'aaaaaaaaaaaaaaaa' }], 'feed')
    await savePastedBriefing(makeBriefing({ id: 'pasted', date: '2024-03-02' }))
    const changed = await saveArchivePage('2024', 'feed/archive/2024.1111111111111111.json', [line('fixed', '2024-03-01', 'bbbbbbbbbbbbbbbb'), line('pasted', '2024-03-02', 'cccccccccccccccc')])
    expect(changed.map(row => row.id)).toEqual(['fixed'])
    expect(await db.archive.count()).toBe(0)
  })

  it('keeps the links the feed gives, and drops the lines of a year it no longer lists', async () => {
    await saveArchivePage('2023', 'feed/archive/2023.1111111111111111.json', [line('old', '2023-02-01')])
    await saveArchivePage('2024', 'feed/archive/2024.1111111111111111.json', [line('new', '2024-02-01')])
    const state = await saveArchiveLinks([link('2024', '3333333333333333')])
    expect(state.links).toEqual([link('2024', '3333333333333333')])
    // 2024's page changed name: its lines stay until the new page is read.
    expect((await archivedBriefings()).map(row => row.id)).toEqual(['new'])
    expect(state.read).toEqual({ 2024: 'feed/archive/2024.1111111111111111.json' })
  })

  it('sorts an undated line last, and lists from a day on when asked', async () => {
    await saveArchivePage('undated', 'feed/archive/undated.1111111111111111.json', [line('undated', null)])
    await saveArchivePage('2024', 'feed/archive/2024.1111111111111111.json', [line('jan', '2024-01-10'), line('jun', '2024-06-10')])
    expect((await archivedBriefings()).map(row => row.id)).toEqual(['jun', 'jan', 'undated'])
    expect((await archivedBriefings('2024-02-01')).map(row => row.id)).toEqual(['jun'])
  })
})

describe('findBriefings', () => {
  it('finds titles by word prefixes, case and accents folded, on this device and in the archive, newest first', async () => {
    await mirrorBriefings([{ briefing: makeBriefing({ id: 'kyiv', date: '2025-01-02', title: 'Kyiv: Ukraine waits for peace' }), hash: 'aaaaaaaaaaaaaaaa' }], 'feed')
    await saveArchivePage('2019', 'feed/archive/2019.1111111111111111.json', [
      line('sudan', '2019-04-01', 'aaaaaaaaaaaaaaaa', 'Sudan: Peace Talks Résumé'),
      line('other', '2019-03-01', 'aaaaaaaaaaaaaaaa', 'Nepal earthquake'),
    ])
    const found = await findBriefings('PEA', 10)
    expect(found.map(summary => [summary.briefing.id, summary.onDevice])).toEqual([['kyiv', true], ['sudan', false]])
    expect((await findBriefings('resume peace', 10)).map(summary => summary.briefing.id)).toEqual(['sudan'])
    expect(await findBriefings('  ', 10)).toEqual([])
    expect((await findBriefings('peace', 1)).map(summary => summary.briefing.id)).toEqual(['kyiv'])
  })
})
