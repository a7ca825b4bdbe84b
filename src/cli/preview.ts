import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

/**
 * Builds the app and serves it with `vite preview` (the project's config: its caching headers and
 * 304s), for the benchmarks and the browser tests alike.
 */
export const root = fileURLToPath(new URL('../../', import.meta.url))
const vite = `${root}node_modules/vite/bin/vite.js`
const host = '127.0.0.1'

/**
 * Builds the app into `outDir`; `env` adds build-time variables (VITE_SELAH_BENCH=1: the benchmark's hooks).
 * NODE_ENV is production whoever calls: under Vitest (NODE_ENV=test) vite would bundle Vue's development build.
 */
export function build(outDir: string, env: Record<string, string> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [vite, 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production', ...env } })
    child.on('error', reject)
    child.on('exit', code => (code === 0 ? resolve() : reject(new Error(`The production build failed (exit ${code}).`))))
  })
}

export interface Server {
  origin: string
  stop: () => void
}

/**
 * Started from node directly and in its own process group, so stopping it stops vite's helpers
 * too. On `preferredPort` when it is free (a developer's own `npm start` may hold it), else any.
 */
export async function serve(outDir: string, preferredPort = 0): Promise<Server> {
  const port = await freePort(preferredPort).catch(() => freePort(0))
  if (preferredPort && port !== preferredPort) console.warn(`Port ${preferredPort} is taken; serving on ${port}.`)
  const preview = spawn(process.execPath, [vite, 'preview', '--outDir', outDir, '--host', host, '--port', String(port), '--strictPort'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const stop = () => stopGroup(preview)
  process.once('exit', stop)
  const origin = `http://${host}:${port}`
  try {
    await waitUntilAnswering(origin, preview)
  }
  catch (error) {
    stop()
    throw error
  }
  return { origin, stop }
}

function freePort(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('No free port'))))
    })
  })
}

async function waitUntilAnswering(origin: string, server: ChildProcess) {
  let output = ''
  server.stdout?.on('data', (chunk) => { output += chunk })
  server.stderr?.on('data', (chunk) => { output += chunk })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview stopped (exit ${server.exitCode}):\n${output}`)
    const ok = await fetch(`${origin}/`).then(response => response.ok, () => false)
    if (ok) return
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`vite preview did not answer at ${origin} within 30 s:\n${output}`)
}

function stopGroup(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return
  try {
    process.kill(-child.pid, 'SIGTERM')
  }
  catch {
    // Already gone.
  }
}

/** For a command-line script: Ctrl-C or kill runs the 'exit' handlers, so no server outlives it. */
export function exitOnSignals(): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130))
}
