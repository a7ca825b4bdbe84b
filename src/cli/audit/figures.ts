/**
 * What one Lighthouse report says about a view: the scored figures, and where the points went.
 * Pure: reads only the parts of the report it names, so tests can hand it a small object.
 */

/** The few parts of Lighthouse's result (LH.Result) read here. */
export interface Report {
  categories: Record<string, { score: number | null, auditRefs?: { id: string, weight: number }[] } | undefined>
  audits: Record<string, Audit | undefined>
}

interface Audit {
  title?: string
  score: number | null
  numericValue?: number
  displayValue?: string
  details?: { type?: string, items?: Record<string, unknown>[] }
}

export interface Figures {
  performance: number | null
  cls: number | null
  tbt: number | null
  lcp: number | null
  accessibility: number | null
  bestPractices: number | null
  seo: number | null
  /** Why the back/forward cache refused the page; empty when it was restored. */
  bfCache: string[]
  causes: Causes
}

export interface Causes {
  /** The element each layout shift moved most, with the shift's score. */
  layoutShifts: string[]
  /** Main-thread tasks over 50 ms, with the script Lighthouse blames. */
  longTasks: string[]
  /** Performance opportunities and diagnostics that did not pass. */
  performance: string[]
  /** Accessibility, best-practice and SEO audits that count and failed. */
  failed: string[]
}

export function figuresFrom(report: Report): Figures {
  const score = (id: string) => report.categories[id]?.score ?? null
  const value = (id: string) => report.audits[id]?.numericValue ?? null
  return {
    performance: score('performance'),
    cls: value('cumulative-layout-shift'),
    tbt: value('total-blocking-time'),
    lcp: value('largest-contentful-paint'),
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
    seo: score('seo'),
    bfCache: bfCacheReasons(report.audits['bf-cache']),
    causes: causesIn(report),
  }
}

function bfCacheReasons(audit: Audit | undefined): string[] {
  if (!audit || audit.score === 1 || audit.score === null) return []
  return items(audit).map(item => `${String(item.reason)} (${String(item.failureType)})`)
}

function causesIn(report: Report): Causes {
  const failing = (id: string) => {
    const audit = report.audits[id]
    return audit && audit.score !== null && audit.score < 1 ? audit : undefined
  }
  const layoutShifts = items(report.audits['layout-shifts']).map((item) => {
    const node = item.node as { selector?: string, nodeLabel?: string } | undefined
    return `${node?.selector ?? node?.nodeLabel ?? 'an element'} (${Number(item.score).toFixed(3)})`
  })
  const longTasks = items(report.audits['long-tasks']).map(item => `${String(item.url)} ${Math.round(Number(item.duration))} ms`)
  const performance = Object.entries(report.audits)
    .filter(([, audit]) => audit?.details?.type === 'opportunity' || audit?.details?.type === 'table')
    .filter(([id]) => !['layout-shifts', 'long-tasks', 'bf-cache'].includes(id) && failing(id) && isPerformanceDiagnostic(report, id))
    .map(([id, audit]) => `${id}${audit?.displayValue ? `: ${audit.displayValue}` : ''}`)
  const failed = ['accessibility', 'best-practices', 'seo'].flatMap(category =>
    (report.categories[category]?.auditRefs ?? []).filter(ref => ref.weight > 0 && failing(ref.id)).map(ref => `${category}: ${ref.id}`))
  return { layoutShifts, longTasks, performance, failed }
}

/** Anything the performance category lists, weighted or not, other than the metrics themselves. */
function isPerformanceDiagnostic(report: Report, id: string): boolean {
  return (report.categories.performance?.auditRefs ?? []).some(ref => ref.id === id && ref.weight === 0)
}

function items(audit: Audit | undefined): Record<string, unknown>[] {
  return audit?.details?.items ?? []
}
