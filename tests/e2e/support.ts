import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { inject } from 'vitest'
import { chromiumFlags, chromiumPath } from './chromium'

export const origin = inject('origin')

/** The shared briefing the app ships with. */
export const ukraine = {
  title: 'Ukraine: Putin Rejects Peace Force',
  id: '2025-09-05-ukraine-putin-rejects-peace-force',
}

export interface App {
  context: BrowserContext
  page: Page
  /** Every request the browser made, from its pages and from the service worker. */
  requests: { url: string, fromWorker: boolean }[]
  /** Closes the browser, removes its profile, and fails if any request left the app's origin. */
  close: () => Promise<void>
}

/**
 * A fresh Chromium profile per test, on the tests' own server unless another `origin` is given.
 * A persistent context, because an incognito one is never
 * installable and keeps no service worker between pages the way a real profile does.
 */
export async function launchApp({ origin: appOrigin = origin, backForwardCache = false }: { origin?: string, backForwardCache?: boolean } = {}): Promise<App> {
  const profile = await mkdtemp(join(tmpdir(), 'selah-e2e-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumFlags,
    // Playwright turns the back/forward cache off unless asked to leave it as a browser has it.
    ignoreDefaultArgs: backForwardCache ? ['--disable-back-forward-cache'] : undefined,
    baseURL: appOrigin,
    colorScheme: 'light',
    viewport: { width: 1000, height: 800 },
  })
  context.setDefaultTimeout(15_000)
  const requests: App['requests'] = []
  // Context-level: includes the service worker's own fetches in Chromium.
  context.on('request', request => requests.push({ url: request.url(), fromWorker: request.serviceWorker() !== null }))
  const page = context.pages()[0] ?? await context.newPage()

  async function close() {
    await context.close().catch(() => {})
    await rm(profile, { recursive: true, force: true })
    const foreign = requests.map(request => request.url).filter(url => !isSameOrigin(url, appOrigin))
    if (foreign.length) throw new Error(`Requests left ${appOrigin}:\n${[...new Set(foreign)].join('\n')}`)
  }
  return { context, page, requests, close }
}

function isSameOrigin(url: string, appOrigin: string) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true
  return new URL(url).origin === appOrigin
}

/**
 * Loads the app and waits until its service worker controls the page. With registerType 'prompt'
 * the first load is never controlled: wait for `ready`, then reload once (waiting for
 * `controllerchange` instead hangs in Debian Chromium 156).
 */
export async function openControlled(page: Page, path = '/') {
  await page.goto(path)
  await within(20_000, 'the service worker to be ready', page.evaluate(async () => { await navigator.serviceWorker.ready }))
  await page.reload()
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null)
}

/** page.evaluate has no timeout of its own: fail with a clear reason rather than at the test's deadline. */
export function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Waited ${ms / 1000} s for ${what}`)), ms)
  })
  return Promise.race([promise, late]).finally(() => clearTimeout(timer))
}

/** From the briefing list (through the main navigation), opens the shipped briefing the way a person would. */
export async function openUkraine(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Briefings' }).click()
  await heading(page, 'Briefings')
  await page.getByRole('main').getByRole('link', { name: new RegExp(`^${ukraine.title}`) }).click()
  await heading(page, ukraine.title)
}

/** Waits for the view's single h1 to read `name`. */
export async function heading(page: Page, name: string | RegExp) {
  const h1 = page.getByRole('heading', { level: 1, name })
  await h1.waitFor()
  return h1
}

/** A pointer card: `<article aria-labelledby>` whose h3 reads "Pointer N" or "Pointer N: Label". */
export function pointer(page: Page, n: number) {
  return page.getByRole('article', { name: new RegExp(`^Pointer ${n}(:|$)`) })
}

/** Writes a journal entry and an answered note in pointer `n` of the open briefing, through the UI. */
export async function writeEntryAndAnswer(page: Page, n: number, texts: { entry: string, answer: string }) {
  const card = pointer(page, n)
  await card.getByRole('textbox', { name: /Journal/ }).fill(texts.entry)
  // The promise to outside tests: the textbox names contain "Journal"/"Answer", the buttons "Save".
  await card.getByRole('button', { name: /Save/ }).click()
  await card.getByText(texts.entry).waitFor()

  await card.getByRole('button', { name: 'Mark as answered' }).click()
  await card.getByRole('textbox', { name: /Answer/ }).fill(texts.answer)
  await card.getByRole('button', { name: /Save answer/ }).click()
  await card.getByText(texts.answer).waitFor()
}

/**
 * Reads one store of the app's IndexedDB directly, so the UI cannot hide a stray row:
 * all its keys (sorted), or the row under `key`.
 */
function readStore(page: Page, store: string, key?: string): Promise<unknown> {
  return page.evaluate(({ store, key }) => new Promise<unknown>((resolve, reject) => {
    const open = indexedDB.open('selah')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const objects = open.result.transaction(store).objectStore(store)
      const request: IDBRequest = key === undefined ? objects.getAllKeys() : objects.get(key)
      request.onerror = () => reject(request.error)
      request.onsuccess = () => {
        open.result.close()
        resolve(key === undefined ? (request.result as string[]).sort() : request.result)
      }
    }
  }), { store, key })
}

/** Every key of a store: briefing ids, draft keys… */
export function storedKeys(page: Page, store: 'briefings' | 'drafts'): Promise<string[]> {
  return readStore(page, store) as Promise<string[]>
}

/** The value of one setting, read directly from IndexedDB (undefined when absent). */
export async function storedSetting(page: Page, key: string): Promise<unknown> {
  const row = await readStore(page, 'settings', key) as { value?: unknown } | undefined
  return row?.value
}

/**
 * Records every dialog the page opens, such as a beforeunload "Leave site?", and dismisses it
 * (stays on the page), or with `accept` accepts it (leaves), so a reload under way goes on.
 */
export function collectDialogs(page: Page, { accept = false } = {}): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.type())
    // Closing the browser handles a dialog still open: nothing is left to answer then.
    void (accept ? dialog.accept() : dialog.dismiss()).catch(() => {})
  })
  return dialogs
}
