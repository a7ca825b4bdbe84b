import { readFileSync } from 'node:fs'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { buildFeed } from '~/feed/build'
import { FeedError, syncFeed } from '~/feed/sync'
import { parseBriefing } from '~/briefings/parse'
import type { Briefing } from '~/briefings/types'
import { db } from '~/db'
import { savePastedBriefing } from '~/db/briefings'
import { makeBriefing, useFreshDatabase } from '../db/helpers'

useFreshDatabase()
afterEach(() => vi.restoreAllMocks())

const SHIPPED = '2025-09-05-ukraine-putin-rejects-peace-force.txt'

function shippedBriefing(): Briefing {
  const result = parseBriefing(readFileSync(`src/content/briefings/${SHIPPED}`, 'utf8'), { fileName: SHIPPED })
  if (!result.ok) throw new Error(result.problem.message)
  return result.briefing
}

type Body = unknown | { raw: string }

/** A server at '/' answering from a table of paths; anything else is a 404. */
function fakeServer(files: Record<string, Body>) {
  const fetch = vi.fn<typeof globalThis.fetch>(async (input) => {
    const path = String(input)
    if (!(path in files)) return new Response('Not found', { status: 404 })
    const body = files[path]
    const text = typeof body === 'object' && body !== null && 'raw' in body ? String(body.raw) : JSON.stringify(body)
    return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } })
  })
  return { fetch, calls: () => fetch.mock.calls.map(([url]) => String(url)), mock: fetch }
}

async function feedFiles(briefings: Briefing[], base = '/') {
  const { index, documents } = await buildFeed(briefings.map(briefing => ({ fileName: `${briefing.id}.txt`, briefing })))
  const files: Record<string, Body> = { [`${base}feed/index.json`]: index }
  for (const doc of documents) files[`${base}feed/briefings/${doc.briefing.id}.json`] = doc
  return { index, files }
}

const other = makeBriefing({ id: '2025-09-01-sudan', title: 'Sudan', date: '2025-09-01' })

describe('syncFeed', () => {
  it('mirrors every briefing of the feed, fetched without the HTTP cache', async () => {
    const ukraine = shippedBriefing()
    const { files, index } = await feedFiles([ukraine, other])
    const server = fakeServer(files)
    expect(await syncFeed({ fetch: server.fetch })).toEqual({ added: [ukraine.id, other.id], updated: [], problems: [] })
    expect(server.mock.mock.calls.every(([, init]) => init?.cache === 'no-cache')).toBe(true)
    expect(await db.briefings.get(ukraine.id)).toMatchObject({ ...ukraine, source: 'feed', hash: index.briefings[0]!.hash, openedAt: null })
  })

  it('reads only the index when nothing changed, and writes nothing', async () => {
    const server = fakeServer((await feedFiles([other])).files)
    await syncFeed({ fetch: server.fetch })
    const bulkPut = vi.spyOn(db.briefings, 'bulkPut')
    expect(await syncFeed({ fetch: server.fetch })).toEqual({ added: [], updated: [], problems: [] })
    expect(server.calls()).toEqual(['/feed/index.json', `/feed/briefings/${other.id}.json`, '/feed/index.json'])
    expect(bulkPut).not.toHaveBeenCalled()
  })

  it('fetches only the briefing whose hash changed', async () => {
    const first = makeBriefing({ id: 'first' })
    await syncFeed({ fetch: fakeServer((await feedFiles([first, other])).files).fetch })
    const server = fakeServer((await feedFiles([{ ...first, title: 'First, corrected' }, other])).files)
    expect(await syncFeed({ fetch: server.fetch })).toEqual({ added: [], updated: ['first'], problems: [] })
    expect(server.calls()).toEqual(['/feed/index.json', '/feed/briefings/first.json'])
    expect((await db.briefings.get('first'))?.title).toBe('First, corrected')
  })

  it('does not refetch a briefing that was pasted with the same content', async () => {
    const ukraine = shippedBriefing()
    await savePastedBriefing(ukraine)
    const server = fakeServer((await feedFiles([ukraine])).files)
    expect(await syncFeed({ fetch: server.fetch })).toEqual({ added: [], updated: [], problems: [] })
    expect(server.calls()).toEqual(['/feed/index.json'])
  })

  it('reads the feed below the app base', async () => {
    const server = fakeServer((await feedFiles([other], '/selah/')).files)
    expect((await syncFeed({ fetch: server.fetch, base: '/selah/' })).added).toEqual([other.id])
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
    await expect(syncFeed({ fetch: fakeServer({}).fetch })).rejects.toThrow('The briefing feed could not be read: it was not found (404).')
    const broken = vi.fn(async () => new Response('oops', { status: 503 })) as unknown as typeof fetch
    await expect(syncFeed({ fetch: broken })).rejects.toThrow('The briefing feed could not be read: the server answered 503.')
  })

  it('reports a feed that is not JSON (e.g. the app page served instead)', async () => {
    const server = fakeServer({ '/feed/index.json': { raw: '<!doctype html><title>Selah</title>' } })
    await expect(syncFeed({ fetch: server.fetch })).rejects.toThrow('The briefing feed could not be read: it is not valid JSON.')
  })

  it('reports an index in the wrong format, saying where', async () => {
    const { index } = await feedFiles([other])
    const server = fakeServer({ '/feed/index.json': { ...index, version: 99 } })
    await expect(syncFeed({ fetch: server.fetch })).rejects.toThrow(/^The briefing feed could not be read: it is not in the expected format \(version: .+\)\.$/)
    expect(await db.briefings.count()).toBe(0)
  })

  it('skips a malformed document, saves the good ones and reports the problem', async () => {
    const bad = makeBriefing({ id: 'bad', title: 'Bad one' })
    const { files } = await feedFiles([bad, other])
    files['/feed/briefings/bad.json'] = { ...(files['/feed/briefings/bad.json'] as object), briefing: { ...bad, pointers: [] } }
    const result = await syncFeed({ fetch: fakeServer(files).fetch })
    expect(result.added).toEqual([other.id])
    expect(result.problems).toEqual([expect.stringMatching(/^The briefing “Bad one” could not be read: it is not in the expected format \(briefing\.pointers: .+\)\.$/)])
    expect(await db.briefings.get('bad')).toBeUndefined()
  })

  it('skips a document holding a different briefing than the index says', async () => {
    const { files } = await feedFiles([other])
    files[`/feed/briefings/${other.id}.json`] = { ...(files[`/feed/briefings/${other.id}.json`] as object), briefing: makeBriefing({ id: 'someone-else' }) }
    const result = await syncFeed({ fetch: fakeServer(files).fetch })
    expect(result).toEqual({ added: [], updated: [], problems: ['The briefing “Sudan” could not be read: it holds a different briefing (someone-else).'] })
    expect(await db.briefings.count()).toBe(0)
  })

  it('reports a document that is missing', async () => {
    const { files } = await feedFiles([other])
    delete files[`/feed/briefings/${other.id}.json`]
    expect((await syncFeed({ fetch: fakeServer(files).fetch })).problems).toEqual(['The briefing “Sudan” could not be read: it was not found (404).'])
  })

})
