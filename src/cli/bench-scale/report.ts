import { writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import type { Options } from './options'
import type { OwnRequestsPlan } from './plan'
import { appRead, formatTable, median, ratio, RIGHT_ALIGNED, summarize, TABLE_HEADER, tableRow, verdict, type Metric } from './stats'

export interface RunInfo {
  options: Options
  chromium: string
  seeded: { entries: number, briefings: number, prayed: number, answers: number, requests: OwnRequestsPlan, ms: number }
}

/** The table for people, with the reason beside every figure that is missing. */
export function humanReport(metrics: Metric[]): string {
  const table = formatTable(TABLE_HEADER, metrics.map(tableRow), RIGHT_ALIGNED)
  const notes = metrics.filter(metric => metric.reason).map(metric => `  ${metric.label}: ${metric.reason}`)
  const verdicts = metrics.map(verdict)
  const count = (which: string) => verdicts.filter(result => result === which).length
  return [table, '', `${count('pass')} pass, ${count('FAIL')} fail, ${count('info')} for information`, ...(notes.length ? ['', 'Notes:', ...notes] : [])].join('\n')
}

/** The summary for machines: every run's figure, the medians, the ratio and the verdict. */
export function machineReport(metrics: Metric[], info: RunInfo) {
  const round = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100)
  return {
    benchmark: 'selah bench:scale',
    finishedAt: new Date().toISOString(),
    machine: { cpus: cpus().length, node: process.version, chromium: info.chromium },
    options: info.options,
    seeded: info.seeded,
    metrics: metrics.map((metric) => {
      const app = summarize(metric.values)
      const raw = median(metric.raw)
      return {
        id: metric.id,
        label: metric.label,
        unit: metric.unit,
        status: metric.status,
        ...(metric.reason ? { reason: metric.reason } : {}),
        median: round(app.median),
        min: round(app.min),
        max: round(app.max),
        runs: metric.values.map(round),
        ...(metric.reads.length ? { appRead: { median: round(median(metric.reads)), runs: metric.reads.map(round) } } : {}),
        raw: { median: round(raw), runs: metric.raw.map(round) },
        ratio: round(ratio(appRead(metric), raw)),
        target: metric.target,
        result: verdict(metric),
        ...(metric.detail ? { detail: metric.detail } : {}),
      }
    }),
  }
}

export function writeJson(summary: unknown, where: string): void {
  const text = `${JSON.stringify(summary, null, 2)}\n`
  if (where === '-') process.stdout.write(text)
  else writeFileSync(where, text)
}
