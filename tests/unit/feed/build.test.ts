import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { safeParse } from 'valibot'
import { afterAll, describe, expect, it } from 'vitest'
import { loadFeed } from '~/feed/node/files'
import { buildFeed } from '~/feed/build'
import { FeedDocumentSchema, FeedIndexSchema } from '~/feed/format'
import { contentHash } from '~/briefings/ids'
import { briefingOf, SHARED_NAME, SHARED_TEXT } from '../briefings/parse-helpers'

const source = (fileName: string, text: string) => ({ fileName, briefing: briefingOf(text, { fileName }) })
const small = (title: string) => `${title}\nPrayer Pointers\n- Pray: for ${title}`

describe('buildFeed', () => {
  const sources = [
    source('undated-b.txt', small('Beta')),
    source(SHARED_NAME, SHARED_TEXT),
    source('2025-10-01-b.txt', small('Sudan')),
    source('2025-10-01-a.txt', small('Gaza')),
    source('undated-a.txt', small('Alpha')),
  ]

  it('lists briefings newest first, then by title, undated last', async () => {
    const { index } = await buildFeed(sources)
    expect(index.briefings.map((item) => item.id)).toEqual([
      '2025-10-01-gaza', '2025-10-01-sudan', '2025-09-05-ukraine-putin-rejects-peace-force', 'alpha', 'beta',
    ])
  })

  it('writes an index and documents that pass the feed schemas', async () => {
    const { index, documents } = await buildFeed(sources, { generatedAt: '2025-10-02T00:00:00.000Z' })
    expect(safeParse(FeedIndexSchema, index).success).toBe(true)
    for (const document of documents) expect(safeParse(FeedDocumentSchema, document).success).toBe(true)
    expect(index).toMatchObject({ format: 'selah-feed', version: 1, generatedAt: '2025-10-02T00:00:00.000Z' })
    expect(index.briefings[2]).toEqual({
      id: '2025-09-05-ukraine-putin-rejects-peace-force',
      title: 'Ukraine: Putin Rejects Peace Force',
      date: '2025-09-05',
      pointerCount: 3,
      hash: await contentHash(documents[2]?.briefing),
      path: 'feed/briefings/2025-09-05-ukraine-putin-rejects-peace-force.json',
    })
    expect(documents.map((document) => document.briefing.id)).toEqual(index.briefings.map((item) => item.id))
    expect(documents.every((document, i) => document.hash === index.briefings[i]?.hash)).toBe(true)
  })

  it('changes a hash only when that briefing changes', async () => {
    const first = await buildFeed(sources)
    const edited = [...sources.slice(0, 2), source('2025-10-01-b.txt', `${small('Sudan')} and rain`), ...sources.slice(3)]
    const second = await buildFeed(edited)
    const hashes = (feed: typeof first) => Object.fromEntries(feed.index.briefings.map((item) => [item.id, item.hash]))
    const [before, after] = [hashes(first), hashes(second)]
    expect(after['2025-10-01-sudan']).not.toBe(before['2025-10-01-sudan'])
    expect({ ...after, '2025-10-01-sudan': '' }).toEqual({ ...before, '2025-10-01-sudan': '' })
  })

  it('fails on two files with the same id, naming both', async () => {
    await expect(buildFeed([source('a.txt', small('Same')), source('b.txt', small('Same'))])).rejects.toThrow(
      'a.txt and b.txt both give the briefing id "same": change the title or the date of one of them.',
    )
  })
})

describe('loadFeed (what the build plugin runs)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'selah-feed-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('reads every .txt of a folder, and names the file and line of a bad one', async () => {
    writeFileSync(path.join(dir, SHARED_NAME), SHARED_TEXT)
    writeFileSync(path.join(dir, 'README.md'), 'not a briefing, and not a .txt file')
    const feed = await loadFeed(dir, dir, 'now')
    expect(feed.index.briefings.map((item) => item.id)).toEqual(['2025-09-05-ukraine-putin-rejects-peace-force'])

    writeFileSync(path.join(dir, '2025-09-06-bad.txt'), 'Title\n\nPrayer Points\n')
    await expect(loadFeed(dir, path.dirname(dir))).rejects.toThrow(
      `${path.basename(dir)}/2025-09-06-bad.txt:3: No prayer pointers follow the heading 'Prayer Points' on line 3: add one '- ' line per pointer.`,
    )
  })
})
