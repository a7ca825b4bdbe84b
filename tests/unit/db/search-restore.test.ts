import { describe, expect, it } from 'vitest'
import { importBackup } from '~/backup/import'
import type { BackupFile } from '~/backup/format'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { buildSearchIndex, searchIndexState } from '~/db/search-index'
import { snapshotOf } from '~/db/snapshot'
import { readTimeline } from '~/db/timeline'
import type { StoredBriefing } from '~/db/types'
import { makeBriefing, useFreshDatabase } from './helpers'

useFreshDatabase()

const briefing = makeBriefing()
const stored: StoredBriefing = { ...briefing, source: 'feed', hash: 'h', addedAt: '2025-09-05T06:00:00.000Z', updatedAt: '2025-09-05T06:00:00.000Z', openedAt: null, sortDate: '2025-09-05' }
const pointer = snapshotOf(briefing, briefing.pointers[1]!)

function backupWith(texts: string[]): BackupFile {
  const entries = texts.map((text, i) => {
    const at = new Date(Date.UTC(2024, 0, 1 + i)).toISOString()
    return { ...pointer, id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, text, createdAt: at, editedAt: at }
  })
  return { app: 'selah', kind: 'backup', formatVersion: 1, exportedAt: '2025-01-01T00:00:00.000Z', schemaVersion: 3, data: { briefings: [stored], prayerLists: [], requests: [], entries, answers: [], prayed: [], settings: {} } }
}

const found = async (query: string) => (await readTimeline({ query }, { upper: null, lower: null })).map(item => 'text' in item.record ? item.record.text : item.key)

describe('search after a restore or a merge', () => {
  it('finds what a merge brought in, with the index built before it', async () => {
    await addEntry(pointer, 'Written here: a word about lanterns.')
    await buildSearchIndex()
    await importBackup(backupWith(['From the file: psalms by the harbour.']), 'merge')
    expect(await found('harbour')).toEqual(['From the file: psalms by the harbour.'])
    expect(await found('lanterns')).toEqual(['Written here: a word about lanterns.'])
  })

  it('after replacing everything, finds only the file\'s words, before and after the rebuild it asks for', async () => {
    await addEntry(pointer, 'Written here: a word about lanterns.')
    await buildSearchIndex()
    const many = Array.from({ length: 250 }, (_, i) => `Entry ${i} about the harbour${i === 7 ? ' and a quince' : ''}.`)
    await importBackup(backupWith(many), 'replace')
    expect(await searchIndexState()).toEqual({ built: false })
    expect(await found('lanterns')).toEqual([])
    expect(await found('quince')).toEqual(['Entry 7 about the harbour and a quince.'])
    await buildSearchIndex()
    expect(await found('lanterns')).toEqual([])
    expect(await found('quince')).toEqual(['Entry 7 about the harbour and a quince.'])
    expect(await found('harbour')).toHaveLength(250)
    expect(await db.searchTerms.get('lanterns')).toBeUndefined()
  })
})
