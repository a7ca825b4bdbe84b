/**
 * Scrolling the timeline from end to end inside the page (self-contained: sent as source), and
 * what is left on the page afterwards.
 */
export interface ScrollRun {
  selector: string
  idleMs: number
  limitMs: number
}

export interface ScrollResult {
  totalMs: number
  worstFrameMs: number
  worstLongFrameMs: number
  /** What ran in the longest long animation frame, longest script first: where the time went. */
  worstLongFrameScripts: string[]
  frames: number
  steps: number
  /** What the page looked like each time the list went quiet at the bottom (the last is its end when reachedEnd). */
  quiet: string[]
  reachedEnd: boolean
  /** The last item on the page at the end: its time, or its first words. */
  last: string
}

/**
 * Scrolls the window to the bottom again and again until nothing new loads for `idleMs`. Every
 * frame's distance from the last one is recorded (requestAnimationFrame), and the longest
 * long-animation-frame the browser reports, where it reports them.
 */
export async function scrollToEnd({ selector, idleMs, limitMs }: ScrollRun): Promise<ScrollResult> {
  const page = document.documentElement
  let worstFrameMs = 0
  let worstLongFrameMs = 0
  let worstLongFrameScripts: string[] = []
  let frames = 0
  let running = true
  let last = performance.now()
  const onFrame = (now: number) => {
    worstFrameMs = Math.max(worstFrameMs, now - last)
    last = now
    frames++
    if (running) requestAnimationFrame(onFrame)
  }
  requestAnimationFrame((now) => {
    last = now
    requestAnimationFrame(onFrame)
  })
  let observer: PerformanceObserver | null = null
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        if (entry.duration <= worstLongFrameMs) continue
        worstLongFrameMs = entry.duration
        const frame = entry as PerformanceEntry & { renderStart?: number, styleAndLayoutStart?: number, scripts?: { duration: number, invoker: string, sourceFunctionName: string, sourceURL: string, forcedStyleAndLayoutDuration: number }[] }
        const end = entry.startTime + entry.duration
        const layout = frame.styleAndLayoutStart ? `style and layout ${Math.round(end - frame.styleAndLayoutStart)} ms` : ''
        worstLongFrameScripts = [...(frame.scripts ?? [])]
          .sort((a, b) => b.duration - a.duration)
          .slice(0, 5)
          .map(script => `${Math.round(script.duration)} ms ${script.invoker} ${script.sourceFunctionName || ''} ${script.sourceURL.split('/').pop() ?? ''} (forced layout ${Math.round(script.forcedStyleAndLayoutDuration)} ms)`)
        if (layout) worstLongFrameScripts.push(layout)
      }
    })
    observer.observe({ type: 'long-animation-frame' })
  }
  const lastItem = () => {
    const items = document.querySelectorAll(selector)
    return items.length ? items[items.length - 1]!.textContent ?? '' : ''
  }
  const started = performance.now()
  let progressAt = started
  let quietSince = started
  let height = page.scrollHeight
  let bottom = lastItem()
  let steps = 0
  const quiet: string[] = []
  let nudged = false
  let reachedEnd = false
  while (performance.now() - started < limitMs) {
    // 'instant': the app's stylesheet may ask for smooth scrolling, which would crawl instead of jump.
    window.scrollTo({ top: page.scrollHeight, behavior: 'instant' })
    steps++
    await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 16)))
    const nowBottom = lastItem()
    if (page.scrollHeight !== height || nowBottom !== bottom) {
      height = page.scrollHeight
      bottom = nowBottom
      progressAt = quietSince = performance.now()
      nudged = false
    }
    else if (performance.now() - quietSince > idleMs) {
      if (nudged) {
        reachedEnd = true
        break
      }
      const rows = [...document.querySelectorAll<HTMLElement>('[data-index]')].map(row => Number(row.dataset.index))
      quiet.push(`at ${Math.round(scrollY + innerHeight)} of ${page.scrollHeight} px; rows ${Math.min(...rows)}-${Math.max(...rows)}; `
        + `${document.querySelectorAll('[aria-busy="true"]').length} placeholders; ${document.querySelectorAll('[role="alert"]').length} alerts`)
      // Quiet at the bottom: up a screen and down again, as a person would, before calling it the end.
      window.scrollBy({ top: -innerHeight, behavior: 'instant' })
      await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 16)))
      nudged = true
      quietSince = performance.now()
    }
  }
  running = false
  observer?.disconnect()
  const items = document.querySelectorAll(selector)
  const lastTime = items[items.length - 1]?.querySelector('time')?.getAttribute('datetime')
  return { totalMs: progressAt - started, worstFrameMs, worstLongFrameMs, worstLongFrameScripts, frames, steps, quiet, reachedEnd, last: lastTime ?? bottom.slice(0, 80) }
}

export function domNodes(): number {
  return document.getElementsByTagName('*').length
}
