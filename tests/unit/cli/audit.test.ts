import { describe, expect, it } from 'vitest'
import { figuresFrom, type Figures, type Report } from '~/cli/audit/figures'
import { parseOptions } from '~/cli/audit/options'
import { cell, COLUMNS, formatTable, median, medians, verdict } from '~/cli/audit/report'
import { VIEWS } from '~/cli/audit/views'

const column = (metric: string) => COLUMNS.find(c => c.metric === metric)!

function figures(performance: number | null, cls: number | null = 0): Figures {
  return {
    performance, cls, tbt: 100, lcp: 2000, accessibility: 1, bestPractices: 1, seo: 0.91,
    bfCache: [], causes: { layoutShifts: [], longTasks: [], performance: [], failed: [] },
  }
}

describe('median', () => {
  it('takes the middle run, or the mean of the two middle ones, whatever the order', () => {
    expect(median([0.9, 0.7, 0.8])).toBe(0.8)
    expect(median([4, 1, 3, 2])).toBe(2.5)
    expect(median([])).toBeNull()
  })

  it('leaves out a run that lacks the figure instead of counting it as zero', () => {
    const result = medians([figures(0.9, null), figures(0.96, 0.01), figures(0.97, 0.03)])
    expect(result.performance).toBe(0.96)
    expect(result.cls).toBe(0.02)
  })
})

describe('the targets', () => {
  it('passes a figure on its bound and fails one past it', () => {
    expect(verdict(column('performance'), 0.95)).toBe('pass')
    expect(verdict(column('performance'), 0.94)).toBe('FAIL')
    expect(verdict(column('cls'), 0.02)).toBe('pass')
    expect(verdict(column('cls'), 0.021)).toBe('FAIL')
    expect(verdict(column('accessibility'), 0.99)).toBe('FAIL')
    expect(verdict(column('bestPractices'), 1)).toBe('pass')
    expect(verdict(column('seo'), 0.9)).toBe('pass')
  })

  it('fails a missing figure, and judges none without a target', () => {
    expect(verdict(column('seo'), null)).toBe('FAIL')
    expect(verdict(column('tbt'), 9999)).toBe('')
    expect(cell(column('tbt'), 183.6)).toBe('184 ms')
    expect(cell(column('cls'), null)).toBe('— FAIL')
  })
})

describe('the table', () => {
  it('prints one aligned line per view with each figure beside its verdict', () => {
    const table = formatTable([
      { label: 'Today', medians: medians([figures(0.94, 0.021)]) },
      { label: 'My prayers', medians: medians([figures(0.99)]) },
    ]).split('\n')
    expect(table).toHaveLength(3)
    expect(new Set(table.map(line => line.length)).size).toBe(1)
    expect(table[1]).toMatch(/^Today\s+0\.94 FAIL\s+0\.021 FAIL\s+100 ms\s+2000 ms\s+1\.00 pass\s+1\.00 pass\s+0\.91 pass$/)
    expect(table[2]).toContain('0.99 pass')
  })
})

describe('reading a Lighthouse report', () => {
  const report: Report = {
    categories: {
      'performance': { score: 0.9, auditRefs: [{ id: 'largest-contentful-paint', weight: 25 }, { id: 'render-blocking-resources', weight: 0 }] },
      'accessibility': { score: 0.95, auditRefs: [{ id: 'color-contrast', weight: 7 }, { id: 'tabindex', weight: 0 }] },
      'best-practices': { score: 1, auditRefs: [] },
      'seo': { score: 0.91, auditRefs: [{ id: 'robots-txt', weight: 1 }] },
    },
    audits: {
      'cumulative-layout-shift': { score: 0.9, numericValue: 0.03 },
      'total-blocking-time': { score: 1, numericValue: 180 },
      'largest-contentful-paint': { score: 0.8, numericValue: 2500 },
      'render-blocking-resources': { score: 0.5, displayValue: 'Est savings of 150 ms', details: { type: 'opportunity', items: [] } },
      'color-contrast': { score: 0 },
      'tabindex': { score: 0 },
      'robots-txt': { score: 0 },
      'bf-cache': { score: 0, details: { type: 'table', items: [{ reason: 'Internal error.', failureType: 'Not actionable' }] } },
      'layout-shifts': { score: 0, details: { type: 'table', items: [{ node: { selector: 'main > p.lead' }, score: 0.0312 }] } },
      'long-tasks': { score: 1, details: { type: 'table', items: [{ url: 'http://x/assets/db.js', duration: 75.4 }] } },
    },
  }

  it('takes the scores, the metrics and where the points went', () => {
    const result = figuresFrom(report)
    expect(result).toMatchObject({ performance: 0.9, cls: 0.03, tbt: 180, lcp: 2500, accessibility: 0.95, bestPractices: 1, seo: 0.91 })
    expect(result.bfCache).toEqual(['Internal error. (Not actionable)'])
    expect(result.causes).toEqual({
      layoutShifts: ['main > p.lead (0.031)'],
      longTasks: ['http://x/assets/db.js 75 ms'],
      performance: ['render-blocking-resources: Est savings of 150 ms'],
      failed: ['accessibility: color-contrast', 'seo: robots-txt'],
    })
  })

  it('names no bf-cache reason when the page was restored', () => {
    expect(figuresFrom({ ...report, audits: { ...report.audits, 'bf-cache': { score: 1 } } }).bfCache).toEqual([])
  })
})

describe('the command line', () => {
  it('audits every view, both visits, three runs by default', () => {
    const options = parseOptions([])
    expect(options).toMatchObject({ runs: 3, visits: ['first', 'returning'], json: null })
    expect(options.views).toHaveLength(VIEWS.length)
  })

  it('takes a subset of the views and refuses a path it does not know', () => {
    const options = parseOptions(['--only', '/,/settings', '--runs', '1', '--visits', 'first', '--json', 'out.json'])
    expect(options.views.map(view => view.path)).toEqual(['/', '/settings'])
    expect(options).toMatchObject({ runs: 1, visits: ['first'], json: 'out.json' })
    expect(() => parseOptions(['--only', '/nowhere'])).toThrow('No view at "/nowhere"')
    expect(() => parseOptions(['--runs', '0'])).toThrow('at least 1')
    expect(() => parseOptions(['--runs'])).toThrow('needs a value')
  })
})
