import type { Plugin } from 'vite'

type Group = { name: string, test: (id: string) => boolean, includeDependenciesRecursively: boolean }

/**
 * Puts everything the app (src/mount.ts) imports at start into one chunk, Vue and Dexie included.
 * A start always loads all of it (the router imports Today), so one file costs no view anything,
 * and one file compresses better than the dozen small shared chunks the automatic split makes
 * (each with its own import glue). What the page's entry (main.ts) imports itself stays in the
 * entry: the kept first screen is drawn from there before any of this loads.
 */
export function firstScreenChunk(app = '/src/mount.ts'): { plugin: Plugin, group: Group } {
  const members = new Set<string>()
  const plugin: Plugin = {
    name: 'selah:first-screen-chunk',
    apply: 'build',
    // The module graph is complete here; the chunks are made after.
    buildEnd() {
      const staticClosure = (start: string[]) => {
        const seen = new Set<string>()
        const visit = (id: string) => {
          if (seen.has(id)) return
          seen.add(id)
          for (const imported of this.getModuleInfo(id)?.importedIds ?? []) visit(imported)
        }
        start.forEach(visit)
        return seen
      }
      const ids = [...this.getModuleIds()]
      const entries = ids.filter(id => this.getModuleInfo(id)?.isEntry)
      const appId = ids.find(id => id.endsWith(app))
      if (!appId) throw new Error(`first-screen chunk: ${app} is not in the build`)
      const inEntry = staticClosure(entries)
      members.clear()
      for (const id of staticClosure([appId])) if (!inEntry.has(id)) members.add(id)
    },
  }
  return { plugin, group: { name: 'app', test: id => members.has(id), includeDependenciesRecursively: false } }
}
