import path from 'node:path'
import type { Plugin, ViteDevServer } from 'vite'
import { feedDocumentPath, type BuiltFeed } from '../build.ts'
import { loadFeed } from './files.ts'

/**
 * Turns every `*.txt` briefing in `dir` into the static feed: `feed/index.json` and
 * `feed/briefings/<id>.json`. Emitted as assets by `vite build` (a bad briefing fails the build
 * with `file:line: message`); served from memory by `vite` in development, rebuilt and reloaded
 * whenever a briefing file changes. `vite preview` serves the built files from dist/.
 */
export function briefingFeed(options: { dir: string }): Plugin {
  let root = process.cwd()
  let base = '/'
  let isBuild = false
  let feed: BuiltFeed | null = null
  const dir = () => path.resolve(root, options.dir)

  const files = (built: BuiltFeed): Map<string, unknown> => new Map<string, unknown>([
    ['feed/index.json', built.index],
    ...built.documents.map((document) => [feedDocumentPath(document.briefing.id), document] as const),
  ])

  return {
    name: 'selah:briefing-feed',
    configResolved(config) {
      root = config.root
      base = config.base
      isBuild = config.command === 'build'
    },
    async buildStart() {
      if (!isBuild) return
      this.addWatchFile(dir())
      try {
        feed = await loadFeed(dir(), root)
      } catch (error) {
        this.error((error as Error).message)
      }
    },
    generateBundle() {
      if (!feed) return
      for (const [fileName, value] of files(feed)) {
        this.emitFile({ type: 'asset', fileName, source: `${JSON.stringify(value)}\n` })
      }
    },
    configureServer(server) {
      serveFeed(server, () => base, async () => (feed ??= await loadFeed(dir(), root)), files)
      server.watcher.add(dir())
      const onChange = (file: string) => {
        if (path.dirname(path.resolve(file)) !== dir() || !file.toLowerCase().endsWith('.txt')) return
        feed = null
        server.ws.send({ type: 'full-reload' })
      }
      server.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange)
    },
  }
}

function serveFeed(
  server: ViteDevServer,
  base: () => string,
  load: () => Promise<BuiltFeed>,
  files: (built: BuiltFeed) => Map<string, unknown>,
) {
  server.middlewares.use((req, res, next) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname
    const relative = pathname.startsWith(base()) ? pathname.slice(base().length) : pathname.replace(/^\//, '')
    if (!relative.startsWith('feed/')) return next()
    load().then((built) => {
      const value = files(built).get(relative)
      res.statusCode = value === undefined ? 404 : 200
      res.setHeader('Content-Type', value === undefined ? 'text/plain; charset=utf-8' : 'application/json; charset=utf-8')
      res.setHeader('Cache-Control', 'no-cache')
      res.end(value === undefined ? `No such feed file: ${relative}` : JSON.stringify(value))
    }, (error: Error) => {
      server.config.logger.error(`[selah:briefing-feed] ${error.message}`)
      res.statusCode = 500
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end(error.message)
    })
  })
}
