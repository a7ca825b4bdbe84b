import type { VitePWAOptions } from 'vite-plugin-pwa'
import { feedCaching } from '../feed/caching.ts'

/** The whole PWA set-up: web app manifest, precached shell, cached feed, prompt-to-update. */
export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  injectRegister: false,
  includeAssets: ['favicon.svg', 'apple-touch-icon.png'],
  manifest: {
    id: '/',
    name: 'Selah: prayer journal',
    short_name: 'Selah',
    description: 'Read prayer briefings, pray through each pointer and keep a private journal of what you prayed and how it was answered. Works offline.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: '#3b2f63',
    background_color: '#faf8f3',
    categories: ['lifestyle', 'books'],
    icons: [
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'maskable-icon-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    // A long press on the home-screen icon. "Write" opens Today's pray-through with the journal box focused.
    shortcuts: [
      { name: 'Today', description: 'A few things to pray for today', url: '/', icons: [{ src: 'shortcut-today-96x96.png', sizes: '96x96', type: 'image/png' }] },
      { name: 'Write in the journal', short_name: 'Write', description: 'Pray through today and write about it', url: '/pray/today?write', icons: [{ src: 'shortcut-write-96x96.png', sizes: '96x96', type: 'image/png' }] },
    ],
    // For the browser's richer install dialog; taken from the real app by `npm run screenshots`.
    screenshots: [
      { src: 'screenshots/today-narrow.png', sizes: '780x1688', type: 'image/png', form_factor: 'narrow', label: 'Today: a few things to pray for, each in its turn' },
      { src: 'screenshots/today-wide.png', sizes: '1280x800', type: 'image/png', form_factor: 'wide', label: 'Today: a few things to pray for, each in its turn' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
    // Only the install dialog shows them, online: no one's device should keep them offline.
    globIgnores: ['screenshots/**'],
    navigateFallback: 'index.html',
    navigateFallbackDenylist: [/^\/feed\//],
    cleanupOutdatedCaches: true,
    // The reminder's notificationclick (public/sw-notification.js): a tap brings Selah forward.
    importScripts: ['sw-notification.js'],
    runtimeCaching: feedCaching,
  },
}
