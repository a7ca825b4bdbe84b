import { pointerId } from '../../briefings/ids'
import { inPage } from './in-page'
import type { Bench } from './measure'
import { createOwnRequests } from './own-requests'
import type { JournalPlan } from './plan'
import { seedPart, type SeedArgs, type SeedPart, type SeedResult } from './seed-page'
import { createCorpus } from './text'

/** Dexie stores version n as IndexedDB version 10n: schema v4 (the person's own lists and requests) is 40. */
const SCHEMA_V4 = 40

/** Waits until the app has created its database at schema v4 (never opens it first: that would create it empty). */
function databaseReady(minVersion: number): Promise<boolean> {
  return new Promise((resolve) => {
    const started = performance.now()
    const look = async () => {
      const found = (await indexedDB.databases()).find(db => db.name === 'selah')
      if (found?.version && found.version >= minVersion) resolve(true)
      else if (performance.now() - started > 30_000) resolve(false)
      else setTimeout(look, 100)
    }
    void look()
  })
}

export interface Seeded {
  ms: number
  newest: NonNullable<SeedResult['newest']>
}

/** Opens the app in the fresh profile, lets it create its database, then fills it from the plan. */
export async function seedJournal(bench: Bench, plan: JournalPlan): Promise<Seeded> {
  const page = bench.browser.page
  await page.goto('/')
  if (!await inPage<boolean>(page, 40_000, 'the app to create its database', databaseReady, SCHEMA_V4)) {
    throw new Error('The app did not create its database (schema v4) within 30 s of opening.')
  }
  // The shipped briefings are mirrored on first start; let that write finish before ours begin.
  await page.waitForLoadState('networkidle').catch(() => {})
  const started = Date.now()
  let newest: SeedResult['newest']
  const chunk = bench.options.chunk
  const run = async (part: SeedPart, total: number) => {
    for (let from = 0; from < Math.max(total, 1); from += chunk) {
      const args: SeedArgs = { plan, part, from, to: Math.min(total, from + chunk) }
      const result = await inPage<SeedResult>(page, 600_000, `seeding ${part}`, seedPart, args, [createCorpus, pointerId, createOwnRequests])
      // Chunks go oldest first: the last one to write an entry about a briefing holds the newest.
      newest = result.newest ?? newest
      bench.log(`  seeded ${part} ${args.to.toLocaleString('en')} / ${total.toLocaleString('en')} (${((Date.now() - started) / 1000).toFixed(0)} s)`)
    }
  }
  await run('briefings', plan.briefings.length)
  await run('requests', plan.requests.active + plan.requests.archived)
  await run('entries', plan.entries)
  await run('prayed', plan.prayed)
  if (plan.answers > plan.requests.answers) await run('answers', plan.answers - plan.requests.answers)
  await run('pending-index', 1)
  if (!newest) throw new Error('Seeding wrote no entries about a briefing.')
  return { ms: Date.now() - started, newest }
}
