import type { Plugin } from 'vite'

type Group = { name: string, test: (id: string) => boolean, includeDependenciesRecursively: boolean }

/**
 * Puts everything the app (src/mount.ts) imports at start into one chunk, Vue and Dexie included.
 * A start always loads all of it (the router imports Today), so one file costs no view anything,
 * and one file compresses better than the dozen small shared chunks the automatic split makes
 * (each with its own import glue). What the page's entry (main.ts) imports itself stays in the
 * entry: the kept first screen is drawn from there before any of this runs.
 */
export function firstScreenChunk(app = '/src/mount.ts'): { plugin: Plugin, group: Group } {
  const members = new Set<string>()
  let base = '/'
  const plugin: Plugin = {
    name: 'selah:first-screen-chunk',
    apply: 'build',
    configResolved(config) {
      base = config.base
    },
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
    // The page asks for the app's code at once, beside the entry and the stylesheet, instead of
    // when the entry runs: a preload fetches without running, so the kept screen still paints first.
    transformIndexHtml: {
      order: 'post',
      handler(_html, { bundle }) {
        const app = Object.values(bundle ?? {}).find(chunk => chunk.type === 'chunk' && chunk.name === 'app')
        if (!app || app.type !== 'chunk') throw new Error('first-screen chunk: the build has no app chunk to preload')
        const files = [app.fileName, ...app.imports.filter(file => bundle?.[file]?.type === 'chunk' && !(bundle[file] as { isEntry?: boolean }).isEntry)]
        return files.map(file => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }))
      },
    },
  }
  return { plugin, group: { name: 'app', test: id => members.has(id), includeDependenciesRecursively: false } }
}
