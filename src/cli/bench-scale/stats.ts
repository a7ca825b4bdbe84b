/** The arithmetic of the report: medians, ratios and whether a figure meets its target. Pure. */

export type Unit = 'ms' | 'MB' | 'nodes'

/** What a figure must stay under: an absolute bound, and/or a multiple of the raw IndexedDB time. */
export interface Target {
  max?: number
  ratio?: number
}

export type MetricStatus = 'ok' | 'timeout' | 'n/a'

export interface Metric {
  id: string
  label: string
  unit: Unit
  /** One value per run that finished. */
  values: number[]
  /**
   * The app's own read (or write) inside each run, as the app measures it (src/db/timing.ts): the
   * figure compared with raw IndexedDB. Empty when the run has none to show; then `values` is.
   */
  reads: number[]
  /** The same query against raw IndexedDB in the same page, one value per run. */
  raw: number[]
  status: MetricStatus
  /** Why a figure is missing or partial, in plain words. */
  reason?: string
  target: Target
  detail?: Record<string, unknown>
}

export interface Summary {
  n: number
  median: number | null
  min: number | null
  max: number | null
}

export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export function summarize(values: readonly number[]): Summary {
  return {
    n: values.length,
    median: median(values),
    min: values.length ? Math.min(...values) : null,
    max: values.length ? Math.max(...values) : null,
  }
}

/** What is compared with raw IndexedDB: the app's own read where it was measured, else the whole figure. */
export function appRead(metric: Metric): number | null {
  return median(metric.reads.length ? metric.reads : metric.values)
}

/** app / raw, or null when either side is missing (a raw time of 0 would divide by nothing). */
export function ratio(app: number | null, raw: number | null): number | null {
  if (app === null || raw === null || raw <= 0) return null
  return app / raw
}

export type Verdict = 'pass' | 'FAIL' | 'info'

/** A figure with no target is information; a missing one fails its target. */
export function verdict(metric: Metric): Verdict {
  const { max, ratio: maxRatio } = metric.target
  if (max === undefined && maxRatio === undefined) return 'info'
  if (metric.status !== 'ok') return 'FAIL'
  const app = median(metric.values)
  if (app === null) return 'FAIL'
  if (max !== undefined && app > max) return 'FAIL'
  if (maxRatio !== undefined) {
    const times = ratio(appRead(metric), median(metric.raw))
    if (times === null || times > maxRatio) return 'FAIL'
  }
  return 'pass'
}

export function formatValue(value: number | null, unit: Unit): string {
  if (value === null) return '—'
  if (unit === 'nodes') return String(Math.round(value))
  if (unit === 'MB') return `${value.toFixed(1)} MB`
  if (value >= 10_000) return `${(value / 1000).toFixed(1)} s`
  return value >= 100 ? `${Math.round(value)} ms` : `${value.toFixed(1)} ms`
}

export function formatTarget(target: Target, unit: Unit): string {
  const parts: string[] = []
  if (target.max !== undefined) parts.push(`< ${formatValue(target.max, unit)}`)
  if (target.ratio !== undefined) parts.push(`≤ ${target.ratio}x raw`)
  return parts.join(', ') || '—'
}

/** Columns padded to their widest cell; numbers and verdicts read best right-aligned. */
export function formatTable(header: string[], rows: string[][], rightAligned: readonly number[] = []): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map(row => (row[i] ?? '').length)))
  const line = (cells: string[]) => cells
    .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
    .join('  ')
    .trimEnd()
  return [line(header), widths.map(width => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n')
}

/** The row people read: metric, median, min, max, the app's read, raw median, ratio, target, verdict. */
export function tableRow(metric: Metric): string[] {
  const app = summarize(metric.values)
  const raw = median(metric.raw)
  const read = median(metric.reads)
  const times = ratio(appRead(metric), raw)
  const missing = metric.status === 'ok' ? null : metric.status
  return [
    metric.label,
    missing && app.median === null ? missing : formatValue(app.median, metric.unit) + (missing ? ` (${missing})` : ''),
    formatValue(app.min, metric.unit),
    formatValue(app.max, metric.unit),
    formatValue(read, 'ms'),
    metric.unit === 'ms' ? formatValue(raw, 'ms') : '—',
    times === null ? '—' : `${times.toFixed(1)}x`,
    formatTarget(metric.target, metric.unit),
    verdict(metric),
  ]
}

export const TABLE_HEADER = ['metric', 'median', 'min', 'max', 'app read', 'raw IDB', 'ratio', 'target', 'result']
export const RIGHT_ALIGNED = [1, 2, 3, 4, 5, 6]
