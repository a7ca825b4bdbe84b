import Dexie from 'dexie'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { NewerDatabaseError } from '~/db'
import { declareVersions, LATEST_SCHEMA_VERSION } from '~/db/schema'
import { openProblem } from '~/stores/database'
import { mountRoute, until, useComponentTestSetup } from './helpers'

// The PWA helper tests its own components; here they only need to be in place.
vi.mock('~/components/pwa/OfflineIndicator.vue', () => ({ default: { name: 'OfflineIndicator', render: () => null } }))
vi.mock('~/components/pwa/InstallButton.vue', () => ({ default: { name: 'InstallButton', render: () => null } }))
vi.mock('~/components/pwa/ReloadPrompt.vue', () => ({ default: { name: 'ReloadPrompt', render: () => null } }))
useComponentTestSetup()

const realIndexedDB = Dexie.dependencies.indexedDB
afterEach(() => {
  Dexie.dependencies.indexedDB = realIndexedDB
})

/**
 * Mounts the whole app on fresh modules, so its database instance is created now, with
 * whatever Dexie.dependencies say at this moment (the app's `db` is made when ~/db first loads).
 */
async function mountFreshApp() {
  vi.resetModules()
  const [{ default: App }, { routes }, { useDatabaseStore }] = await Promise.all([
    import('~/App.vue'), import('~/router'), import('~/stores/database'),
  ])
  const { wrapper } = await mountRoute('/', App, routes)
  // What main.ts does at startup, on the same fresh modules.
  await useDatabaseStore().open()
  return wrapper
}

describe('when the browser will not open IndexedDB', () => {
  it('explains in words what happened and what to do, instead of a blank or broken app', async () => {
    Dexie.dependencies.indexedDB = undefined as unknown as IDBFactory
    const wrapper = await mountFreshApp()
    const main = () => wrapper.get('main#main')
    await until(() => expect(main().find('h1').text()).toBe('Selah cannot keep your journal in this browser'))

    expect(main().findAll('h1')).toHaveLength(1)
    expect(main().get('h2').text()).toBe('What you can do')
    expect(main().text()).toContain('private or incognito')
    // Dexie's "IndexedDB API missing" (with its link) is not the browser's words: not shown.
    expect(main().text()).not.toContain('The browser said')
    expect(main().findAll('button').map(b => b.text())).toEqual(['Try again'])
    expect(document.title).toBe('Selah cannot keep your journal in this browser · Selah')
    // The shell stays: the person can still see where they are.
    expect(wrapper.find('nav[aria-label="Main"]').exists()).toBe(true)
    expect(main().text()).not.toContain('Briefings')
  })

  it('passes on the browser\'s own words when it refuses to open the database', async () => {
    const refusing = {
      open: () => { throw new DOMException('The operation is insecure.', 'SecurityError') },
      deleteDatabase: () => { throw new DOMException('The operation is insecure.', 'SecurityError') },
      cmp: (a: IDBValidKey, b: IDBValidKey) => realIndexedDB!.cmp(a, b),
      databases: async () => [],
    }
    Dexie.dependencies.indexedDB = refusing as unknown as IDBFactory
    const wrapper = await mountFreshApp()
    const main = () => wrapper.get('main#main')
    await until(() => expect(main().find('h1').text()).toBe('Selah cannot keep your journal in this browser'))
    expect(main().text()).toContain('The browser said: The operation is insecure.')
  })
})

describe('when the database was written by a newer Selah', () => {
  it('says so in plain words and offers a reload', async () => {
    const newer = new Dexie('selah')
    declareVersions(newer)
    newer.version(99).stores({ future: 'id' })
    await newer.open()
    newer.close()

    const wrapper = await mountFreshApp()
    const main = () => wrapper.get('main#main')
    await until(() => expect(main().find('h1').text()).toBe('Selah needs to reload'))
    expect(main().text()).toContain('saved by a newer version of Selah')
    expect(main().text()).toContain('Nothing has been changed.')
    expect(main().findAll('button').map(b => b.text())).toEqual(['Reload'])
    expect(main().text()).not.toContain('The browser said')
  })
})

describe('when another tab opens a newer Selah', () => {
  it('keeps the page and shows an alert with a Reload button', async () => {
    const wrapper = await mountFreshApp()
    await until(() => expect(wrapper.get('main#main h1').text()).toBe('Today'))
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)

    const other = new Dexie('selah')
    declareVersions(other)
    other.version(LATEST_SCHEMA_VERSION + 1).stores({ future: 'id' })
    await other.open()
    other.close()

    await until(() => expect(wrapper.get('.status-area [role="alert"]').text()).toContain('Selah was updated in another tab. Reload this page to keep going.'))
    expect(wrapper.get('.status-area [role="alert"] button').text()).toBe('Reload')
    expect(wrapper.get('main#main h1').text()).toBe('Today')
  })
})

describe('openProblem', () => {
  it('sorts open failures: newer database, storage refused, or closed on purpose', () => {
    expect(openProblem(new NewerDatabaseError(99))).toBe('newer')
    expect(openProblem(new Dexie.MissingAPIError('no indexedDB'))).toBe('unavailable')
    expect(openProblem(new Dexie.OpenFailedError(new DOMException('denied', 'SecurityError')))).toBe('unavailable')
    expect(openProblem(new Dexie.OpenFailedError(new Error('Internal error opening backing store')))).toBe('unavailable')
    expect(openProblem(new Dexie.DatabaseClosedError())).toBe(null)
  })
})
