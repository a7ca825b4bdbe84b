import { FEED_VERSION, type FeedDocument, type FeedIndex, type FeedIndexItem } from './format.ts'
import { contentHash } from '../briefings/ids.ts'
import type { Briefing } from '../briefings/types.ts'

/** A parsed briefing and the file it came from (named in error messages). */
export interface FeedSource {
  fileName: string
  briefing: Briefing
}

export interface BuiltFeed {
  index: FeedIndex
  documents: FeedDocument[]
}

export function feedDocumentPath(id: string): string {
  return `feed/briefings/${id}.json`
}

/** Newest first; undated briefings last; then by title. */
function byNewest(a: Briefing, b: Briefing): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1
    if (b.date === null) return -1
    return a.date < b.date ? 1 : -1
  }
  return a.title.localeCompare(b.title, 'en') || a.id.localeCompare(b.id, 'en')
}

/**
 * Builds the static feed (see feed-format.ts): an index of summaries, newest first, and one
 * document per briefing. Two files giving the same id would overwrite each other, so that fails.
 */
export async function buildFeed(sources: readonly FeedSource[], options: { generatedAt?: string } = {}): Promise<BuiltFeed> {
  const seen = new Map<string, string>()
  for (const { fileName, briefing } of sources) {
    const other = seen.get(briefing.id)
    if (other !== undefined) {
      throw new Error(`${other} and ${fileName} both give the briefing id "${briefing.id}": change the title or the date of one of them.`)
    }
    seen.set(briefing.id, fileName)
  }
  const sorted = sources.map((source) => source.briefing).sort(byNewest)
  const documents: FeedDocument[] = []
  const items: FeedIndexItem[] = []
  for (const briefing of sorted) {
    const hash = await contentHash(briefing)
    documents.push({ format: 'selah-briefing', version: FEED_VERSION, hash, briefing })
    items.push({
      id: briefing.id,
      title: briefing.title,
      date: briefing.date,
      pointerCount: briefing.pointers.length,
      hash,
      path: feedDocumentPath(briefing.id),
    })
  }
  const index: FeedIndex = {
    format: 'selah-feed',
    version: FEED_VERSION,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    briefings: items,
  }
  return { index, documents }
}
