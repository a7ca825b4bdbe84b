/** The command line of `npm run audit`. */
import { VIEWS, type View } from './views'

/**
 * first: Lighthouse's default, storage cleared before each run, so no service worker and only the
 * briefing the app mirrors on load: what a new visitor (and a search engine) meets.
 * returning: storage kept (disableStorageReset) after one unscored visit, so the service worker
 * serves the app from its precache and the journal is in IndexedDB: the person who uses Selah daily.
 */
export const VISITS = ['first', 'returning'] as const
export type Visit = typeof VISITS[number]

export interface Options {
  runs: number
  views: View[]
  visits: Visit[]
  json: string | null
  help: boolean
}

export const USAGE = `Usage: npm run audit -- [options]
  --runs N          Lighthouse runs per view and visit; the median is reported (3)
  --only LIST       only these paths, comma-separated, as in the view list (/,/settings)
  --visits LIST     first, returning or both (first,returning)
  --json FILE       also write every run's figures and the medians to FILE
Prints a table; exits 0 even when a target fails (it is a report), 1 when the audit cannot run.`

export function parseOptions(argv: readonly string[]): Options {
  const options: Options = { runs: 3, views: [...VIEWS], visits: [...VISITS], json: null, help: false }
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i]!
    if (name === '--help' || name === '-h') {
      options.help = true
      continue
    }
    const value = argv[++i]
    if (value === undefined || value.startsWith('--')) throw new Error(`${name} needs a value.\n${USAGE}`)
    if (name === '--runs') options.runs = positiveInteger(name, value)
    else if (name === '--json') options.json = value
    else if (name === '--only') options.views = pickViews(value)
    else if (name === '--visits') options.visits = pickVisits(value)
    else throw new Error(`Unknown option ${name}.\n${USAGE}`)
  }
  return options
}

function positiveInteger(name: string, value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} wants a whole number of at least 1, not "${value}".`)
  return n
}

function pickViews(list: string): View[] {
  return list.split(',').map((path) => {
    const view = VIEWS.find(candidate => candidate.path === path.trim())
    if (!view) throw new Error(`No view at "${path}". The views: ${VIEWS.map(v => v.path).join(' ')}`)
    return view
  })
}

function pickVisits(list: string): Visit[] {
  return list.split(',').map((name) => {
    const visit = VISITS.find(candidate => candidate === name.trim())
    if (!visit) throw new Error(`--visits takes ${VISITS.join(' and/or ')}, not "${name}".`)
    return visit
  })
}
