import type { RuntimeCaching } from 'workbox-build'

/**
 * How the service worker treats the feed's files. The feed changes without an app update: fetch
 * it fresh when online, fall back to the last copy when not. The app also mirrors every briefing
 * into IndexedDB, so this cache only spares a refetch.
 */
export const feedCaching: RuntimeCaching = {
  urlPattern: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith('/feed/'),
  handler: 'NetworkFirst',
  options: {
    cacheName: 'selah-feed',
    networkTimeoutSeconds: 4,
    cacheableResponse: { statuses: [200] },
  },
}
