import { rm, stat } from 'node:fs/promises'
import type { Page } from 'playwright-core'
import { addMetric, rawRuns, repeat, rest, type Bench } from './measure'

/**
 * Export and restore of the whole journal, through Settings as a person does it. Written against
 * the roles and labels of BackupSection.vue and RestoreSection.vue only (the backup format is
 * changing): when they change, this table is the one place to follow them.
 */
const UI = {
  download: { role: 'button', name: 'Download backup' },
  restoreRegion: { role: 'region', name: 'Restore from a backup' },
  fileLabel: 'Choose a backup file',
  replace: { role: 'radio', name: /Replace everything/ },
  restore: { role: 'button', name: 'Restore backup' },
  confirm: { role: 'button', name: 'Replace everything' },
} as const

/** Export and restore may take minutes at this size; the targets say how long they should. */
const BACKUP_LIMIT_MS = 600_000

async function exportOnce(page: Page): Promise<{ ms: number, path: string, bytes: number }> {
  const button = page.getByRole(UI.download.role, { name: UI.download.name })
  await button.waitFor({ timeout: 20_000 })
  const started = performance.now()
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: BACKUP_LIMIT_MS }), button.click()])
  const path = await download.path()
  const ms = performance.now() - started
  return { ms, path, bytes: (await stat(path)).size }
}

/** Replaces everything on the device with the file: ms, or the app's own words when it refuses. */
async function restoreOnce(page: Page, path: string, said: (message: string) => void): Promise<number | string> {
  const region = page.getByRole(UI.restoreRegion.role, { name: UI.restoreRegion.name })
  const alert = region.getByRole('alert')
  const started = performance.now()
  await region.getByLabel(UI.fileLabel).setInputFiles(path)
  const restore = region.getByRole(UI.restore.role, { name: UI.restore.name })
  await restore.or(alert).first().waitFor({ timeout: BACKUP_LIMIT_MS })
  if (await alert.isVisible()) return `the app refused the file: ${await alert.innerText()}`
  await region.getByRole(UI.replace.role, { name: UI.replace.name }).check()
  await restore.click()
  await region.getByRole(UI.confirm.role, { name: UI.confirm.name }).click()
  const done = region.getByRole('status').filter({ hasText: /\S/ })
  await done.or(alert).first().waitFor({ timeout: BACKUP_LIMIT_MS })
  if (await alert.isVisible()) return `the restore failed: ${await alert.innerText()}`
  const ms = performance.now() - started
  said(await done.innerText())
  return ms
}

export async function measureBackup(bench: Bench): Promise<void> {
  const exported = addMetric(bench, 'export', 'exporting the whole journal', 'ms', { max: 10_000 })
  const restored = addMetric(bench, 'restore', 'restoring the whole journal', 'ms', {})
  const runs = bench.options.backupRuns
  const files: string[] = []
  await repeat(bench, exported, runs, async () => {
    await rest(bench, '/settings')
    const { ms, path, bytes } = await exportOnce(bench.browser.page)
    files.push(path)
    exported.detail = { fileMB: +(bytes / 1024 / 1024).toFixed(1) }
    return ms
  })
  await rawRuns(bench, exported, { name: 'everything' }, Math.min(runs, 3))
  bench.log(`  export: ${exported.values.map(ms => `${(ms / 1000).toFixed(1)} s`).join(', ') || exported.reason}`)
  const file = files.at(-1)
  if (!file) Object.assign(restored, { status: 'n/a', reason: 'no backup file to restore (export did not finish)' })
  else {
    await repeat(bench, restored, runs, async () => {
      await rest(bench, '/settings')
      return restoreOnce(bench.browser.page, file, (message) => { restored.detail = { message } })
    })
  }
  bench.log(`  restore: ${restored.values.map(ms => `${(ms / 1000).toFixed(1)} s`).join(', ') || restored.reason}`)
  await Promise.all(files.map(path => rm(path, { force: true })))
}
