import { defineStore } from 'pinia'
import { computed, onScopeDispose, shallowRef } from 'vue'
import { NewerDatabaseError, onDatabaseOutdated, openDatabase } from '~/db'
import { shortReason, storageErrorKind } from '~/db/errors'

/**
 * What keeps Selah from using its database in this tab:
 * - 'unavailable': the browser will not open IndexedDB (private browsing, strict settings, a broken store);
 * - 'newer': the database was written by a newer Selah than this page's code;
 * - 'outdated': another tab has since opened a newer Selah, so this tab let go of the database.
 */
export type DatabaseProblem = 'unavailable' | 'newer' | 'outdated'
type OpenProblem = Exclude<DatabaseProblem, 'outdated'>

/** Sorts a failed db.open(); null when the failure says nothing about the database itself. */
export function openProblem(error: unknown): OpenProblem | null {
  if (error instanceof NewerDatabaseError) return 'newer'
  // 'closed' means this tab closed it (another tab upgraded, or the test harness): not a startup fault.
  if (storageErrorKind(error) === 'closed') return null
  return 'unavailable'
}

/** Whether this tab can use its database; `open()` runs once at startup (main.ts). */
export const useDatabaseStore = defineStore('database', () => {
  const startup = shallowRef<OpenProblem | null>(null)
  const reason = shallowRef('')
  const outdated = shallowRef(false)
  /** The database has opened: on a first visit the browser has finished creating it. */
  const opened = shallowRef(false)
  onScopeDispose(onDatabaseOutdated(() => { outdated.value = true }))

  /** Opens the database, so a browser that refuses storage gets words, not a blank app. */
  async function open(): Promise<void> {
    try {
      await openDatabase()
      opened.value = true
    }
    catch (error) {
      startup.value = openProblem(error)
      // The browser's own words help whoever helps the person; a newer database needs no more than ours.
      // Dexie's own MissingAPIError (no IndexedDB at all) says nothing the page does not, and links elsewhere.
      if (startup.value === 'unavailable' && (error as Error | undefined)?.name !== 'MissingAPIError') reason.value = shortReason(error)
    }
  }

  const problem = computed<DatabaseProblem | null>(() => startup.value ?? (outdated.value ? 'outdated' : null))
  return { problem, reason, opened, open }
})
