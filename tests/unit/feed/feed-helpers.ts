import { parse } from 'valibot'
import { buildFeed, type FeedFiles, type FeedOptions, type FeedSource } from '~/feed/build'
import { ArchivePageSchema, FEED_PATH, FeedItemSchema, FeedSchema, type ArchivePage, type Feed, type FeedItem } from '~/feed/format'
import { dailyBriefing } from '~/cli/feed-fixture'
import { briefingOf } from '../briefings/parse-helpers'

export const GENERATED_AT = '2025-10-02T06:00:00.000Z'

export const source = (fileName: string, text: string): FeedSource => ({ fileName, briefing: briefingOf(text, { fileName }) })

/** A short briefing with one pointer. */
export const small = (title: string, extra = '') => `${title}\n${extra}\nPrayer Pointers\n- Pray: for ${title}`

const DAY_MS = 86_400_000

/** The generator's briefing of each day from `from` to `to` (YYYY-MM-DD), oldest first. */
export function dailySources(from: string, to: string): FeedSource[] {
  const sources: FeedSource[] = []
  for (let time = Date.parse(`${from}T00:00:00Z`); time <= Date.parse(`${to}T00:00:00Z`); time += DAY_MS) {
    const { fileName, text } = dailyBriefing(new Date(time).toISOString().slice(0, 10))
    sources.push(source(fileName, text))
  }
  return sources
}

export const build = (sources: readonly FeedSource[], options: FeedOptions = {}) => buildFeed(sources, { generatedAt: GENERATED_AT, ...options })

export function text(files: FeedFiles, path: string): string {
  const value = files.get(path)
  if (value === undefined) throw new Error(`no file ${path}; the feed has ${[...files.keys()].slice(0, 5).join(', ')}…`)
  return value
}

/** feed.json, validated by the app's own schema. */
export const feedOf = (files: FeedFiles): Feed => parse(FeedSchema, JSON.parse(text(files, FEED_PATH)))

export const pathsUnder = (files: FeedFiles, folder: string) => [...files.keys()].filter((path) => path.startsWith(folder)).sort()

/** Every archive page, validated, in the order feed.json links them. */
export function pagesOf(files: FeedFiles): ArchivePage[] {
  return feedOf(files)._selah.archives.map((link) => parse(ArchivePageSchema, JSON.parse(text(files, link.path))))
}

export const documentOf = (files: FeedFiles, path: string): FeedItem => parse(FeedItemSchema, JSON.parse(text(files, path)))
