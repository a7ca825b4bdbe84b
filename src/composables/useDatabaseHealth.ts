import { computed, shallowRef } from 'vue'
import { databaseOutdated, db, NewerDatabaseError } from '~/db'
import { shortReason, storageErrorKind } from '~/db/errors'

/**
 * What keeps Selah from using its database in this tab:
 * - 'unavailable': the browser will not open IndexedDB (private browsing, strict settings, a broken store);
 * - 'newer': the database was written by a newer Selah than this page's code;
 * - 'outdated': another tab has since opened a newer Selah, so this tab let go of the database.
 */
export type DatabaseProblem = 'unavailable' | 'newer' | 'outdated'

/** Sorts a failed db.open(); null when the failure says nothing about the database itself. */
export function openProblem(error: unknown): Exclude<DatabaseProblem, 'outdated'> | null {
  if (error instanceof NewerDatabaseError) return 'newer'
  const kind = storageErrorKind(error)
  // 'closed' means this tab closed it (another tab upgraded, or the test harness): not a startup fault.
  if (kind === 'closed') return null
  return 'unavailable'
}

/** Opens the database once at startup, so a browser that refuses storage gets words, not a blank app. */
export function useDatabaseHealth() {
  const startup = shallowRef<Exclude<DatabaseProblem, 'outdated'> | null>(null)
  const reason = shallowRef('')

  db.open().catch((error: unknown) => {
    startup.value = openProblem(error)
    // The browser's own words help whoever helps the person; a newer database needs no more than ours.
    // Dexie's own MissingAPIError (no IndexedDB at all) says nothing the page does not, and links elsewhere.
    if (startup.value === 'unavailable' && (error as Error | undefined)?.name !== 'MissingAPIError') reason.value = shortReason(error)
  })

  const problem = computed<DatabaseProblem | null>(() => startup.value ?? (databaseOutdated.value ? 'outdated' : null))
  return { problem, reason }
}
