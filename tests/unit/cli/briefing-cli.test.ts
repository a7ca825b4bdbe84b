import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

// Each run starts npm and tsx (about a second), so these tests stay few.
const ROOT = process.cwd()
const dir = mkdtempSync(path.join(tmpdir(), 'selah-cli-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function run(...args: string[]) {
  const { status, stdout, stderr } = spawnSync('npm', ['run', '--silent', 'briefing', '--', ...args], { cwd: ROOT, encoding: 'utf8' })
  return { status, stdout, stderr }
}

function write(name: string, text: string | Uint8Array): string {
  const file = path.join(dir, name)
  writeFileSync(file, text)
  return file
}

/** Checks the exact key set and types of the command-line contract. */
function expectContract(value: unknown) {
  const briefing = value as Record<string, unknown>
  expect(Object.keys(briefing).sort()).toEqual(['date', 'id', 'paragraphs', 'pointers', 'prayer', 'title'])
  expect(briefing).toMatchObject({ id: expect.stringMatching(/^[a-z0-9][a-z0-9-]*$/), title: expect.any(String) })
  expect(briefing.date === null || /^\d{4}-\d{2}-\d{2}$/.test(briefing.date as string)).toBe(true)
  expect((briefing.paragraphs as unknown[]).every((p) => typeof p === 'string')).toBe(true)
  for (const pointer of briefing.pointers as Record<string, unknown>[]) {
    expect(Object.keys(pointer).sort()).toEqual(['id', 'label', 'scripture', 'text'])
    expect(typeof pointer.id === 'string' && typeof pointer.text === 'string').toBe(true)
    expect(pointer.label === null || typeof pointer.label === 'string').toBe(true)
    if (pointer.scripture !== null) expect(Object.keys(pointer.scripture as object).sort()).toEqual(['quote', 'reference'])
  }
  if (briefing.prayer !== null) expect(Object.keys(briefing.prayer as object).sort()).toEqual(['text', 'title'])
}

describe('npm run --silent briefing -- parse <file>', { timeout: 60_000 }, () => {
  it('prints the shared briefing as one JSON object and exits 0', () => {
    const { status, stdout, stderr } = run('parse', 'src/content/briefings/2025-09-05-ukraine-putin-rejects-peace-force.txt')
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' })
    const briefing = JSON.parse(stdout)
    expectContract(briefing)
    expect(briefing).toMatchObject({ title: 'Ukraine: Putin Rejects Peace Force', date: '2025-09-05' })
    expect(briefing.paragraphs).toHaveLength(8)
    expect(briefing.pointers.map((p: { scripture: { reference: string } }) => p.scripture.reference)).toEqual(['Matthew 5:9', 'Psalm 9:9', 'Matthew 5:14'])
    expect(briefing.prayer.title).toBe('Prayer for God’s Shield over Ukraine')
  })

  it('parses a briefing with a Date line, CRLF, a BOM, * bullets and reference-first scripture', () => {
    const text = [
      'Date: 2025-11-14', 'Nigeria: Church Leaders Call for Calm', '',
      'Leaders in Plateau State met on Tuesday after a week of attacks on farming villages.',
      'Churches have opened their halls to families who fled.', '',
      'PRAYER POINTS:',
      '* Give thanks: for churches sheltering the displaced. (Romans 12:13) "Share with the Lord’s people who are in need."',
      '* Pray: for the grieving, and for',
      '  justice for the victims.',
      '* Ask that local leaders reject revenge.', '',
      'A Prayer for Nigeria', 'Father, comfort the grieving and guard the vulnerable.', '', 'Amen.',
    ].join('\r\n')
    const { status, stdout } = run('parse', write('nigeria.txt', `\uFEFF${text}`))
    expect(status).toBe(0)
    const briefing = JSON.parse(stdout)
    expectContract(briefing)
    expect(briefing).toMatchObject({
      id: '2025-11-14-nigeria-church-leaders-call-for-calm',
      date: '2025-11-14',
      paragraphs: [
        'Leaders in Plateau State met on Tuesday after a week of attacks on farming villages.',
        'Churches have opened their halls to families who fled.',
      ],
      pointers: [
        { label: 'Give thanks', text: 'for churches sheltering the displaced.', scripture: { quote: 'Share with the Lord’s people who are in need.', reference: 'Romans 12:13' } },
        { label: 'Pray', text: 'for the grieving, and for justice for the victims.', scripture: null },
        { label: null, text: 'Ask that local leaders reject revenge.', scripture: null },
      ],
      prayer: { title: 'A Prayer for Nigeria', text: 'Father, comfort the grieving and guard the vulnerable.\n\nAmen.' },
    })
  })

  it('parses a briefing dated by its file name, with • bullets, straight quotes and no closing prayer', () => {
    const text = 'Floods in Pakistan\nMillions have lost homes.\nPrayer Pointers\n• Pray: for relief workers. "He gives strength to the weary." Isaiah 40:29\n• Praise: for neighbours who share food.'
    const { status, stdout } = run('parse', write('2025-08-31-pakistan.txt', text))
    expect(status).toBe(0)
    const briefing = JSON.parse(stdout)
    expectContract(briefing)
    expect(briefing).toMatchObject({ id: '2025-08-31-floods-in-pakistan', prayer: null, paragraphs: ['Millions have lost homes.'] })
    expect(briefing.pointers[0].scripture).toEqual({ quote: 'He gives strength to the weary.', reference: 'Isaiah 40:29' })
  })

  it('parses a forwarded email as it arrived: header skipped, date from Sent:, 1) points, a reference without its quote', () => {
    const { status, stdout, stderr } = run('parse', 'tests/fixtures/emails/outlook-nigeria.txt')
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' })
    const briefing = JSON.parse(stdout)
    expectContract(briefing)
    expect(briefing).toMatchObject({ id: '2025-10-14-nigeria-villages-mourn-after-plateau-attacks', title: 'Nigeria: Villages Mourn After Plateau Attacks', date: '2025-10-14' })
    expect(briefing.paragraphs).toHaveLength(3)
    expect(briefing.pointers.map((p: { scripture: unknown }) => p.scripture)).toEqual([
      { quote: 'Mourn with those who mourn.', reference: 'Romans 12:15' },
      { quote: '', reference: 'Psalm 46:1' },
      { quote: 'Blessed are the peacemakers, for they will be called children of God.', reference: 'Matthew 5:9' },
      null,
    ])
    expect(briefing.prayer.title).toBe('Closing Prayer')
  })

  it('exits 1 with one plain line on stderr for a text that is not a briefing', () => {
    const file = write('notes.txt', 'Shopping list\n\nmilk\nbread\n')
    const { status, stdout, stderr } = run('parse', file)
    expect({ status, stdout }).toEqual({ status: 1, stdout: '' })
    expect(stderr).toBe(`${file}: No prayer pointers were found: add a line 'Prayer Pointers' followed by one '- ' line per pointer.\n`)
  })

  it('exits 1 for a binary file or a missing file, with one line and no stack trace', () => {
    const binary = run('parse', write('photo.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48])))
    expect(binary).toMatchObject({ status: 1, stdout: '', stderr: expect.stringMatching(/photo\.txt: This does not look like a text briefing\.\n$/) })
    const missing = run('parse', path.join(dir, 'nope.txt'))
    expect(missing).toEqual({ status: 1, stdout: '', stderr: `${path.join(dir, 'nope.txt')}: no such file.\n` })
  })

  it('answers a usage error in one line, exit 2', () => {
    for (const args of [[], ['frobnicate', 'x.txt']]) {
      const { status, stdout, stderr } = run(...args)
      expect({ status, stdout }).toEqual({ status: 2, stdout: '' })
      expect(stderr).toMatch(/^[^\n]*Usage: npm run --silent briefing -- parse <file>[^\n]*\n$/)
    }
  })
})
