/** The command line of `npm run bench:scale`, with defaults that make the 100,000-entry journal. */

export const GROUPS = ['cold', 'views', 'filters', 'search', 'scroll', 'add', 'backup'] as const
export type Group = typeof GROUPS[number]

export interface Options {
  entries: number
  briefings: number
  prayed: number
  answers: number
  years: number
  /** The person's own lists, active requests and archived ones (schema v4). */
  lists: number
  requests: number
  archivedRequests: number
  runs: number
  scrollRuns: number
  backupRuns: number
  seed: number
  build: boolean
  dist: string | null
  json: string
  /** How long a view may take before its figure reads "timeout", in ms. */
  timeoutMs: number
  scrollLimitMs: number
  indexLimitMs: number
  chunk: number
  only: Group[]
  /** A profile folder kept between runs: seeded once, then reused (no seeding, no index build). */
  profile: string | null
}

export const USAGE = `Usage: npm run bench:scale -- [options]
  --entries N        journal entries (100000)
  --briefings N      briefings, 3 to 8 pointers each (2000)
  --prayed N         prayed taps (entries / 2)
  --answers N        answered notes, one per pointer at most (entries / 20)
  --years N          years the journal spans (30)
  --lists N          the person's own prayer lists (6)
  --requests N       their active requests, across the lists (120)
  --archived N       their archived requests (1500); a share of the entries, prayed
                     taps and answers above is about the requests, not added to them
  --runs N           runs per figure; the median is reported (5)
  --scroll-runs N    runs of the scroll from end to end (same as --runs)
  --backup-runs N    runs of export and restore (same as --runs)
  --seed N           seed of the generated journal (1)
  --no-build         reuse the build in --dist instead of building first
  --dist DIR         where the app is built and served from (node_modules/.cache/bench-scale/dist)
  --json FILE        where the JSON summary goes (bench-scale.json); "-" prints it on stdout
  --timeout S        seconds a view may take before it counts as "timeout" (20)
  --scroll-limit S   seconds one scroll from end to end may take (600)
  --index-limit S    seconds the index build may take (600)
  --only LIST        only these groups (the index build is always measured): ${GROUPS.join(',')}
  --profile DIR      keep the seeded profile in DIR and reuse it on later runs with the same
                     journal options: no seeding and no index build, for working on one figure
Smoke run: npm run bench:scale -- --entries 5000 --briefings 200 --runs 2`

export function parseOptions(argv: readonly string[]): Options {
  const given = new Map<string, string>()
  const flags = new Set<string>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!
    if (!arg.startsWith('--')) throw new Error(`Unexpected argument "${arg}".\n${USAGE}`)
    if (arg === '--no-build' || arg === '--help') flags.add(arg)
    else if (i + 1 < argv.length) given.set(arg, argv[++i]!)
    else throw new Error(`${arg} needs a value.\n${USAGE}`)
  }
  if (flags.has('--help')) throw new Error(USAGE)
  const known = ['--entries', '--briefings', '--prayed', '--answers', '--years', '--lists', '--requests', '--archived', '--runs', '--scroll-runs',
    '--backup-runs', '--seed', '--dist', '--json', '--timeout', '--scroll-limit', '--index-limit', '--only', '--profile']
  for (const key of given.keys()) if (!known.includes(key)) throw new Error(`Unknown option ${key}.\n${USAGE}`)

  const number = (key: string, fallback: number, min = 1) => {
    const raw = given.get(key)
    if (raw === undefined) return fallback
    const value = Number(raw)
    if (!Number.isFinite(value) || value < min) throw new Error(`${key} must be a number of at least ${min}, not "${raw}".`)
    return Math.floor(value)
  }
  const entries = number('--entries', 100_000)
  const runs = number('--runs', 5)
  const only = (given.get('--only')?.split(',') ?? [...GROUPS]).map(group => group.trim())
  for (const group of only) if (!(GROUPS as readonly string[]).includes(group)) throw new Error(`Unknown group "${group}" in --only.`)
  return {
    entries,
    briefings: number('--briefings', 2000),
    prayed: number('--prayed', Math.round(entries / 2), 0),
    answers: number('--answers', Math.round(entries / 20), 0),
    years: number('--years', 30, 2),
    lists: number('--lists', 6, 0),
    requests: number('--requests', 120, 0),
    archivedRequests: number('--archived', 1500, 0),
    runs,
    scrollRuns: number('--scroll-runs', runs),
    backupRuns: number('--backup-runs', runs),
    seed: number('--seed', 1, 0),
    build: !flags.has('--no-build'),
    dist: given.get('--dist') ?? null,
    json: given.get('--json') ?? 'bench-scale.json',
    timeoutMs: number('--timeout', 20) * 1000,
    scrollLimitMs: number('--scroll-limit', 600) * 1000,
    indexLimitMs: number('--index-limit', 600) * 1000,
    chunk: 10_000,
    only: only as Group[],
    profile: given.get('--profile') ?? null,
  }
}
