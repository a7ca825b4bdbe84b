import * as v from 'valibot'
import { mirrorBriefings, storedHashes } from '~/db/briefings'
import { UserFacingError } from '~/db/errors'
import { FeedDocumentSchema, FeedIndexSchema, type FeedDocument, type FeedIndex, type FeedIndexItem } from './format'

/** Why the feed could not be synced, in words for the person (the briefings already saved still show). */
export class FeedError extends UserFacingError {
  override name = 'FeedError'
}

export interface SyncOptions {
  fetch?: typeof fetch
  /** Where the app is served from; the feed lives at `${base}feed/`. */
  base?: string
}

export interface SyncResult {
  added: string[]
  updated: string[]
  /** One plain sentence per briefing document that could not be read; the others were saved. */
  problems: string[]
}

const OFFLINE = 'You are offline: showing the briefings saved on this device.'
// Enough to overlap round trips without flooding a phone on the first sync of a long feed.
const PARALLEL_DOCUMENTS = 4

/** Thrown for a reason that finishes the sentence "… could not be read: <reason>." */
class Unreadable extends Error {}

function isOffline(): boolean {
  return typeof navigator !== 'undefined' && navigator.onLine === false
}

async function fetchValid<S extends v.GenericSchema>(doFetch: typeof fetch, url: string, schema: S): Promise<v.InferOutput<S>> {
  let response: Response
  try {
    response = await doFetch(url, { cache: 'no-cache' })
  }
  catch {
    if (isOffline()) throw new FeedError(OFFLINE)
    throw new Unreadable('the network did not answer')
  }
  if (response.status === 404) throw new Unreadable('it was not found (404)')
  if (!response.ok) throw new Unreadable(`the server answered ${response.status}`)
  let json: unknown
  try {
    json = await response.json()
  }
  catch {
    throw new Unreadable('it is not valid JSON')
  }
  const result = v.safeParse(schema, json)
  if (!result.success) {
    const issue = result.issues[0]
    const where = v.getDotPath(issue)
    throw new Unreadable(`it is not in the expected format (${where ? `${where}: ` : ''}${issue.message})`)
  }
  return result.output
}

async function fetchDocument(doFetch: typeof fetch, base: string, item: FeedIndexItem): Promise<FeedDocument> {
  const doc = await fetchValid(doFetch, `${base}${item.path}`, FeedDocumentSchema)
  if (doc.briefing.id !== item.id) throw new Unreadable(`it holds a different briefing (${doc.briefing.id})`)
  return doc
}

async function inBatches<T, R>(items: T[], size: number, work: (item: T) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = []
  for (let i = 0; i < items.length; i += size) {
    results.push(...await Promise.allSettled(items.slice(i, i + size).map(work)))
  }
  return results
}

/**
 * Fetches the feed index, then only the briefings whose hash differs from the stored copy, and
 * mirrors them into the database. One bad document is reported in `problems`; the rest are saved.
 */
export async function syncFeed(options: SyncOptions = {}): Promise<SyncResult> {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis)
  const base = options.base ?? import.meta.env.BASE_URL
  let index: FeedIndex
  try {
    index = await fetchValid(doFetch, `${base}feed/index.json`, FeedIndexSchema)
  }
  catch (error) {
    if (error instanceof Unreadable) throw new FeedError(`The briefing feed could not be read: ${error.message}.`)
    throw error
  }

  const stored = await storedHashes(index.briefings.map(item => item.id))
  const stale = index.briefings.filter((item, i) => stored[i] !== item.hash)
  const results = await inBatches(stale, PARALLEL_DOCUMENTS, item => fetchDocument(doFetch, base, item))

  const docs: FeedDocument[] = []
  const problems: string[] = []
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') docs.push(result.value)
    else problems.push(documentProblem(stale[i]!, result.reason))
  })
  const { added, updated } = await mirrorBriefings(docs.map(doc => ({ briefing: doc.briefing, hash: doc.hash })), 'feed')
  return { added, updated, problems }
}

function documentProblem(item: FeedIndexItem, reason: unknown): string {
  const why = reason instanceof Unreadable ? reason.message : reason instanceof FeedError ? 'you are offline' : 'something unexpected went wrong'
  return `The briefing “${item.title}” could not be read: ${why}.`
}
