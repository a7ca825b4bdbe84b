/**
 * Scores Selah's production build with Lighthouse (mobile profile), several runs per view, and
 * prints the medians beside issue 11's targets, with the reasons the back/forward cache refused a
 * page and where performance points went. A report: it exits 0 when targets fail, 1 only when the
 * audit cannot run. Not part of `npm test` (about a minute per view on this 2-core machine).
 *
 * Usage: npm run audit [-- --runs 3 --only /,/settings --visits first --json audit.json]
 * The npm script holds /tmp/selah-browser.lock (flock) so no other Chromium shares the machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { figuresFrom, type Figures, type Report } from './audit/figures'
import { openAuditor } from './audit/lighthouse'
import { parseOptions, USAGE, type Options, type Visit } from './audit/options'
import { formatTable, medians, targetsLine, type Medians } from './audit/report'
import type { View } from './audit/views'
import { build, exitOnSignals, serve } from './preview'

interface ViewResult {
  label: string
  path: string
  runs: Figures[]
  medians: Medians
  /** The causes from the run whose performance score is the median one. */
  typical: Figures
}

async function main(options: Options) {
  const dist = mkdtempSync(join(tmpdir(), 'selah-audit-'))
  process.once('exit', () => rmSync(dist, { recursive: true, force: true }))
  console.log('Building the app…')
  await build(dist)
  const server = await serve(dist)
  const results: Partial<Record<Visit, ViewResult[]>> = {}
  try {
    for (const visit of options.visits) results[visit] = await auditVisit(visit, server.origin, options)
  }
  finally {
    server.stop()
  }
  for (const visit of options.visits) printVisit(visit, results[visit]!)
  if (options.json) {
    writeFileSync(options.json, `${JSON.stringify({ lighthouse: '12.8.2', formFactor: 'mobile', runs: options.runs, results }, null, 2)}\n`)
    console.log(`\nEvery run's figures: ${options.json}`)
  }
}

async function auditVisit(visit: Visit, origin: string, options: Options): Promise<ViewResult[]> {
  const auditor = await openAuditor(visit === 'returning')
  try {
    if (visit === 'returning') {
      // One unscored visit installs the service worker and mirrors the briefing; a second lets the
      // worker, now active, take a page, as on a person's next day.
      console.log('Returning visit: warming the service worker and journal…')
      await auditor.run(`${origin}/`)
      await auditor.run(`${origin}/`)
    }
    const results: ViewResult[] = []
    for (const view of options.views) results.push(await auditView(view, origin, options.runs, auditor.run, visit))
    return results
  }
  finally {
    await auditor.close()
  }
}

async function auditView(view: View, origin: string, runs: number, run: (url: string) => Promise<Report>, visit: Visit): Promise<ViewResult> {
  const figures: Figures[] = []
  for (let i = 1; i <= runs; i++) {
    const started = Date.now()
    const report = figuresFrom(await run(`${origin}${view.path}`))
    figures.push(report)
    console.log(`  ${visit} ${view.path} run ${i}/${runs}: performance ${report.performance ?? '—'} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
  }
  const byScore = [...figures].sort((a, b) => (a.performance ?? 0) - (b.performance ?? 0))
  return { label: view.label, path: view.path, runs: figures, medians: medians(figures), typical: byScore[Math.floor((byScore.length - 1) / 2)]! }
}

function printVisit(visit: Visit, results: ViewResult[]) {
  const title = visit === 'first' ? 'First visit (storage cleared before each run)' : 'Returning visit (storage kept: service worker and journal warm)'
  console.log(`\n${title}, median of ${results[0]?.runs.length ?? 0} runs\n`)
  console.log(formatTable(results))
  console.log(targetsLine())
  console.log('\nWhere the points go (the median run of each view):')
  for (const result of results) {
    const { bfCache, causes } = result.typical
    const lines = [
      bfCache.length ? `bf-cache refused: ${bfCache.join('; ')}` : 'bf-cache: restored',
      causes.layoutShifts.length ? `layout shifts: ${causes.layoutShifts.join('; ')}` : '',
      causes.longTasks.length ? `long tasks: ${causes.longTasks.join('; ')}` : '',
      causes.performance.length ? `performance: ${causes.performance.join('; ')}` : '',
      causes.failed.length ? `failed: ${causes.failed.join('; ')}` : '',
    ].filter(Boolean)
    console.log(`  ${result.label} (${result.path})\n${lines.map(line => `    ${line}`).join('\n')}`)
  }
}

exitOnSignals()
let options: Options
try {
  options = parseOptions(process.argv.slice(2))
}
catch (error) {
  console.error((error as Error).message)
  process.exit(1)
}
if (options.help) {
  console.log(USAGE)
}
else {
  main(options).then(() => process.exit(0), (error: unknown) => {
    console.error(`The audit could not run: ${(error as Error).stack ?? String(error)}`)
    process.exit(1)
  })
}
