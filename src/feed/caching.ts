import type { RuntimeCaching } from 'workbox-build'

/**
 * How the service worker treats the feed's files, by their nature (src/feed/format.ts):
 * - feed.json and feed.xml change with every new briefing: network first (a conditional request,
 *   304 when nothing changed), the last copy when offline or the network is too slow.
 * - archive pages are named by their content and never change: cache first, kept for good.
 * - briefing documents are not cached here: the app stores each one it fetches in IndexedDB,
 *   and the host's immutable caching header spares any refetch.
 * Each urlPattern is written out whole: workbox-build copies the function's source into sw.js,
 * so it cannot close over anything.
 */
export const feedCaching: RuntimeCaching[] = [
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/feed\/feed\.(json|xml)$/.test(url.pathname),
    handler: 'NetworkFirst',
    options: {
      cacheName: 'selah-feed',
      networkTimeoutSeconds: 4,
      cacheableResponse: { statuses: [200] },
    },
  },
  {
    urlPattern: ({ url, sameOrigin }) => sameOrigin && /\/feed\/archive\/[^/]+\.json$/.test(url.pathname),
    handler: 'CacheFirst',
    options: {
      cacheName: 'selah-feed-archive',
      cacheableResponse: { statuses: [200] },
      expiration: { maxEntries: 100 },
    },
  },
]
