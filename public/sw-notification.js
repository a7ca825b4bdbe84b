// Loaded into the service worker (workbox importScripts, src/build/pwa-options.ts). Tapping the
// daily prayer reminder brings an open Selah window forward, or opens Selah on Today.
self.addEventListener('notificationclick', (event) => {
  event.notification.close()
  event.waitUntil((async () => {
    const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true })
    const open = windows.find(client => new URL(client.url).origin === self.location.origin)
    if (open) return open.focus()
    return self.clients.openWindow(self.registration.scope)
  })())
})
