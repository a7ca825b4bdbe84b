import { UserFacingError } from './errors'
import { LATEST_SCHEMA_VERSION, SelahDatabase } from './schema'
import { searchWordsMiddleware } from './search-words'
import { timed } from './timing'

export const db = new SelahDatabase()
db.use(searchWordsMiddleware)

/** The database on this device was written by a newer Selah than the code running in this tab. */
export class NewerDatabaseError extends UserFacingError {
  override name = 'NewerDatabaseError'
  constructor(public readonly installedVersion: number) {
    super('Your journal on this device was saved by a newer version of Selah. Reload this page to get the newest version; if this message stays, close every Selah tab and open Selah again.')
  }
}

/** Opens the database now, so a refusal (private mode, a newer schema) is known before any view reads. */
export async function openDatabase(): Promise<void> {
  await timed('open', () => db.open())
}

const outdatedListeners = new Set<() => void>()

/**
 * Calls `listener` once another tab opens a newer Selah database and this tab lets go of its
 * connection. Returns the function that stops listening.
 */
export function onDatabaseOutdated(listener: () => void): () => void {
  outdatedListeners.add(listener)
  return () => outdatedListeners.delete(listener)
}

// Dexie 4 quietly opens a database of a higher version than declared; this code does not know
// that schema, so it refuses rather than read or write it. Whole versions only: Dexie itself bumps
// the native number by one (20 -> 21, "2.1") when it patches a schema that drifted from its
// declaration, and that database is still this version's. Sticky: checked on every (re)open.
db.on('ready', () => {
  const installed = Math.floor(db.backendDB().version / 10)
  if (installed > LATEST_SCHEMA_VERSION) throw new NewerDatabaseError(installed)
}, true)

// Another tab is upgrading (or deleting) the database. Close for good, not Dexie's default
// close-and-reopen: reopening would let this older code write into the newer schema.
db.on('versionchange', () => {
  db.close()
  for (const listener of outdatedListeners) listener()
  return false
})
