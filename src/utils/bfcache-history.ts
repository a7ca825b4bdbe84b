import { createWebHistory, type RouterHistory } from 'vue-router'

/**
 * vue-router's web history, minus the one listener that keeps Selah out of the back/forward cache.
 * The history saves the scroll position into `history.state` on `visibilitychange` as well as on
 * `pagehide`; a `replaceState` from the first of them, as a page is being put into the cache,
 * makes Chromium evict it ("IgnoreEventAndEvict", vuejs/router#2631). `pagehide` still saves the
 * position whenever the page is left, so Back and a reload put the reader where they were.
 */
export function createCacheableWebHistory(base?: string): RouterHistory {
  const added: EventListenerOrEventListenerObject[] = []
  const add = document.addEventListener
  document.addEventListener = function (this: Document, type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions) {
    if (type === 'visibilitychange' && listener) added.push(listener)
    add.call(this, type, listener!, options)
  } as typeof document.addEventListener
  try {
    return createWebHistory(base)
  }
  finally {
    document.addEventListener = add
    for (const listener of added) document.removeEventListener('visibilitychange', listener)
  }
}
