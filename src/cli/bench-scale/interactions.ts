import { inPage } from './in-page'
import { addMetric, navigate, rawRuns, readRuns, recordRead, repeat, rest, TIMELINE_WARM_URL, warmUp, type Bench } from './measure'
import { addEntryAndWait, searchAndWait } from './page-timing'
import { domNodes, scrollToEnd, type ScrollResult } from './scroll-page'
import type { Subjects } from './views'

const ITEM = '[data-timeline-item]'
/** Slack for the round trip to Node beyond a page-side timeout. */
const SLACK_MS = 5_000

/** Opens the timeline (not timed) and says why not when it never shows. */
async function openTimeline(bench: Bench, warm = true): Promise<string | null> {
  await rest(bench)
  if (warm) await warmUp(bench, TIMELINE_WARM_URL, ITEM)
  const ms = await navigate(bench, '/journal', ITEM)
  return ms === null ? `the timeline showed no ${ITEM} within ${bench.options.timeoutMs / 1000} s` : null
}

/** The planted word, typed into the search box at once, until a highlighted result is on the page. */
export async function measureSearch(bench: Bench, subjects: Subjects): Promise<void> {
  const metric = addMetric(bench, 'search', `search for "${subjects.planted}" (in 1% of entries)`, 'ms', { max: 150, ratio: 2 })
  const timeoutMs = bench.options.timeoutMs
  await repeat(bench, metric, bench.options.runs, async () => {
    const closed = await openTimeline(bench)
    if (closed) return closed
    const selector = `${ITEM} mark`
    const ms = await inPage<number | null | string>(bench.browser.page, timeoutMs + SLACK_MS, 'search results', searchAndWait, { query: subjects.planted, selector, timeoutMs })
    if (typeof ms === 'number') await recordRead(bench, metric, 'search')
    return ms
  })
  await readRuns(bench, metric, { name: 'timeline', filter: { query: subjects.planted } }, { name: 'search', prefix: subjects.planted })
  bench.log(`  search: ${metric.values.map(ms => ms.toFixed(1)).join(', ') || metric.reason}`)
}

/**
 * Scrolls the timeline from the newest record to the oldest, then takes the heap (after a forced
 * garbage collection) and counts the DOM: a virtual list keeps both small however long the past.
 */
export async function measureScroll(bench: Bench, subjects: Subjects): Promise<void> {
  const { options } = bench
  const total = addMetric(bench, 'scroll-total', 'scrolling the timeline end to end', 'ms', {})
  const frame = addMetric(bench, 'scroll-worst-frame', 'worst frame while scrolling', 'ms', { max: 50 })
  const heap = addMetric(bench, 'heap', 'JS heap after scrolling end to end', 'MB', { max: 80 })
  const nodes = addMetric(bench, 'dom-nodes', 'DOM nodes on the journal after scrolling', 'nodes', {})
  const fail = (status: 'timeout' | 'n/a', reason: string) => {
    for (const metric of [total, frame, heap, nodes]) Object.assign(metric, { status, reason })
  }
  const frames: number[] = []
  await repeat(bench, total, options.scrollRuns, async () => {
    const closed = await openTimeline(bench, false)
    if (closed) return closed
    const result = await inPage<ScrollResult>(bench.browser.page, options.scrollLimitMs + 60_000, 'the scroll to the end', scrollToEnd, {
      selector: ITEM,
      idleMs: 2000,
      limitMs: options.scrollLimitMs,
    })
    frame.values.push(result.worstFrameMs)
    frames.push(result.worstLongFrameMs)
    heap.values.push(await bench.browser.heapMB())
    nodes.values.push(await inPage<number>(bench.browser.page, 30_000, 'a DOM count', domNodes))
    frame.detail = { worstLongAnimationFrameMs: Math.max(...frames), frames: result.frames, [`run${frames.length}`]: result.worstLongFrameScripts }
    // At the end the list goes quiet once more, and the nudge that checks it finds nothing.
    const stalls = result.reachedEnd ? result.quiet.slice(0, -1) : result.quiet
    total.detail = { ...total.detail, steps: result.steps, stalls, lastItem: result.last }
    for (const state of stalls) bench.log(`  scroll: the list went quiet before its end (${state}); a scroll up and down woke it`)
    if (!result.reachedEnd) return `still loading after ${options.scrollLimitMs / 1000} s (${result.steps} scrolls)`
    // The oldest record is within days of the journal's start: stopping a month later is not the end.
    const lastAt = Date.parse(result.last)
    if (lastAt > Date.parse(subjects.startedAt) + 30 * 86_400_000) return `stopped loading at ${result.last.slice(0, 10)}, before the journal's first month (${subjects.startedAt.slice(0, 10)})`
    return result.totalMs
  })
  if (total.status !== 'ok') fail(total.status, total.reason!)
  await rawRuns(bench, total, { name: 'wholeTimeline' }, Math.min(options.scrollRuns, 3))
  bench.log(`  scroll: ${total.values.map(ms => `${(ms / 1000).toFixed(1)} s`).join(', ') || total.reason}; worst frames ${frame.values.map(ms => ms.toFixed(0)).join(', ')}`)
}

/** Writes an entry in the newest briefing's first pointer and saves it, until its words show. */
export async function measureAddEntry(bench: Bench, subjects: Subjects): Promise<void> {
  const metric = addMetric(bench, 'add-entry', 'adding an entry until it shows', 'ms', { max: 30 })
  const timeoutMs = bench.options.timeoutMs
  const label = 'Journal entry for pointer 1'
  await repeat(bench, metric, bench.options.runs, async (run) => {
    const briefing = `/briefings/${encodeURIComponent(subjects.newestBriefingId)}`
    await rest(bench)
    await warmUp(bench, briefing, 'h1')
    if (await navigate(bench, briefing, 'h1') === null) return null
    const text = `Benchmark entry ${run + 1}, written at ${new Date().toISOString()}.`
    const ms = await inPage<number | null | string>(bench.browser.page, 2 * timeoutMs + SLACK_MS, 'the new entry', addEntryAndWait, { label, text, timeoutMs })
    if (typeof ms === 'number') await recordRead(bench, metric, 'add-entry')
    return ms
  })
  const pointer = {
    briefingId: subjects.newestBriefingId,
    pointerId: `${subjects.newestBriefingId}-p1`,
    briefingTitle: 'Benchmark',
    pointerLabel: null,
    pointerText: 'Benchmark',
    scriptureReference: null,
  }
  const at = new Date().toISOString()
  await readRuns(bench, metric, { name: 'addEntry', pointer }, { name: 'addEntry', entry: { ...pointer, id: 'bench-scale-raw-entry', text: 'A raw put, deleted again.', createdAt: at, editedAt: at } })
  bench.log(`  add entry: ${metric.values.map(ms => ms.toFixed(1)).join(', ') || metric.reason}`)
}
