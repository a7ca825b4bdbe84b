import type { Browser } from './browser'
import { DeadlineError, inPage } from './in-page'
import type { Options } from './options'
import { appRead, firstReadSince, navigateAndWait, type AppQuery } from './page-timing'
import { rawQuery, type RawQuery } from './raw-queries'
import { median, type Metric, type Target, type Unit } from './stats'

/** What every measurement needs: the browser, the options, and the figures gathered so far. */
export interface Bench {
  browser: Browser
  options: Options
  metrics: Metric[]
  log: (line: string) => void
}

/**
 * Where every run starts: an unknown path, so the light "not found" view, with none of the timed
 * items on it (each item a run waits for is then new).
 */
export const REST = '/bench-scale-rest'
/** Slack for the round trip to Node beyond a page-side timeout. */
const SLACK_MS = 5_000

export function addMetric(bench: Bench, id: string, label: string, unit: Unit, target: Target): Metric {
  const metric: Metric = { id, label, unit, values: [], reads: [], raw: [], status: 'ok', target }
  bench.metrics.push(metric)
  return metric
}

/** Client-side navigation until a new `selector` is in the DOM: ms, or null after the timeout. */
export function navigate(bench: Bench, url: string, selector: string): Promise<number | null> {
  const timeoutMs = bench.options.timeoutMs
  return inPage(bench.browser.page, timeoutMs + SLACK_MS, `${selector} on ${url}`, navigateAndWait, { url, selector, timeoutMs })
}

/**
 * Each run starts from a new page load of a resting view, once the page has gone idle: no view's
 * memory (the timeline keeps its pages and scroll position for Back) carries into the next run.
 */
export async function rest(bench: Bench, path = REST): Promise<void> {
  await bench.browser.freshPage(path)
  await inPage(bench.browser.page, 10_000, 'the page to go idle', untilIdle).catch(() => {})
}

/** Two idle periods in a row with a whole frame to spare: start-up reads and renders are over. */
function untilIdle(): Promise<void> {
  return new Promise((resolve) => {
    const started = performance.now()
    let quiet = 0
    const look = (deadline: IdleDeadline) => {
      quiet = deadline.timeRemaining() >= 45 ? quiet + 1 : 0
      if (quiet >= 2 || performance.now() - started > 5000) resolve()
      else setTimeout(() => requestIdleCallback(look, { timeout: 1000 }), 100)
    }
    requestIdleCallback(look, { timeout: 1000 })
  })
}

/** One run's outcome: a figure, null for a timeout, or the reason there is no figure. */
export type RunResult = number | null | string

/**
 * Runs `once` up to `runs` times. The first timeout ends the figure ("timeout"): the page may be
 * busy for minutes, so it is replaced by a fresh one and the next figure starts clean.
 */
export async function repeat(bench: Bench, metric: Metric, runs: number, once: (run: number) => Promise<RunResult>): Promise<void> {
  for (let run = 0; run < runs; run++) {
    let result: RunResult
    try {
      result = await once(run)
    }
    catch (error) {
      result = error instanceof DeadlineError || (error instanceof Error && error.name === 'TimeoutError') ? null : `failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`
    }
    if (typeof result === 'number') {
      metric.values.push(result)
      continue
    }
    metric.status = result === null ? 'timeout' : 'n/a'
    metric.reason = result ?? `nothing within ${bench.options.timeoutMs / 1000} s (run ${run + 1})`
    bench.log(`  ${metric.label}: ${metric.reason}`)
    await bench.browser.freshPage(REST).catch(() => {})
    return
  }
}

/**
 * The app's own `name` read inside the run that just ended, as the view made it: what the person
 * waited for, with the view's rendering sharing the thread. Kept as detail (`readInView`).
 */
export async function recordRead(bench: Bench, metric: Metric, name: string): Promise<void> {
  const ms = await inPage<number | null>(bench.browser.page, 10_000, `the app's ${name} read`, firstReadSince, { name }).catch(() => null)
  if (ms === null) return
  const inView = [...(metric.detail?.readInViewRuns as number[] | undefined ?? []), ms]
  metric.detail = { ...metric.detail, readInViewRuns: inView, readInView: median(inView) }
}

/** Calls of each read, alone and raw: a read of one or two milliseconds needs more than five for a steady median. */
export const READ_SAMPLES = 15

/**
 * The app's own read for a view, called alone in the same page, and the same question asked of
 * raw IndexedDB, taking turns (app, raw, app, raw…) so both meet the same page and machine: the
 * app's figure is the one compared with raw.
 */
export async function readRuns(bench: Bench, metric: Metric, alone: AppQuery, raw: RawQuery, samples = Math.max(bench.options.runs, READ_SAMPLES)): Promise<void> {
  let appFailed = false
  for (let sample = 0; sample < samples; sample++) {
    if (!appFailed) {
      const result = await inPage<number | string>(bench.browser.page, 60_000, `the app's ${alone.name} read`, appRead, alone).catch((error: Error) => error.message.split('\n')[0]!)
      if (typeof result === 'string') {
        metric.detail = { ...metric.detail, appReadError: result }
        appFailed = true
      }
      else metric.reads.push(result)
    }
    if (!await rawRuns(bench, metric, raw, 1)) return
  }
}

/** The same question asked of raw IndexedDB, `runs` times in the same page; false when it failed. */
export async function rawRuns(bench: Bench, metric: Metric, query: RawQuery, runs = bench.options.runs): Promise<boolean> {
  try {
    for (let run = 0; run < runs; run++) {
      const { ms, rows } = await inPage<{ ms: number, rows: number }>(bench.browser.page, 120_000, `raw query ${query.name}`, rawQuery, query)
      metric.raw.push(ms)
      metric.detail = { ...metric.detail, rawRows: rows }
    }
    return true
  }
  catch (error) {
    metric.detail = { ...metric.detail, rawError: error instanceof Error ? error.message.split('\n')[0] : String(error) }
    return false
  }
}

export interface ViewSpec {
  id: string
  label: string
  url: string
  selector: string
  raw: RawQuery
  /** The app's own read for this view: its measure's name (src/db/timing.ts), if it makes one, and the call alone. */
  read?: string
  alone: AppQuery
  target: Target
  /** Where to go first, untimed, to load the view's code: the view itself unless it remembers its last visit. */
  warmUrl?: string
}

/**
 * The timeline remembers one filter's pages and scroll for Back: warming up on another filter
 * loads its code without handing the measured visit a remembered first screen.
 */
export const TIMELINE_WARM_URL = '/journal?kind=written'

/** Loads a view's code in this page, untimed, and comes back to rest, so the timed visit is warm. */
export async function warmUp(bench: Bench, url: string, selector: string): Promise<void> {
  await navigate(bench, url, selector).catch(() => null)
  await navigate(bench, REST, 'h1').catch(() => null)
  await inPage(bench.browser.page, 10_000, 'the page to go idle', untilIdle).catch(() => {})
}

/** A view's first screen, reached from the resting view by client-side navigation. */
export async function measureView(bench: Bench, spec: ViewSpec): Promise<Metric> {
  const metric = addMetric(bench, spec.id, spec.label, 'ms', spec.target)
  await repeat(bench, metric, bench.options.runs, async () => {
    await rest(bench)
    await warmUp(bench, spec.warmUrl ?? spec.url, spec.selector)
    const ms = await navigate(bench, spec.url, spec.selector)
    if (ms !== null && spec.read) await recordRead(bench, metric, spec.read)
    return ms
  })
  await readRuns(bench, metric, spec.alone, spec.raw)
  const read = (label: string, ms: unknown) => (typeof ms === 'number' ? `; ${label} ${ms.toFixed(1)}` : '')
  bench.log(`  ${spec.label}: ${metric.values.map(ms => ms.toFixed(1)).join(', ') || metric.status}${read('read in the view', metric.detail?.readInView)}${read('read alone', median(metric.reads))}${read('raw', median(metric.raw))}`)
  return metric
}
