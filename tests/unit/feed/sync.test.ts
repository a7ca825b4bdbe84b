import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseBriefing } from '~/briefings/parse'
import type { Briefing } from '~/briefings/types'
import { db } from '~/db'
import { archivedBriefings } from '~/db/archive'
import { readBriefingPage } from '~/db/briefing-pages'
import { savePastedBriefing } from '~/db/briefings'
import { FIRST_PAGE } from '~/db/index-pages'
import { getSetting, setSetting } from '~/db/settings'
import { buildFeed } from '~/feed/build'
import { FEED_PATH, type Feed } from '~/feed/format'
import { FeedError, fetchArchivedBriefing, keepWholeArchive, measureWholeArchive, readArchiveYears, syncFeed, type ArchiveProgress } from '~/feed/sync'
import { makeBriefing, useFreshDatabase } from '../db/helpers'

useFreshDatabase()
afterEach(() => vi.restoreAllMocks())

const SHIPPED = '2025-09-05-ukraine-putin-rejects-peace-force.txt'

function shippedBriefing(): Briefing {
  const result = parseBriefing(readFileSync(`src/content/briefings/${SHIPPED}`, 'utf8'), { fileName: SHIPPED })
  if (!result.ok) throw new Error(result.problem.message)
  return result.briefing
}

/** One briefing a day, newest first, ending on `end`. */
function daily(count: number, end = '2025-09-05'): Briefing[] {
  return Array.from({ length: count }, (_, i) => {
    const date = new Date(Date.parse(`${end}T00:00:00Z`) - i * 86_400_000).toISOString().slice(0, 10)
    return makeBriefing({ id: `${date}-daily`, date, title: `Daily briefing of ${date}` })
  })
}

/** A static host at '/' answering from the built feed's files; anything else is a 404. */
function fakeServer(files: Map<string, string>, base = '/') {
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const path = String(input)
    const body = path.startsWith(base) ? files.get(path.slice(base.length)) : undefined
    if (body === undefined) return new Response('Not found', { status: 404 })
    return new Response(body, { status: 200, headers: { 'content-type': 'application/json' } })
  })
  return { fetch, calls: () => fetch.mock.calls.map(([url]) => String(url)), mock: fetch }
}

async function feedOf(briefings: Briefing[]) {
  const files = await buildFeed(briefings.map(briefing => ({ fileName: `${briefing.id}.txt`, briefing })), { generatedAt: '2025-09-06T00:00:00.000Z' })
  return { files, feed: JSON.parse(files.get(FEED_PATH)!) as Feed }
}

const stored = async () => (await db.briefings.toCollection().primaryKeys()).sort().reverse()

describe('syncFeed', () => {
  it('stores the recent briefings from one request, revalidated, and reads no archive page', async () => {
    const ukraine = shippedBriefing()
    const other = makeBriefing({ id: '2025-09-01-sudan', title: 'Sudan', date: '2025-09-01' })
    const { files, feed } = await feedOf([ukraine, other])
    const server = fakeServer(files)
    expect(await syncFeed({ fetch: server.fetch })).toEqual({ added: [ukraine.id, other.id], updated: [], problems: [] })
    expect(server.calls()).toEqual([`/${FEED_PATH}`])
    expect(server.mock.mock.calls[0]![1]?.cache).toBe('no-cache')
    expect(await db.briefings.get(ukraine.id)).toMatchObject({ ...ukraine, source: 'feed', hash: feed.items[0]!._selah.hash, openedAt: null })
  })

  it('hands the recent briefings to the list before anything is stored', async () => {
    const server = fakeServer((await feedOf(daily(3))).files)
    let storedWhenCalled = -1
    const onRecent = vi.fn(() => { void db.briefings.count().then((count) => { storedWhenCalled = count }) })
    await syncFeed({ fetch: server.fetch, onRecent })
    expect(onRecent).toHaveBeenCalledWith(daily(3).map(b => ({ id: b.id, title: b.title, date: b.date, pointerCount: 2 })))
    expect(storedWhenCalled).toBe(0)
  })

  it('costs one request and writes nothing when nothing is new', async () => {
    const server = fakeServer((await feedOf(daily(5))).files)
    await syncFeed({ fetch: server.fetch })
    const bulkPut = vi.spyOn(db.briefings, 'bulkPut')
    expect(await syncFeed({ fetch: server.fetch })).toEqual({ added: [], updated: [], problems: [] })
    expect(server.calls()).toEqual([`/${FEED_PATH}`, `/${FEED_PATH}`])
    expect(bulkPut).not.toHaveBeenCalled()
  })

  it('keeps the last month by default: eight years of daily briefings cost one document, and older ones are not fetched', async () => {
    const years = daily(3000)
    const server = fakeServer((await feedOf(years)).files)
    const result = await syncFeed({ fetch: server.fetch })
    expect(result.added).toEqual(years.slice(0, 31).map(b => b.id))
    expect(server.calls()).toEqual([`/${FEED_PATH}`])
    // The list holds them; the archive's years are noted, to be listed when the reader gets there.
    expect((await readArchiveYears(1, { fetch: server.fetch })).unread).toBe(8)
    expect(server.calls()[1]).toMatch(/^\/feed\/archive\/2025\.[0-9a-f]{16}\.json$/)
    const page = await readBriefingPage(FIRST_PAGE, 40)
    expect(page.filter(s => s.onDevice)).toHaveLength(31)
    expect(page[31]).toMatchObject({ briefing: { id: years[31]!.id }, onDevice: false })
  })

  it('keeps a longer window when asked, fetching the older briefings it reaches from the archive', async () => {
    const years = daily(200)
    await setSetting('mirror', { days: 92, wholeArchive: false })
    const server = fakeServer((await feedOf(years)).files)
    const result = await syncFeed({ fetch: server.fetch })
    expect(new Set(result.added)).toEqual(new Set(years.slice(0, 92).map(b => b.id)))
    expect(result.problems).toEqual([])
    // feed.json, the 2025 page, and one document for each older briefing in the window.
    expect(server.calls().filter(url => url.includes('/archive/'))).toHaveLength(1)
    expect(server.calls().filter(url => url.includes('/briefings/'))).toHaveLength(92 - 31)
  })

  it('never removes a briefing that leaves the window, and fetches an archived one an editor fixed', async () => {
    const first = daily(40)
    const server = fakeServer((await feedOf(first)).files)
    await syncFeed({ fetch: server.fetch })
    await readArchiveYears(Infinity, { fetch: server.fetch })
    await fetchArchivedBriefing(first[39]!.id, { fetch: server.fetch })
    // Forty days later, with a typo fixed in the oldest: everything stored stays, the fix arrives.
    const later = [...daily(40, '2025-10-15'), ...first.slice(0, 39), { ...first[39]!, title: 'Fixed title' }]
    const next = fakeServer((await feedOf(later)).files)
    const result = await syncFeed({ fetch: next.fetch })
    expect(result.updated).toEqual([first[39]!.id])
    expect((await db.briefings.get(first[39]!.id))?.title).toBe('Fixed title')
    for (const briefing of first.slice(0, 31)) expect(await db.briefings.get(briefing.id)).toBeDefined()
  })

  it('does not refetch a briefing that was pasted with the same content', async () => {
    const ukraine = shippedBriefing()
    await savePastedBriefing(ukraine)
    const server = fakeServer((await feedOf([ukraine])).files)
    expect(await syncFeed({ fetch: server.fetch })).toEqual({ added: [], updated: [], problems: [] })
  })

  it('reads the feed below the app base', async () => {
    const server = fakeServer((await feedOf(daily(2))).files, '/selah/')
    expect((await syncFeed({ fetch: server.fetch, base: '/selah/' })).added).toHaveLength(2)
  })
})

describe('the archive', () => {
  it('opens an archived briefing by fetching it once, and keeps it', async () => {
    const years = daily(400)
    const server = fakeServer((await feedOf(years)).files)
    await syncFeed({ fetch: server.fetch })
    await readArchiveYears(Infinity, { fetch: server.fetch })
    const old = years[350]!
    expect(await fetchArchivedBriefing(old.id, { fetch: server.fetch })).toBe(true)
    expect(await db.briefings.get(old.id)).toMatchObject({ ...old, source: 'feed' })
    expect(await db.archive.get(old.id)).toBeUndefined()
    expect(await fetchArchivedBriefing('not-listed', { fetch: server.fetch })).toBe(false)
  })

  it('opens a link to an archived briefing of a year this device has not listed yet, reading only that year', async () => {
    const years = daily(800)
    const server = fakeServer((await feedOf(years)).files)
    await syncFeed({ fetch: server.fetch })
    const old = years[700]!
    expect(await fetchArchivedBriefing(old.id, { fetch: server.fetch })).toBe(true)
    expect(await db.briefings.get(old.id)).toMatchObject({ title: old.title })
    const pages = server.calls().filter(url => url.includes('/archive/'))
    expect(pages).toEqual([expect.stringMatching(new RegExp(`/feed/archive/${old.date!.slice(0, 4)}\\.`))])
    expect(await fetchArchivedBriefing('2024-01-01-no-such-briefing', { fetch: server.fetch })).toBe(false)
  })

  it('says plainly why an archived briefing cannot open: offline, missing, or not the version listed', async () => {
    const years = daily(60)
    const { files } = await feedOf(years)
    const server = fakeServer(files)
    await syncFeed({ fetch: server.fetch })
    await readArchiveYears(Infinity, { fetch: server.fetch })
    const [a, b] = await archivedBriefings()
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    await expect(fetchArchivedBriefing(a!.id, { fetch: server.fetch })).rejects.toThrow('This briefing is in the ministry’s archive, not on this device yet, and you are offline. Connect to the internet to open it.')
    vi.restoreAllMocks()
    files.delete(a!.path)
    await expect(fetchArchivedBriefing(a!.id, { fetch: server.fetch })).rejects.toThrow('This briefing could not be fetched from the archive: it was not found (404). Try again later.')
    files.set(b!.path, files.get(b!.path)!.replace(b!.hash, '0000000000000000'))
    await expect(fetchArchivedBriefing(b!.id, { fetch: server.fetch })).rejects.toThrow(FeedError)
    expect(await db.briefings.get(b!.id)).toBeUndefined()
  })

  it('keeps the whole archive: says the size first, downloads with progress, then keeps every new one', async () => {
    const years = daily(120)
    const server = fakeServer((await feedOf(years)).files)
    await syncFeed({ fetch: server.fetch })
    const size = await measureWholeArchive({ fetch: server.fetch })
    expect(size.count).toBe(120 - 31)
    expect(size.bytes).toBeGreaterThan(size.count * 500)
    const seen: ArchiveProgress[] = []
    expect(await keepWholeArchive(progress => seen.push(progress), undefined, { fetch: server.fetch })).toEqual([])
    expect(seen[0]).toEqual({ done: 0, total: 89, bytes: 0, totalBytes: size.bytes })
    expect(seen.at(-1)).toEqual({ done: 89, total: 89, bytes: size.bytes, totalBytes: size.bytes })
    expect(await stored()).toEqual(years.map(b => b.id))
    expect(await getSetting('mirror')).toEqual({ days: 31, wholeArchive: true })
  })

  it('stops keeping the whole archive between batches when asked; what arrived stays', async () => {
    const server = fakeServer((await feedOf(daily(300))).files)
    await syncFeed({ fetch: server.fetch })
    await measureWholeArchive({ fetch: server.fetch })
    const stop = new AbortController()
    await keepWholeArchive((progress) => { if (progress.done > 0) stop.abort() }, stop.signal, { fetch: server.fetch })
    const count = await db.briefings.count()
    expect(count).toBeGreaterThan(31)
    expect(count).toBeLessThan(300)
    expect((await getSetting('mirror')).wholeArchive).toBe(false)
  })

  it('reports an archive page that is missing or cut short, and lists the others', async () => {
    const { files, feed } = await feedOf(daily(800))
    const [newest, middle] = feed._selah.archives
    files.delete(newest!.path)
    files.set(middle!.path, files.get(middle!.path)!.slice(0, 200))
    const server = fakeServer(files)
    await syncFeed({ fetch: server.fetch })
    const { problems, unread } = await readArchiveYears(Infinity, { fetch: server.fetch })
    expect(problems).toEqual([
      `The list of briefings from ${newest!.year} could not be read: it was not found (404).`,
      `The list of briefings from ${middle!.year} could not be read: it is not valid JSON, or it was cut short.`,
    ])
    expect(unread).toBe(2)
    expect((await archivedBriefings()).length).toBeGreaterThan(0)
  })
})

describe('syncFeed failures', () => {
  const failing = (error: unknown) => vi.fn(() => Promise.reject(error)) as unknown as typeof fetch

  it('says the person is offline when the network fails offline', async () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false)
    const error = await syncFeed({ fetch: failing(new TypeError('Failed to fetch')) }).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(FeedError)
    expect((error as FeedError).message).toBe('You are offline: showing the briefings saved on this device.')
  })

  it('says the network did not answer when online', async () => {
    await expect(syncFeed({ fetch: failing(new TypeError('Failed to fetch')) }))
      .rejects.toThrow('The briefing feed could not be read: the network did not answer.')
  })

  it('reports a missing feed and a server error', async () => {
    await expect(syncFeed({ fetch: fakeServer(new Map()).fetch })).rejects.toThrow('The briefing feed could not be read: it was not found (404).')
    const broken = vi.fn(async () => new Response('oops', { status: 503 })) as unknown as typeof fetch
    await expect(syncFeed({ fetch: broken })).rejects.toThrow('The briefing feed could not be read: the server answered 503.')
  })

  it('reports a feed that is not JSON or cut short, and keeps the briefings already here', async () => {
    const { files } = await feedOf(daily(3))
    await syncFeed({ fetch: fakeServer(files).fetch })
    const html = fakeServer(new Map([[FEED_PATH, '<!doctype html><title>Selah</title>']]))
    await expect(syncFeed({ fetch: html.fetch })).rejects.toThrow('The briefing feed could not be read: it is not valid JSON, or it was cut short.')
    const cut = fakeServer(new Map([[FEED_PATH, files.get(FEED_PATH)!.slice(0, 500)]]))
    await expect(syncFeed({ fetch: cut.fetch })).rejects.toThrow('The briefing feed could not be read: it is not valid JSON, or it was cut short.')
    expect(await db.briefings.count()).toBe(3)
  })

  it('reports a feed in the wrong format, saying where', async () => {
    const { feed } = await feedOf(daily(1))
    const server = fakeServer(new Map([[FEED_PATH, JSON.stringify({ ...feed, _selah: { ...feed._selah, version: 99 } })]]))
    await expect(syncFeed({ fetch: server.fetch })).rejects.toThrow(/^The briefing feed could not be read: it is not in the expected format \(_selah\.version: .+\)\.$/)
    expect(await db.briefings.count()).toBe(0)
  })

  it('refuses a feed with a malformed item whole: nothing is half-stored', async () => {
    const { feed } = await feedOf(daily(2))
    const broken = { ...feed, items: [{ ...feed.items[0]!, _selah: { ...feed.items[0]!._selah, pointers: [] } }, feed.items[1]] }
    const server = fakeServer(new Map([[FEED_PATH, JSON.stringify(broken)]]))
    await expect(syncFeed({ fetch: server.fetch })).rejects.toThrow(/^The briefing feed could not be read: it is not in the expected format \(items\.0\._selah\.pointers: .+\)\.$/)
    expect(await db.briefings.count()).toBe(0)
  })
})
