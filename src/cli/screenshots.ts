/**
 * Takes the web app manifest's screenshots from the real app (the browser's richer install dialog
 * shows them): Today with the shipped briefing and two requests of one's own, on a phone and in a
 * desktop window. Run with `npm run screenshots`; the files in public/screenshots/ are committed.
 */
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Page } from 'playwright-core'
import { build, root, serve } from './preview'

/** What the manifest lists; `pwa-options.ts` declares the same files and sizes. */
export const SHOTS = [
  { file: 'today-narrow.png', width: 390, height: 844, scale: 2 },
  { file: 'today-wide.png', width: 1280, height: 800, scale: 1 },
] as const

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
if (!existsSync(executablePath)) {
  console.error('Chromium is needed to take the screenshots. Install it with: sudo apt-get install -y chromium, or set CHROMIUM_PATH.')
  process.exit(1)
}

async function addRequest(page: Page, text: string, list: string) {
  await page.getByRole('button', { name: 'New request' }).click()
  await page.getByRole('textbox', { name: 'Request' }).fill(text)
  const lists = page.getByRole('combobox', { name: 'List' })
  if (await lists.locator('option', { hasText: list }).count()) await lists.selectOption({ label: list })
  else {
    await lists.selectOption({ label: 'A new list…' })
    await page.getByRole('textbox', { name: 'Name of the new list' }).fill(list)
  }
  await page.getByRole('button', { name: 'Save', exact: true }).click()
  await page.getByRole('article', { name: text }).waitFor()
}

const dist = await mkdtemp(join(tmpdir(), 'selah-shots-'))
const profile = await mkdtemp(join(tmpdir(), 'selah-shots-profile-'))
const out = join(root, 'public/screenshots')
await build(dist)
const server = await serve(dist)
/** The same profile each time, so the requests added for the first shot are in the second. */
const open = (shot: typeof SHOTS[number]) => chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  colorScheme: 'light',
  viewport: { width: shot.width, height: shot.height },
  deviceScaleFactor: shot.scale,
  // For the one style rule below; the app itself runs under its policy as always.
  bypassCSP: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
})
try {
  await mkdir(out, { recursive: true })
  for (const [index, shot] of SHOTS.entries()) {
    const context = await open(shot)
    try {
      const page = context.pages()[0] ?? await context.newPage()
      if (index === 0) {
        await page.goto(`${server.origin}/prayers`)
        await addRequest(page, 'Healing for Aunt Miriam after her operation', 'Family')
        await addRequest(page, 'Wisdom for the youth leaders this weekend', 'Church')
      }
      await page.goto(`${server.origin}/`)
      await page.locator('#app [data-today-item]').first().waitFor()
      // The notice that Selah works offline is news for one visit, not part of the app's look.
      await page.addStyleTag({ content: '.status-area { display: none !important; } .bar-status { visibility: hidden; }' })
      await page.waitForTimeout(500)
      await page.screenshot({ path: join(out, shot.file) })
      console.log(`public/screenshots/${shot.file} ${shot.width * shot.scale}x${shot.height * shot.scale}`)
    }
    finally {
      await context.close()
    }
  }
}
finally {
  server.stop()
  await rm(dist, { recursive: true, force: true })
  await rm(profile, { recursive: true, force: true })
}
