/** Medians of the runs, the targets, and the printed table. Pure. */
import type { Figures } from './figures'

export type Metric = 'performance' | 'cls' | 'tbt' | 'lcp' | 'accessibility' | 'bestPractices' | 'seo'

interface Column {
  metric: Metric
  label: string
  format: (value: number) => string
  /** Issue 11's target; a figure without one is information. */
  target?: { min?: number, max?: number }
}

const score = (value: number) => value.toFixed(2)
const ms = (value: number) => `${Math.round(value)} ms`

export const COLUMNS: readonly Column[] = [
  { metric: 'performance', label: 'Perf', format: score, target: { min: 0.95 } },
  { metric: 'cls', label: 'CLS', format: value => value.toFixed(3), target: { max: 0.02 } },
  { metric: 'tbt', label: 'TBT', format: ms },
  { metric: 'lcp', label: 'LCP', format: ms },
  { metric: 'accessibility', label: 'A11y', format: score, target: { min: 1 } },
  { metric: 'bestPractices', label: 'BP', format: score, target: { min: 1 } },
  { metric: 'seo', label: 'SEO', format: score, target: { min: 0.9 } },
]

export function median(values: readonly number[]): number | null {
  if (!values.length) return null
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}

export type Medians = Record<Metric, number | null>

/** Each figure's median over the runs that have it (a run can lack one, e.g. no LCP when nothing painted). */
export function medians(runs: readonly Figures[]): Medians {
  const result = {} as Medians
  for (const { metric } of COLUMNS) result[metric] = median(runs.map(run => run[metric]).filter((v): v is number => v !== null))
  return result
}

export type Verdict = 'pass' | 'FAIL' | ''

/** A missing figure fails its target: a report that says nothing has not shown the view is fine. */
export function verdict(column: Column, value: number | null): Verdict {
  const { target } = column
  if (!target) return ''
  if (value === null) return 'FAIL'
  if (target.min !== undefined && value < target.min) return 'FAIL'
  if (target.max !== undefined && value > target.max) return 'FAIL'
  return 'pass'
}

export function cell(column: Column, value: number | null): string {
  const shown = value === null ? '—' : column.format(value)
  const mark = verdict(column, value)
  return mark ? `${shown} ${mark}` : shown
}

export interface Row {
  label: string
  medians: Medians
}

export function formatTable(rows: readonly Row[]): string {
  const header = ['View', ...COLUMNS.map(column => column.label)]
  const body = rows.map(row => [row.label, ...COLUMNS.map(column => cell(column, row.medians[column.metric]))])
  const widths = header.map((_, i) => Math.max(...[header, ...body].map(line => line[i]!.length)))
  const line = (cells: string[]) => cells.map((text, i) => (i ? text.padStart(widths[i]!) : text.padEnd(widths[i]!))).join('  ')
  return [line(header), ...body.map(line)].join('\n')
}

/** The targets in one line, printed under the table. */
export function targetsLine(): string {
  const parts = COLUMNS.filter(column => column.target).map(({ label, target, format }) =>
    target!.min !== undefined ? `${label} ≥ ${format(target!.min)}` : `${label} ≤ ${format(target!.max!)}`)
  return `Targets (issue 11, medians): ${parts.join(', ')}. TBT and LCP are shown for reference.`
}
