// @vitest-environment node
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { dailyBriefing, writeDailyBriefings } from '~/cli/feed-fixture'
import { parseBriefing } from '~/briefings/parse'

const dir = mkdtempSync(path.join(tmpdir(), 'selah-fixture-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('writeDailyBriefings', () => {
  it('writes one realistic briefing a day, ending at endDate, that the parser takes', async () => {
    const names = await writeDailyBriefings(path.join(dir, 'year'), 366, { endDate: '2025-03-01' })
    expect(names).toHaveLength(366)
    expect(names[0]?.startsWith('2024-03-01-')).toBe(true)
    expect(names[365]?.startsWith('2025-03-01-')).toBe(true)
    expect(readdirSync(path.join(dir, 'year')).sort()).toEqual([...names].sort())

    const briefings = names.map((name) => {
      const result = parseBriefing(readFileSync(path.join(dir, 'year', name), 'utf8'), { fileName: name })
      if (!result.ok) throw new Error(`${name}: ${result.problem.message}`)
      return result.briefing
    })
    expect(new Set(briefings.map((briefing) => briefing.title)).size).toBeGreaterThan(360)
    const counts = briefings.map((briefing) => briefing.pointers.length)
    expect(Math.min(...counts)).toBe(3)
    expect(Math.max(...counts)).toBe(8)
    const pointers = briefings.flatMap((briefing) => briefing.pointers)
    expect(pointers.filter((pointer) => pointer.scripture).length / pointers.length).toBeGreaterThan(0.4)
    expect(briefings.filter((briefing) => briefing.prayer).length).toBeGreaterThan(100)
    expect(Math.min(...briefings.map((briefing) => briefing.paragraphs.length))).toBeGreaterThanOrEqual(3)

    // About the size of the shipped briefing (3.2 KB).
    const sizes = names.map((name) => statSync(path.join(dir, 'year', name)).size)
    const mean = sizes.reduce((sum, size) => sum + size, 0) / sizes.length
    expect(mean).toBeGreaterThan(2000)
    expect(mean).toBeLessThan(4500)
  })

  it('gives a day the same text in every fixture, so a longer fixture only adds days', async () => {
    const shorter = await writeDailyBriefings(path.join(dir, 'a'), 10, { endDate: '2025-03-01' })
    const longer = await writeDailyBriefings(path.join(dir, 'b'), 11, { endDate: '2025-03-02' })
    expect(longer.slice(0, 10)).toEqual(shorter)
    for (const name of shorter) expect(readFileSync(path.join(dir, 'b', name), 'utf8')).toBe(readFileSync(path.join(dir, 'a', name), 'utf8'))
    expect(dailyBriefing('2025-03-01').text).toBe(readFileSync(path.join(dir, 'a', shorter[9] ?? ''), 'utf8'))
  })

  it('refuses an end date that is not a date', async () => {
    await expect(writeDailyBriefings(path.join(dir, 'c'), 1, { endDate: '1 March' })).rejects.toThrow('"1 March" is not a date: write it as YYYY-MM-DD.')
  })
})

describe('npm run feed:fixture', () => {
  it('writes the files a ministry would have, and says where', { timeout: 60_000 }, () => {
    const out = path.join(dir, 'cli')
    const run = spawnSync('npm', ['run', '--silent', 'feed:fixture', '--', out, '--count', '5', '--end', '2025-01-05'], { encoding: 'utf8' })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(run.stdout).toMatch(/^Wrote 5 briefings to .*cli \(2025-01-01-.*\.txt … 2025-01-05-.*\.txt\)\.\n$/)
    expect(readdirSync(out)).toHaveLength(5)
    const usage = spawnSync('npm', ['run', '--silent', 'feed:fixture', '--', '--count', 'many'], { encoding: 'utf8' })
    expect([usage.status, usage.stderr]).toEqual([2, 'Usage: npm run feed:fixture -- <dir> [--count 3000] [--end YYYY-MM-DD]\n'])
  })
})
