/// <reference types="vitest/config" />
import { fileURLToPath, URL } from 'node:url'
import vue from '@vitejs/plugin-vue'
import { defineConfig } from 'vite'
import { VitePWA } from 'vite-plugin-pwa'
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY_HEADER } from './src/build/csp.ts'
import { briefingFeed } from './src/feed/node/plugin.ts'
import { firstScreenChunk } from './src/build/first-screen-chunk.ts'
import { pwaOptions } from './src/build/pwa-options.ts'

const firstScreen = firstScreenChunk()

export default defineConfig({
  resolve: {
    alias: [
      { find: '~', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // Dexie's modern ES build, not the ES5 UMD file its package entry wraps: 1.3 KiB less on the first screen.
      { find: /^dexie$/, replacement: fileURLToPath(new URL('./node_modules/dexie/dist/modern/dexie.mjs', import.meta.url)) },
    ],
  },
  plugins: [
    vue({ features: { optionsAPI: false } }),
    briefingFeed({ dir: 'src/content/briefings' }),
    VitePWA(pwaOptions),
    contentSecurityPolicy(),
    firstScreen.plugin,
  ],
  build: {
    // One stylesheet, in the page's <head> from the start: the kept first screen (src/utils/first-screen.ts)
    // is drawn before the app's code loads, and needs the app's styles then (5.3 KiB gzip for every view).
    cssCodeSplit: false,
    // dist/.vite/manifest.json: which chunks and styles each entry imports, for `npm run bench`'s first-screen size.
    manifest: true,
    // Every browser Selah runs in preloads modules itself: the polyfill would be 0.4 KiB of the entry for none of them.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [firstScreen.group],
        },
      },
    },
  },
  preview: {
    host: '127.0.0.1',
    port: 4173,
    strictPort: true,
    // The same policy the built index.html carries, plus what only a header can say.
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY_HEADER },
  },
  test: {
    reporters: ['default', './tests/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          include: ['tests/component/**/*.test.ts'],
          environment: 'happy-dom',
          setupFiles: ['tests/setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/global-setup.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
