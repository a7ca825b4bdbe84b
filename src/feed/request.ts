/**
 * The one request every sync begins with, in a module of its own (no schema, no validation) so
 * that the app can start it at launch, before the sync's code has loaded: on a first visit the
 * newest briefings are on their way while the page is still starting.
 */
export const FEED_PATH = 'feed/feed.json'

/** feed.json below the app's base, revalidated: a 304 of a few hundred bytes when nothing is new. */
export function feedRequest(base: string, doFetch: typeof fetch = globalThis.fetch.bind(globalThis)): Promise<Response> {
  return doFetch(`${base}${FEED_PATH}`, { cache: 'no-cache' })
}
