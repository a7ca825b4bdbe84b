import { existsSync } from 'node:fs'

/** Debian's Chromium, or the one CHROMIUM_PATH names. Playwright's own browsers cannot be downloaded here. */
export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium'

/** Flags measured to work headless as root with Debian Chromium 156 (no GPU, no sandbox, nothing fetched in the background). */
export const chromiumFlags = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

export function assertChromium(): void {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium is needed for the browser tests and was not found at ${chromiumPath}. `
      + 'Install it with: sudo apt-get install -y chromium (Debian/Ubuntu), or set CHROMIUM_PATH.')
  }
}
