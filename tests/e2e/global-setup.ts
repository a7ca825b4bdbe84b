import { spawn } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { TestProject } from 'vitest/node'
import { assertChromium } from './chromium'
import { serve, type Server } from '../../src/cli/preview'

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

  let server: Server
  try {
    server = await serve(dist, 4173)
  }
  catch (error) {
    await removeDist()
    throw error
  }
  const { origin } = server
  const stop = async () => {
    server.stop()
    await removeDist()
  }
  project.provide('origin', origin)
  project.provide('dist', dist)
  return stop
}

function run(args: string[], failure: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // Vitest sets NODE_ENV=test, and a vite build run under it bundles Vue's development build
    // (warnings, devtools hooks: 19 KiB more on the first screen). The tests are of the real thing.
    const env = { ...process.env, NODE_ENV: 'production' }
    const child = spawn(process.execPath, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] })
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
