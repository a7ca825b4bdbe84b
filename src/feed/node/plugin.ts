import { readFile } from 'node:fs/promises'
import path from 'node:path'
import type { Connect, Plugin } from 'vite'
import { DEFAULT_FEED_DESCRIPTION, DEFAULT_FEED_TITLE, type FeedFiles, type FeedOptions } from '../build.ts'
import { FEED_PATH, RSS_PATH } from '../format.ts'
import { loadFeed } from './files.ts'
import { feedHeaders, pathBelowBase, sendFeedFile } from './serve.ts'

export interface BriefingFeedOptions {
  /** The folder of briefing text files, relative to the Vite root. */
  dir: string
  title?: string
  description?: string
}

/**
 * Turns every `*.txt` briefing in `dir` into the static feed (see ../format.ts). `vite build`
 * emits its files (a bad briefing fails the build with `file:line: message`); `vite` serves them
 * from memory, rebuilt and reloaded whenever a briefing file changes; `vite preview` serves the
 * built ones. Both servers send the headers a real host should (./serve.ts), and index.html links
 * feed.json and feed.xml for feed readers. Links inside the feeds use SELAH_SITE_URL.
 */
export function briefingFeed(options: BriefingFeedOptions): Plugin {
  let root = process.cwd()
  let base = '/'
  let outDir = 'dist'
  let isBuild = false
  let building: Promise<FeedFiles> | null = null
  let loading: Promise<FeedFiles> | null = null
  const dir = () => path.resolve(root, options.dir)
  const title = options.title ?? DEFAULT_FEED_TITLE
  const feedOptions: FeedOptions = { title, description: options.description ?? DEFAULT_FEED_DESCRIPTION }
  // One build at a time, however many requests a first visit sends while it runs.
  const load = () => (loading ??= loadFeed(dir(), root, feedOptions).catch((error: unknown) => {
    loading = null
    throw error
  }))

  return {
    name: 'selah:briefing-feed',
    configResolved(config) {
      root = config.root
      base = config.base
      outDir = path.resolve(config.root, config.build.outDir)
      isBuild = config.command === 'build'
    },
    buildStart() {
      if (!isBuild) return
      this.addWatchFile(dir())
      // Not awaited: the feed is read and parsed while the app is bundled; generateBundle waits for it.
      building = loadFeed(dir(), root, feedOptions)
      building.catch(() => {})
    },
    async generateBundle() {
      if (!building) return
      let files: FeedFiles
      try {
        files = await building
      } catch (error) {
        return this.error((error as Error).message)
      }
      for (const [fileName, source] of files) this.emitFile({ type: 'asset', fileName, source })
    },
    transformIndexHtml() {
      return [
        { tag: 'link', attrs: { rel: 'alternate', type: 'application/feed+json', title, href: `${base}${FEED_PATH}` }, injectTo: 'head' },
        { tag: 'link', attrs: { rel: 'alternate', type: 'application/rss+xml', title, href: `${base}${RSS_PATH}` }, injectTo: 'head' },
      ]
    },
    configureServer(server) {
      server.middlewares.use(feedMiddleware(() => base, async (relative) => (await load()).get(relative) ?? null, (message) => {
        server.config.logger.error(`[selah:briefing-feed] ${message}`)
      }))
      server.watcher.add(dir())
      const onChange = (file: string) => {
        if (path.dirname(path.resolve(file)) !== dir() || !file.toLowerCase().endsWith('.txt')) return
        loading = null
        server.ws.send({ type: 'full-reload' })
      }
      server.watcher.on('add', onChange).on('change', onChange).on('unlink', onChange)
    },
    configurePreviewServer(server) {
      const read = (relative: string) => readFile(path.join(outDir, relative), 'utf8').catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null
        throw error
      })
      server.middlewares.use(feedMiddleware(() => base, read, (message) => server.config.logger.error(`[selah:briefing-feed] ${message}`)))
    },
  }
}

/** Serves the feed's files, found by `read`, with their headers; a feed path with no file is a plain 404. */
function feedMiddleware(
  base: () => string,
  read: (relative: string) => Promise<string | null>,
  logError: (message: string) => void,
): Connect.NextHandleFunction {
  return (req, res, next) => {
    const relative = pathBelowBase(req.url, base())
    if (relative === null || !relative.startsWith('feed/') || (req.method !== 'GET' && req.method !== 'HEAD')) return next()
    const headers = feedHeaders(relative)
    const found = headers ? read(relative) : Promise.resolve(null)
    found.then((text) => {
      if (text !== null && headers) return sendFeedFile(req, res, text, headers)
      res.statusCode = 404
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.setHeader('Cache-Control', 'no-cache')
      res.end(`No such feed file: ${relative}`)
    }, (error: Error) => {
      logError(error.message)
      res.statusCode = 500
      res.setHeader('Content-Type', 'text/plain; charset=utf-8')
      res.end(error.message)
    })
  }
}
