import Dexie from 'dexie'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { db, NewerDatabaseError, onDatabaseOutdated } from '~/db'
import { readAnsweredPage } from '~/db/answers'
import { readBriefingPage } from '~/db/briefing-pages'
import { loadBriefingDetail } from '~/db/briefing-reads'
import { FIRST_PAGE } from '~/db/index-pages'
import { readSettings } from '~/db/settings'
import { LATEST_SCHEMA_VERSION, SCHEMA_HISTORY } from '~/db/schema'
import { buildSearchIndex, searchIndexState } from '~/db/search-index'
import { readMyPrayers } from '~/db/request-reads'
import { loadThread } from '~/db/thread'
import { readTimeline } from '~/db/timeline'

/** Every journal entry, newest first, through the timeline the Journal view reads. */
const listEntriesNewestFirst = async () => (await readTimeline({ kinds: ['written'] }, { upper: null, lower: null })).map(item => item.record)

type Row = Record<string, unknown>
interface Fixture { version: number, tables: Record<string, Row[]> }

/**
 * Each version as it shipped, copied from the commit that shipped it, NOT read from SCHEMA_HISTORY:
 * editing a shipped version in src/db/schema.ts must fail this test, not move the expectation with
 * it. A new version is copied here when it is added (the test below asks for it), and never
 * edited once it has shipped.
 */
const SHIPPED_SCHEMAS: { version: number, stores: Record<string, string>, upgrade?: string }[] = [
  {
    version: 1,
    stores: {
      briefings: 'id, sortDate, source',
      entries: 'id, briefingId, pointerId, createdAt, [pointerId+createdAt]',
      answers: 'pointerId, briefingId, answeredAt',
      prayed: 'id, briefingId, pointerId, prayedAt, [pointerId+prayedAt]',
    },
  },
  {
    version: 2,
    stores: {
      drafts: 'key, updatedAt',
      settings: 'key',
    },
  },
  {
    version: 3,
    stores: {
      briefings: 'id, sortDate, source, [sortDate+addedAt]',
      entries: 'id, briefingId, pointerId, createdAt, editedAt, [pointerId+createdAt], [briefingId+createdAt]',
      answers: 'pointerId, briefingId, answeredAt, editedAt',
      prayed: 'id, briefingId, pointerId, prayedAt, [pointerId+prayedAt], [briefingId+prayedAt]',
      searchTerms: 'term',
      searchDocs: 'bucket',
      searchRecent: 'key',
      archive: 'id, [sortDate+addedAt], year',
    },
    upgrade: 'search-index-pending',
  },
  {
    version: 4,
    stores: {
      prayerLists: 'id, order',
      requests: 'id, listId, [listId+order], archivedAt',
    },
  },
]

/** Declares the shipped versions 1..upTo, as the Selah of that version did. */
function declareShipped(dexie: Dexie, upTo = SHIPPED_SCHEMAS.at(-1)!.version) {
  for (const { version, stores } of SHIPPED_SCHEMAS) {
    if (version <= upTo) dexie.version(version).stores(stores)
  }
}

// Every tests/unit/db/fixtures/v<N>.ts: what schema version N wrote.
const fixtureModules = import.meta.glob<{ default: Fixture }>('./fixtures/v*.ts', { eager: true })
const fixtures = new Map(Object.values(fixtureModules).map(module => [module.default.version, module.default]))

/**
 * Rows as the app reads them after upgrading from `fixture.version`. Each version whose upgrade()
 * moves data adds its transformation here.
 */
function expectedAfterUpgrade(fixture: Fixture): Record<string, Row[]> {
  const tables = { ...fixture.tables }
  // Version 3: the search index of an older journal is built in the background, after opening.
  if (fixture.version < 3) tables.settings = [...tables.settings ?? [], { key: 'searchIndex', value: { built: false } }]
  return tables
}

/** The latest shipped declaration of each table: its primary key and index names. */
function declaredTables() {
  const stores = new Map<string, string>()
  for (const version of SHIPPED_SCHEMAS) {
    for (const [name, spec] of Object.entries(version.stores)) stores.set(name, spec)
  }
  return new Map([...stores].map(([name, spec]) => {
    const [primaryKey, ...indexes] = spec.split(',').map(part => part.trim())
    // IndexedDB names a multi-entry index without Dexie's '*'.
    return [name, { primaryKey: primaryKey!, indexes: indexes.map(index => index.replace(/^\*/, '')).sort() }]
  }))
}

async function writeOldDatabase(fixture: Fixture) {
  const old = new Dexie('selah')
  declareShipped(old, fixture.version)
  await old.open()
  expect(old.verno).toBe(fixture.version)
  await old.transaction('rw', old.tables, async () => {
    for (const [name, rows] of Object.entries(fixture.tables)) await old.table(name).bulkAdd(rows)
  })
  old.close()
}

function byPrimaryKey(rows: Row[], key: string): Row[] {
  return [...rows].sort((a, b) => String(a[key]).localeCompare(String(b[key])))
}

function newestFirst(rows: Row[], time: string): unknown[] {
  return [...rows].sort((a, b) => String(b[time]).localeCompare(String(a[time])))
}

beforeEach(async () => {
  await db.delete()
})
afterEach(async () => {
  await db.delete()
})

describe('a shipped schema version is frozen', () => {
  it('versions 1 to 4 in SCHEMA_HISTORY are exactly as they shipped', () => {
    expect(SCHEMA_HISTORY[0]).toEqual(SHIPPED_SCHEMAS[0])
    expect(SCHEMA_HISTORY[1]).toEqual(SHIPPED_SCHEMAS[1])
    expect(SCHEMA_HISTORY[2]).toEqual(SHIPPED_SCHEMAS[2])
    expect(SCHEMA_HISTORY[3]).toEqual(SHIPPED_SCHEMAS[3])
  })

  it('every version in SCHEMA_HISTORY is copied into SHIPPED_SCHEMAS, and none is changed', () => {
    expect(SCHEMA_HISTORY).toEqual(SHIPPED_SCHEMAS)
    expect(LATEST_SCHEMA_VERSION).toBe(SHIPPED_SCHEMAS.at(-1)!.version)
  })
})

describe('opening a database written by every earlier schema version', () => {
  it('has a fixture for every version in SCHEMA_HISTORY', () => {
    // A new version without a fixture of what it writes fails here, before it ever ships.
    for (const { version } of SCHEMA_HISTORY) {
      expect(fixtures.get(version), `tests/unit/db/fixtures/v${version}.ts`).toBeDefined()
    }
    expect([...fixtures.keys()].sort((a, b) => a - b)).toEqual(SCHEMA_HISTORY.map(({ version }) => version))
  })

  for (const { version } of SCHEMA_HISTORY) {
    describe(`from version ${version}`, () => {
      const fixture = () => {
        const found = fixtures.get(version)
        if (!found) throw new Error(`No fixture for schema version ${version}: add tests/unit/db/fixtures/v${version}.ts`)
        return found
      }

      it(`opens at version ${LATEST_SCHEMA_VERSION} with every table and index a fresh database has`, async () => {
        await writeOldDatabase(fixture())
        await db.open()
        expect(db.verno).toBe(LATEST_SCHEMA_VERSION)
        expect(db.backendDB().version / 10).toBe(LATEST_SCHEMA_VERSION)

        const declared = declaredTables()
        const native = db.backendDB()
        expect([...native.objectStoreNames].sort()).toEqual([...declared.keys()].sort())
        const transaction = native.transaction([...declared.keys()], 'readonly')
        for (const [name, { primaryKey, indexes }] of declared) {
          const store = transaction.objectStore(name)
          expect(store.keyPath, `${name} primary key`).toBe(primaryKey)
          expect([...store.indexNames].sort(), `${name} indexes`).toEqual(indexes)
        }
      })

      it('keeps every row exactly as it was written', async () => {
        const expected = expectedAfterUpgrade(fixture())
        await writeOldDatabase(fixture())
        await db.open()
        for (const table of db.tables) {
          const key = table.schema.primKey.keyPath as string
          const rows = expected[table.name] ?? []
          expect(byPrimaryKey(await table.toArray(), key), `table ${table.name}`).toEqual(byPrimaryKey(rows, key))
        }
      })

      it('serves the app\'s reads: briefing list, briefing detail, journal, answered, settings', async () => {
        const { briefings = [], entries = [], answers = [], prayed = [], settings = [] } = expectedAfterUpgrade(fixture())
        await writeOldDatabase(fixture())
        await db.open()

        const count = (rows: Row[], id: unknown) => rows.filter(row => row.briefingId === id).length
        const summaries = await readBriefingPage(FIRST_PAGE, 1000)
        expect(summaries.map(summary => summary.briefing.id).sort()).toEqual(briefings.map(b => b.id).sort())
        for (const summary of summaries) {
          const id = summary.briefing.id
          expect(summary).toMatchObject({ entryCount: count(entries, id), answeredCount: count(answers, id), prayedCount: count(prayed, id) })
        }

        for (const briefing of briefings) {
          const detail = await loadBriefingDetail(briefing.id as string)
          expect(detail?.briefing).toEqual(briefing)
          // Records whose pointer was dropped are still found under their pointer id.
          const pointerIds = (rows: Row[]) => [...new Set(rows.filter(row => row.briefingId === briefing.id).map(row => row.pointerId))].sort()
          expect([...detail!.entries.keys()].sort()).toEqual(pointerIds(entries))
          expect([...detail!.answers.keys()].sort()).toEqual(pointerIds(answers))
          expect([...detail!.prayed.keys()].sort()).toEqual(pointerIds(prayed))
        }

        expect(await listEntriesNewestFirst()).toEqual(newestFirst(entries, 'createdAt'))
        expect((await readAnsweredPage(FIRST_PAGE, 1000)).map(row => row.answer)).toEqual(newestFirst(answers, 'answeredAt'))
        const stored = await readSettings()
        for (const { key, value } of settings) expect(stored[key as keyof typeof stored]).toEqual(value)
      })
    })
  }

  for (const version of [1, 2]) {
    it(`from version ${version}, builds the search index after opening, then finds old records`, async () => {
      const fixture = fixtures.get(version)!
      await writeOldDatabase(fixture)
      await db.open()
      const entries = fixture.tables.entries!
      const saysKyiv = entries.filter(entry => /kyiv|київ/i.test(`${entry.text} ${entry.pointerText} ${entry.briefingTitle}`)).map(entry => entry.id).sort()
      expect(saysKyiv.length).toBeGreaterThan(0)
      const search = async () => (await readTimeline({ query: 'kyiv', kinds: ['written'] }, { upper: null, lower: null })).map(item => item.key.slice('written:'.length)).sort()

      // Before the build, search checks every record in time order: slower, never wrong.
      expect(await searchIndexState()).toEqual({ built: false })
      expect(await search()).toEqual(saysKyiv)
      const progress: number[] = []
      await buildSearchIndex(value => progress.push(value.done))
      expect(await searchIndexState()).toEqual({ built: true })
      expect(progress.at(-1)).toBe(entries.length + fixture.tables.answers!.length + fixture.tables.prayed!.length)
      expect(await db.searchTerms.get('kyiv')).toBeDefined()
      expect(await search()).toEqual(saysKyiv)
    })
  }

  it('from version 3, searches through the index it stored, with nothing to build', async () => {
    const fixture = fixtures.get(3)!
    await writeOldDatabase(fixture)
    await db.open()
    expect(await searchIndexState()).toEqual({ built: true })
    const found = await readTimeline({ query: 'kyiv', kinds: ['written'] }, { upper: null, lower: null })
    const saysKyiv = fixture.tables.entries!.filter(entry => /kyiv|київ/i.test(`${entry.text} ${entry.pointerText} ${entry.briefingTitle}`))
    expect(found.map(item => item.key).sort()).toEqual(saysKyiv.map(entry => `written:${entry.id}`).sort())
  })

  it('from version 4, reads the person\'s own lists, requests and their threads', async () => {
    const fixture = fixtures.get(4)!
    await writeOldDatabase(fixture)
    await db.open()
    const mine = await readMyPrayers()
    expect(mine.lists.map(list => list.name)).toEqual(['Family', 'Church'])
    const [family, church] = mine.lists
    expect(mine.requests.get(family!.id)!.map(summary => summary.request.text)).toEqual(['Healing for Aunt Miriam after her operation'])
    expect(mine.requests.get(family!.id)![0]).toMatchObject({ prayedCount: 2 })
    expect(mine.requests.get(family!.id)![0]!.entries).toHaveLength(1)
    expect(mine.requests.get(church!.id)!.map(summary => summary.request.text)).toEqual(['Wisdom for the youth leaders’ weekend'])
    expect(mine.archived.map(request => request.text)).toEqual(['A job for Sam'])

    const moved = await loadThread(mine.requests.get(church!.id)![0]!.request.id)
    expect(moved).toMatchObject({ briefingTitle: 'My prayers: Church', text: 'Wisdom for the youth leaders’ weekend', briefingStored: true })
    // The entry keeps the words and list it was written about.
    expect(moved!.events[0]!.record).toMatchObject({ pointerText: 'The youth weekend', briefingTitle: 'My prayers: Family' })

    const found = await readTimeline({ query: 'miriam' }, { upper: null, lower: null })
    expect(found.map(item => item.kind).sort()).toEqual(['prayed', 'prayed', 'written'])
  })

  it('the fixtures include a pasted briefing and records whose pointer was dropped', () => {
    for (const fixture of fixtures.values()) {
      const { briefings = [], entries = [], answers = [] } = fixture.tables
      expect(briefings.some(b => b.source === 'pasted'), `v${fixture.version} pasted briefing`).toBe(true)
      const pointerIds = new Set(briefings.flatMap(b => (b.pointers as { id: string }[]).map(p => p.id)))
      expect(entries.some(e => !pointerIds.has(e.pointerId as string)), `v${fixture.version} dropped pointer`).toBe(true)
      expect(answers.some(a => !pointerIds.has(a.pointerId as string)), `v${fixture.version} dropped pointer`).toBe(true)
    }
  })
})

describe('a database from a newer Selah than this one', () => {
  async function writeNewerDatabase() {
    const newer = new Dexie('selah')
    declareShipped(newer)
    newer.version(99).stores({ future: 'id' })
    await newer.open()
    await newer.table('entries').add({ id: 'from-the-future', text: 'Written by Selah 99.' })
    newer.close()
  }

  it('refuses to open, in plain words, and leaves the newer data alone', async () => {
    await writeNewerDatabase()
    const error = await db.open().catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(NewerDatabaseError)
    expect((error as NewerDatabaseError).installedVersion).toBe(99)
    expect((error as Error).message).toBe('Your journal on this device was saved by a newer version of Selah. Reload this page to get the newest version; if this message stays, close every Selah tab and open Selah again.')

    // Every later read fails too (nothing runs against a schema this code does not know)...
    await expect(listEntriesNewestFirst()).rejects.toThrow()
    // ...and the newer database is untouched.
    const check = new Dexie('selah')
    await check.open()
    expect(check.verno).toBe(99)
    expect(await check.table('entries').toArray()).toEqual([{ id: 'from-the-future', text: 'Written by Selah 99.' }])
    check.close()
  })
})

describe('a database Dexie patched in place (native version 21, still schema 2)', () => {
  it('opens as this version: only a whole newer version is refused', async () => {
    await writeOldDatabase(fixtures.get(LATEST_SCHEMA_VERSION)!)
    // What Dexie does when an installed schema drifted from its declaration: native version + 1.
    await new Promise<void>((resolve, reject) => {
      const open = indexedDB.open('selah', LATEST_SCHEMA_VERSION * 10 + 1)
      open.onerror = () => reject(open.error)
      open.onsuccess = () => {
        open.result.close()
        resolve()
      }
    })
    await db.open()
    expect(db.backendDB().version).toBe(LATEST_SCHEMA_VERSION * 10 + 1)
    expect(await listEntriesNewestFirst()).toHaveLength(fixtures.get(LATEST_SCHEMA_VERSION)!.tables.entries!.length)
  })
})

describe('when another tab opens a newer version', () => {
  it('closes this connection for good and says the tab is outdated', async () => {
    await db.open()
    const outdated = vi.fn()
    const stop = onDatabaseOutdated(outdated)
    const other = new Dexie('selah')
    declareShipped(other)
    other.version(LATEST_SCHEMA_VERSION + 1).stores({ future: 'id' })
    await other.open()

    expect(outdated).toHaveBeenCalledTimes(1)
    stop()
    expect(db.isOpen()).toBe(false)
    // No quiet reopen: this tab's older code must not write into the newer schema.
    const error = await listEntriesNewestFirst().catch((reason: unknown) => reason)
    expect((error as Error).name).toBe('DatabaseClosedError')
    other.close()
  })
})
