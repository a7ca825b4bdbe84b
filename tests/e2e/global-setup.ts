import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { assertChromium } from './chromium'

declare module 'vitest' {
  export interface ProvidedContext {
    /** Origin of the `vite preview` server the browser tests talk to, e.g. http://127.0.0.1:4173 */
    origin: string
    /** The production build being served: the tests' own, so a `vite build` elsewhere cannot change it mid-run. */
    dist: string
  }
}

const root = fileURLToPath(new URL('../..', import.meta.url))
const vite = fileURLToPath(new URL('../../node_modules/vite/bin/vite.js', import.meta.url))
const host = '127.0.0.1'
const preferredPort = 4173

/** Builds the production app, serves it with `vite preview`, and stops the server afterwards. */
export default async function setup(project: TestProject) {
  assertChromium()
  const dist = await mkdtemp(join(tmpdir(), 'selah-e2e-dist-'))
  const removeDist = () => rm(dist, { recursive: true, force: true })
  try {
    await run([vite, 'build', '--outDir', dist, '--emptyOutDir', '--logLevel', 'error'], 'The production build failed')
  }
  catch (error) {
    await removeDist()
    throw error
  }

  const port = await freePort()
  if (port !== preferredPort) console.warn(`Port ${preferredPort} is taken; serving the browser tests on ${port}.`)
  const preview = spawn(process.execPath, [vite, 'preview', '--outDir', dist, '--host', host, '--port', String(port), '--strictPort'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const kill = () => stopProcess(preview)
  process.once('exit', kill)
  const stop = async () => {
    kill()
    await removeDist()
  }
  const origin = `http://${host}:${port}`
  try {
    await waitUntilAnswering(origin, preview)
  }
  catch (error) {
    await stop()
    throw error
  }
  project.provide('origin', origin)
  project.provide('dist', dist)
  return stop
}

function run(args: string[], failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout?.on('data', (chunk) => { output += chunk })
    child.stderr?.on('data', (chunk) => { output += chunk })
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve()
      else reject(new Error(`${failure} (exit ${code}):\n${output}`))
    })
  })
}

/** 4173 when it is free, otherwise any free port: a developer's own `npm start` must not break the tests. */
function freePort(): Promise<number> {
  const listen = (port: number) => new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(port, host, () => {
      const address = server.address()
      const chosen = typeof address === 'object' && address ? address.port : port
      server.close(() => resolve(chosen))
    })
  })
  return listen(preferredPort).catch(() => listen(0))
}

async function waitUntilAnswering(origin: string, server: ChildProcess) {
  let output = ''
  server.stdout?.on('data', (chunk) => { output += chunk })
  server.stderr?.on('data', (chunk) => { output += chunk })
  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`vite preview stopped (exit ${server.exitCode}):\n${output}`)
    try {
      const response = await fetch(`${origin}/`)
      if (response.ok) return
    }
    catch {
      // Not listening yet.
    }
    await new Promise(resolve => setTimeout(resolve, 200))
  }
  throw new Error(`vite preview did not answer at ${origin} within 30 s:\n${output}`)
}

function stopProcess(child: ChildProcess) {
  if (child.exitCode !== null || child.pid === undefined) return
  try {
    // Negative pid: the whole process group, in case vite started helpers of its own.
    process.kill(-child.pid, 'SIGTERM')
  }
  catch {
    // Already gone.
  }
}
