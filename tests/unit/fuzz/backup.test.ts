import fc from 'fast-check'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { BackupError } from '~/backup/errors'
import { inspectBackup, restoreBackup, type InspectedBackup } from '~/backup/import'
import { useFreshDatabase } from '../db/helpers'
import { backupText, sampleData } from '../backup/fixtures'
import { MODES, reseed, seededSnapshot, snapshotAll, type Snapshot } from '../backup/refused-restore'

// Hundreds of runs each: on a busy machine they must not hit the default 5 s limit (a timed-out
// property keeps running and would clash with the next test's database).
const SLOW = { timeout: 60_000 }

/**
 * Whatever file is chosen, reading it ends in a BackupFile or a BackupError with plain words,
 * never a TypeError or a raw validation message; and a refused file never reaches the database.
 * Seeded, so a failure reproduces.
 */
useFreshDatabase()

const VALID = backupText(sampleData())

/** This phone's own journal: other entries and prayed records than the file's, so a restore that got through would show. */
function thisPhone() {
  const data = sampleData()
  data.entries = data.entries.map((row, i) => ({ ...row, id: `this-phone-${i}`, text: `${row.text} (this phone)` }))
  data.prayed = data.prayed.map((row, i) => ({ ...row, id: `this-phone-prayed-${i}` }))
  return data
}

let before: Snapshot
beforeEach(async () => {
  before = await seededSnapshot(thisPhone())
})

function expectPlainRefusal(error: unknown) {
  if (!(error instanceof BackupError)) throw error
  expect(error.message).toMatch(/^[A-Z][^\n]*\. Nothing was changed\.$/)
  expect(error.message).not.toMatch(/Invalid |Expected |Received |undefined|\[object|NaN/)
}

function inspectOutcome(text: string): 'read' | 'refused' {
  try {
    inspectBackup(text)
    return 'read'
  }
  catch (error) {
    expectPlainRefusal(error)
    return 'refused'
  }
}

/**
 * What the Settings screen does: inspect the chosen file, then restore it through restoreBackup,
 * here in both modes (and even when inspecting refused it). Both modes must agree; a refusal
 * leaves every row of every table as it was, and a restore is undone for the next run.
 */
async function restore(text: string, passphrase?: string): Promise<'restored' | 'refused'> {
  let inspected: InspectedBackup | undefined
  try {
    inspected = inspectBackup(text)
  }
  catch (error) {
    expectPlainRefusal(error)
  }
  const outcomes: ('restored' | 'refused')[] = []
  for (const mode of MODES) {
    try {
      await restoreBackup(text, { mode, passphrase, inspected })
      outcomes.push('restored')
      await reseed(thisPhone())
    }
    catch (error) {
      expectPlainRefusal(error)
      expect(await snapshotAll(), `${mode}: the database after the refusal`).toEqual(before)
      outcomes.push('refused')
    }
  }
  expect(outcomes[1], 'replace refuses exactly what merge refuses').toBe(outcomes[0])
  if (!inspected) expect(outcomes[0], 'a file refused on choosing it is refused on restoring').toBe('refused')
  return outcomes[0]!
}

type Path = (string | number)[]
function pathsOf(value: unknown, path: Path = []): Path[] {
  if (typeof value !== 'object' || value === null) return []
  const keys: (string | number)[] = Array.isArray(value) ? value.map((_, i) => i) : Object.keys(value)
  return keys.flatMap(key => [[...path, key], ...pathsOf((value as Record<string | number, unknown>)[key], [...path, key])])
}

function edit(text: string, pick: number, change: (parent: Record<string | number, unknown>, key: string | number) => void): string {
  const value = JSON.parse(text) as unknown
  const paths = pathsOf(value)
  const path = paths[pick % paths.length]!
  const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value)
  change(parent as Record<string | number, unknown>, path[path.length - 1]!)
  return JSON.stringify(value)
}

const deleteKey = (text: string, pick: number) => edit(text, pick, (parent, key) => {
  if (Array.isArray(parent)) parent.splice(key as number, 1)
  else delete parent[key]
})
const replaceValue = (text: string, pick: number, replacement: unknown) => edit(text, pick, (parent, key) => { parent[key] = replacement })
const flipChar = (text: string, at: number, code: number) => {
  const i = at % text.length
  return text.slice(0, i) + String.fromCharCode(code) + text.slice(i + 1)
}

const OPTIONS = { seed: 1126, numRuns: 400 }

describe('reading any file gives a backup or a plain BackupError', SLOW, () => {
  it('random JSON values', () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => { inspectOutcome(JSON.stringify(value)) }), OPTIONS)
  })

  it('random text', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
      expect(inspectOutcome(text)).toBe('refused')
    }), OPTIONS)
  })

  it('objects that claim to be Selah backups', () => {
    const claim = fc.record({
      app: fc.constant('selah'),
      kind: fc.constantFrom('backup', 'encrypted-backup', 'other'),
      formatVersion: fc.oneof(fc.constant(1), fc.jsonValue()),
      schemaVersion: fc.oneof(fc.constant(2), fc.jsonValue()),
      exportedAt: fc.oneof(fc.constant('2025-11-22T10:00:00.000Z'), fc.jsonValue()),
      data: fc.oneof(fc.jsonValue(), fc.record({ briefings: fc.jsonValue(), entries: fc.array(fc.jsonValue()), answers: fc.constant([]), prayed: fc.constant([]), settings: fc.jsonValue() })),
      encryption: fc.jsonValue(),
      ciphertext: fc.oneof(fc.base64String(), fc.jsonValue()),
    }, { requiredKeys: ['app', 'kind'] })
    fc.assert(fc.property(claim, (value) => { inspectOutcome(JSON.stringify(value)) }), OPTIONS)
  })

  it('every cut of a valid backup is refused as incomplete', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: VALID.length - 1 }), (at) => {
      const error = (() => { try { inspectBackup(VALID.slice(0, at)) } catch (reason) { return reason } })()
      expectPlainRefusal(error)
      expect((error as BackupError).code).toBe('truncated')
    }), OPTIONS)
  })
})

describe('a damaged backup is refused before anything is written', SLOW, () => {
  it('with a character changed', async () => {
    const outcomes = { restored: 0, refused: 0 }
    await fc.assert(fc.asyncProperty(fc.nat(), fc.integer({ min: 0, max: 0x2fff }), async (at, code) => {
      outcomes[await restore(flipChar(VALID, at, code))]++
    }), OPTIONS)
    expect(outcomes.refused).toBeGreaterThan(100)
  })

  it('with a key or list item deleted', async () => {
    await fc.assert(fc.asyncProperty(fc.nat(), async (pick) => { await restore(deleteKey(VALID, pick)) }), OPTIONS)
  })

  it('with a value replaced by any other', async () => {
    const outcomes = { restored: 0, refused: 0 }
    await fc.assert(fc.asyncProperty(fc.nat(), fc.jsonValue({ maxDepth: 2 }), async (pick, value) => {
      outcomes[await restore(replaceValue(VALID, pick, value))]++
    }), OPTIONS)
    expect(outcomes.refused).toBeGreaterThan(100)
  })
})

describe('a damaged encrypted backup', SLOW, () => {
  let encrypted: string
  beforeAll(async () => {
    encrypted = await lowCostEncrypted(VALID, 'pass')
  })

  it('is still readable as it was made (the harness works)', async () => {
    expect(await restore(encrypted, 'pass')).toBe('restored')
    expect(await restore(VALID)).toBe('restored')
    // A restore that got through would show: in either mode the file changes this phone's journal.
    for (const mode of MODES) {
      await restoreBackup(encrypted, { mode, passphrase: 'pass' })
      expect(await snapshotAll(), mode).not.toEqual(before)
      await reseed(thisPhone())
    }
  })

  it('with a character changed, a key deleted or a value replaced', async () => {
    const damage = fc.oneof(
      fc.tuple(fc.nat(), fc.integer({ min: 0, max: 0x7f })).map(([at, code]) => (text: string) => flipChar(text, at, code)),
      fc.nat().map(pick => (text: string) => deleteKey(text, pick)),
      fc.tuple(fc.nat(), fc.jsonValue({ maxDepth: 1 })).map(([pick, value]) => (text: string) => replaceValue(text, pick, value)),
    )
    await fc.assert(fc.asyncProperty(damage, async (change) => {
      const text = change(encrypted)
      inspectOutcome(text)
      // Keep each run quick: a damaged file could ask for millions of key-derivation rounds.
      const rounds = (() => { try { return (JSON.parse(text) as { encryption: { iterations: unknown } }).encryption.iterations } catch { return 0 } })()
      await restore(text, typeof rounds === 'number' && rounds > 5000 ? undefined : 'pass')
    }), { seed: 7, numRuns: 300 })
  })
})

/** The same format as encryptBackup, with few PBKDF2 rounds so hundreds of runs stay fast. */
async function lowCostEncrypted(json: string, passphrase: string): Promise<string> {
  // Fixed salt and IV (never do this for real) so that the seeded runs see the same file every time.
  const salt = new Uint8Array(16).fill(7)
  const iv = new Uint8Array(12).fill(9)
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey'])
  const key = await crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt'])
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(json)))
  const base64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes))
  return JSON.stringify({
    app: 'selah', kind: 'encrypted-backup', formatVersion: 1,
    encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: 1000, salt: base64(salt), iv: base64(iv) },
    ciphertext: base64(ciphertext),
  })
}
