/**
 * Timers that run inside the page (each function is self-contained: it is sent as source). A
 * figure ends when a MutationObserver sees the element it waits for enter the DOM, so no polling
 * interval and no round trip to Node is in it. Each resolves with null on its own timeout.
 */

declare global {
  interface Window {
    __benchSeen?: Record<string, number>
    __benchReads?: AppRead[]
    __benchStartedAt?: number
  }
}

/** One of the app's own reads or writes, as it measures them (src/db/timing.ts: `selah:<name>`). */
export interface AppRead {
  name: string
  start: number
  ms: number
}

/** Init script: keeps every `selah:` measure the app makes (it keeps only the latest of each itself). */
export function watchReads() {
  const reads: AppRead[] = []
  window.__benchReads = reads
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name.startsWith('selah:')) reads.push({ name: entry.name.slice(6), start: entry.startTime, ms: entry.duration })
  }).observe({ type: 'measure' })
}

/** How long the app's first `name` read took after the last timed action began: ms, or null if it made none. */
export function firstReadSince({ name }: { name: string }): number | null {
  const since = window.__benchStartedAt ?? 0
  return window.__benchReads?.find(read => read.name === name && read.start >= since)?.ms ?? null
}

/** Init script: records when each selector first matches, in ms since the navigation started. */
export function watchFirstSeen(selectors: string[]) {
  const seen: Record<string, number> = {}
  window.__benchSeen = seen
  const observer = new MutationObserver(() => {
    for (const selector of selectors) if (!(selector in seen) && document.querySelector(selector)) seen[selector] = performance.now()
    if (selectors.every(selector => selector in seen)) observer.disconnect()
  })
  observer.observe(document, { childList: true, subtree: true })
}

export interface Navigation {
  url: string
  selector: string
  timeoutMs: number
}

/** A client-side navigation (pushState + popstate, as the router hears a Back), until a new `selector`. */
export function navigateAndWait({ url, selector, timeoutMs }: Navigation): Promise<number | null> {
  const before = new Set(document.querySelectorAll(selector))
  return new Promise((resolve) => {
    const started = performance.now()
    window.__benchStartedAt = started
    const finish = (value: number | null) => {
      observer.disconnect()
      clearTimeout(timer)
      resolve(value)
    }
    const observer = new MutationObserver(() => {
      for (const element of document.querySelectorAll(selector)) if (!before.has(element)) return finish(performance.now() - started)
    })
    observer.observe(document, { childList: true, subtree: true, attributes: true })
    const timer = setTimeout(() => finish(null), timeoutMs)
    history.pushState(null, '', url)
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
  })
}

export interface Typing {
  query: string
  selector: string
  timeoutMs: number
}

/** Types the whole query into the journal's search box at once, until a highlighted result shows. */
export function searchAndWait({ query, selector, timeoutMs }: Typing): Promise<number | null | string> {
  const box = document.querySelector<HTMLInputElement>('input[aria-label="Search your journal"], [role="searchbox"][aria-label*="Search"]')
  if (!box) return Promise.resolve('no search box labelled "Search your journal" on /journal')
  const before = new Set(document.querySelectorAll(selector))
  return new Promise((resolve) => {
    const started = performance.now()
    window.__benchStartedAt = started
    const finish = (value: number | null) => {
      observer.disconnect()
      clearTimeout(timer)
      resolve(value)
    }
    const observer = new MutationObserver(() => {
      for (const element of document.querySelectorAll(selector)) if (!before.has(element)) return finish(performance.now() - started)
    })
    observer.observe(document, { childList: true, subtree: true })
    const timer = setTimeout(() => finish(null), timeoutMs)
    box.focus()
    box.value = query
    box.dispatchEvent(new Event('input', { bubbles: true }))
  })
}

export interface Writing {
  label: string
  text: string
  timeoutMs: number
}

/** Writes `text` in the entry form labelled `label` and submits it, until the text is on the page. */
export async function addEntryAndWait({ label, text, timeoutMs }: Writing): Promise<number | null | string> {
  const deadline = performance.now() + timeoutMs
  let field: HTMLTextAreaElement | null = null
  while (!field && performance.now() < deadline) {
    const found = [...document.querySelectorAll('label')].find(element => element.textContent?.trim() === label)
    field = found?.control instanceof HTMLTextAreaElement ? found.control : null
    if (!field) await new Promise(resolve => setTimeout(resolve, 50))
  }
  if (!field) return `no textbox labelled "${label}"`
  const button = [...field.form?.querySelectorAll('button[type="submit"]') ?? []].find(element => /Save/.test(element.textContent ?? ''))
  if (!(button instanceof HTMLButtonElement)) return `no Save button in the form of "${label}"`
  field.value = text
  field.dispatchEvent(new Event('input', { bubbles: true }))
  await new Promise(resolve => setTimeout(resolve, 50))
  return new Promise((resolve) => {
    const finish = (value: number | null) => {
      observer.disconnect()
      clearTimeout(timer)
      resolve(value)
    }
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node.textContent?.includes(text)) return finish(performance.now() - started)
      }
    })
    observer.observe(document.body, { childList: true, subtree: true, characterData: true })
    const timer = setTimeout(() => finish(null), timeoutMs)
    const started = performance.now()
    window.__benchStartedAt = started
    button.click()
  })
}

/** After a page load: when the init script saw `selector` first (ms since navigation start). */
export function firstSeen({ selector, timeoutMs }: { selector: string, timeoutMs: number }): Promise<number | null> {
  return new Promise((resolve) => {
    const look = () => {
      const at = window.__benchSeen?.[selector]
      if (at !== undefined) resolve(at)
      else if (performance.now() > timeoutMs) resolve(null)
      else setTimeout(look, 20)
    }
    look()
  })
}

/** Where a cold start's time went, in ms since the navigation began: each step's end. */
export interface StartSteps {
  response: number
  domContentLoaded: number
  openStart: number | null
  openEnd: number | null
  readStart: number | null
  readEnd: number | null
}

/** The steps of the page load that just showed its first screen (reads the app's own measures: Today's read). */
export function startSteps(): StartSteps {
  const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
  const read = (name: string) => window.__benchReads?.find(entry => entry.name === name)
  const open = read('open')
  const today = read('today')
  return {
    response: navigation?.responseEnd ?? 0,
    domContentLoaded: navigation?.domContentLoadedEventEnd ?? 0,
    openStart: open?.start ?? null,
    openEnd: open ? open.start + open.ms : null,
    readStart: today?.start ?? null,
    readEnd: today ? today.start + today.ms : null,
  }
}

/** One of the app's reads, called alone (src/bench-reads.ts, in the benchmark's build only). */
export type AppQuery =
  | { name: 'briefings' | 'answered' | 'onThisDay' | 'today' | 'myPrayers' }
  | { name: 'timeline', filter: Record<string, unknown> }
  | { name: 'thread', pointerId: string }
  | { name: 'addEntry', pointer: Record<string, unknown> }

/** Times one of the app's own reads, alone, in this page: ms, or why it cannot. */
export async function appRead(query: AppQuery): Promise<number | string> {
  type Read = (arg?: unknown) => Promise<unknown>
  const page = window as unknown as { __selahReads?: Record<string, Read>, __selahLoadReads?: () => Promise<void> }
  if (!page.__selahReads) await page.__selahLoadReads?.()
  const reads = page.__selahReads
  if (!reads) return 'this build has no benchmark hooks (it is built with VITE_SELAH_BENCH=1)'
  if (query.name === 'addEntry') return reads.addEntry!(query.pointer) as Promise<number>
  const arg = query.name === 'timeline' ? query.filter : query.name === 'thread' ? query.pointerId : undefined
  const started = performance.now()
  await reads[query.name]!(arg)
  return performance.now() - started
}
