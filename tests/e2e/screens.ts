import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { within } from './support'

/** Where the browser tests leave screenshots for review by eye: test-results/ is git-ignored. */
export const screensDir = fileURLToPath(new URL('../../test-results/screens/', import.meta.url))

/** The two widths every view is photographed at: a phone (iPhone 12 to 15) and a laptop. */
export const phone = { width: 390, height: 844 }
export const laptop = { width: 1280, height: 800 }

/**
 * Lets the page settle after a navigation, a resize or a change of scheme: every finite animation
 * finished (a pray-through step fades in; axe would measure its text half transparent) and two
 * frames drawn, so a virtual list has measured its rows again.
 */
export async function settled(page: Page): Promise<void> {
  await within(5_000, 'the page to settle', page.evaluate(async () => {
    const finite = document.getAnimations().filter(animation => animation.effect?.getComputedTiming().endTime !== Infinity)
    await Promise.all(finite.map(animation => animation.finished.catch(() => {})))
    await new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))
  }))
}

/**
 * Writes test-results/screens/<name>-<width>-<scheme>.png: the whole page, at the current viewport's
 * width. The viewport grows to the page's height for the shot and goes back after: a full-page
 * capture would leave the fixed tab bar and notices across the middle of a long page, over its
 * content. Nothing is compared: a shot is for a person to look at, so only an error in taking it fails.
 */
export async function screenshot(page: Page, name: string, scheme: 'light' | 'dark'): Promise<string> {
  const viewport = page.viewportSize() ?? laptop
  const path = join(screensDir, `${name}-${viewport.width}-${scheme}.png`)
  await mkdir(screensDir, { recursive: true })
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  if (height > viewport.height) {
    await page.setViewportSize({ width: viewport.width, height })
    await settled(page)
  }
  try {
    await page.screenshot({ path, animations: 'disabled', caret: 'hide', timeout: 10_000 })
  }
  finally {
    if (height > viewport.height) await page.setViewportSize(viewport)
  }
  return path
}
