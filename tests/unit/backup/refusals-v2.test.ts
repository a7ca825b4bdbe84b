import { beforeEach, describe, expect, it } from 'vitest'
import { BackupError, type BackupErrorCode } from '~/backup/errors'
import { MAX_BACKUP_BYTES } from '~/backup/format'
import { restoreBackupFile } from '~/backup/restore'
import { useFreshDatabase } from '../db/helpers'
import { requestJournal, sampleData, sudan } from './fixtures'
import { refusedFileInBothModes, reseed, seededSnapshot, snapshotAll, type Snapshot } from './refused-restore'
import { gzip, joinFile, sealedPieces, v2File, v2Lines } from './v2-fixtures'

/** Version 2 files that cannot be restored: each is refused in plain words, and nothing changes. */
useFreshDatabase()

let before: Snapshot
beforeEach(async () => {
  before = await seededSnapshot()
})

/** Another phone's journal, ready to restore: the cases below damage it in one place each. */
function otherData() {
  const data = sampleData()
  data.entries = data.entries.map((row, i) => ({ ...row, id: `other-${i}`, text: `${row.text} (other phone)` }))
  return data
}

function linesWith(edit: (lines: string[], data: ReturnType<typeof otherData>) => void, header: Record<string, unknown> = {}) {
  const data = otherData()
  const lines = v2Lines(data, header)
  edit(lines, data)
  return lines
}

/** Replaces record `n` (1-based, after the header) with `record` edited. */
function editRecord(n: number, edit: (record: Record<string, unknown>) => void) {
  return (lines: string[]) => {
    const line = JSON.parse(lines[n]!) as { table: string, record: Record<string, unknown> }
    edit(line.record)
    lines[n] = JSON.stringify(line)
  }
}

const ENTRY_1 = 4 // after the header and three briefings

async function cutGzip(fraction: number) {
  const bytes = await gzip(v2Lines(otherData()).map(line => `${line}\n`).join(''))
  return new Blob([bytes.slice(0, Math.floor(bytes.length * fraction))])
}

function randomText(length: number): string {
  const bytes = new Uint8Array(length * 3 / 4)
  for (let at = 0; at < bytes.length; at += 65536) crypto.getRandomValues(bytes.subarray(at, at + 65536))
  return Buffer.from(bytes).toString('base64')
}

const TRUNCATED = 'This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.'
const NEWER = 'This backup was made by a newer version of Selah. Update Selah (reload the page) and try again. Nothing was changed.'

const cases: [string, () => Promise<Blob>, BackupErrorCode, string][] = [
  ['an empty file', async () => new Blob([]), 'empty', 'This file is empty, so there is nothing to restore. Nothing was changed.'],
  ['an empty gzip file', async () => new Blob([await gzip('')]), 'empty', 'This file is empty, so there is nothing to restore. Nothing was changed.'],
  ['gzip of something that is not a backup', async () => new Blob([await gzip('Dear diary\nhello')]), 'not-json', 'This file is not a Selah backup: it is not in the backup format. Nothing was changed.'],
  ['gzip of another app\'s JSON lines', async () => v2File(['{"app":"notes","version":3}']), 'other-app', 'This file is not a Selah backup. Nothing was changed.'],
  ['a newer backup format', async () => v2File(linesWith(() => {}, { formatVersion: 3 })), 'newer-version', NEWER],
  ['a newer database', async () => v2File(linesWith(() => {}, { schemaVersion: 99 })), 'newer-version', NEWER],
  ['a header without counts', async () => v2File(linesWith(() => {}, { counts: undefined })), 'invalid', 'This backup file is damaged: it has no record counts. Nothing was changed.'],
  ['cut off after 30%', () => cutGzip(0.3), 'truncated', TRUNCATED],
  ['cut off just before its end', () => cutGzip(0.99), 'truncated', TRUNCATED],
  ['its last records missing (the count says more)', async () => v2File(linesWith(lines => lines.splice(-2))), 'truncated', TRUNCATED],
  ['more records than its header says', async () => v2File(linesWith(lines => lines.push(lines.at(-1)!.replace('0a000000-0000-4000-8000-000000000003', 'extra')))), 'invalid', 'This backup file is damaged: it holds more prayed record records than it says. Nothing was changed.'],
  ['a line that is not JSON', async () => v2File(linesWith(lines => { lines[ENTRY_1 + 1] = '{"table":"entries","record":{' })), 'invalid', 'This backup file is damaged: line 6 is not readable. Nothing was changed.'],
  ['a record of an unknown kind', async () => v2File(linesWith(lines => { lines[ENTRY_1] = '{"table":"secrets","record":{}}' })), 'invalid', 'This backup file is damaged: line 5 is not a record Selah knows. Nothing was changed.'],
  ['an entry without words', async () => v2File(linesWith(editRecord(ENTRY_1 + 2, record => { record.text = '  \n ' }))), 'invalid', 'This backup file is damaged: journal entry 3 has no text. Nothing was changed.'],
  ['an entry with a bad date', async () => v2File(linesWith(editRecord(ENTRY_1, record => { record.createdAt = '2025-02-30T10:00:00.000Z' }))), 'invalid', 'This backup file is damaged: journal entry 1 has a date it was written that is not valid. Nothing was changed.'],
  ['a pointer without text', async () => v2File(linesWith(editRecord(2, record => { (record.pointers as { text: unknown }[])[1]!.text = 42 }))), 'invalid', 'This backup file is damaged: briefing 2, pointer 2 has a text that is not valid. Nothing was changed.'],
  ['the same entry twice', async () => v2File(linesWith(editRecord(ENTRY_1 + 1, record => { record.id = 'other-0' }))), 'invalid', 'This backup file is damaged: journal entry 2 appears twice. Nothing was changed.'],
  ['an entry of a briefing not in the file', async () => v2File(linesWith(editRecord(ENTRY_1 + 1, record => { record.briefingId = 'gone'; record.pointerId = 'gone-p1' }))), 'dangling', 'This backup file is damaged: journal entry 2 belongs to a briefing that is not in the file. Nothing was changed.'],
  ['an entry pointing into another briefing', async () => v2File(linesWith(editRecord(ENTRY_1, record => { record.pointerId = `${sudan.id}-p1` }))), 'dangling', 'This backup file is damaged: journal entry 1 points at a prayer pointer of another briefing. Nothing was changed.'],
  ['a bad record near the end', async () => v2File(linesWith(lines => { lines[lines.length - 1] = lines.at(-1)!.replace('"prayedAt":"', '"prayedAt":"x') })), 'invalid', 'This backup file is damaged: prayed record 3 has a date of the prayer that is not valid. Nothing was changed.'],
]

describe('a version 2 file that cannot be restored is refused with plain words, and nothing changes', () => {
  it('(the undamaged file does restore, in either mode, so a refusal that got through would show)', async () => {
    for (const mode of ['merge', 'replace'] as const) {
      await reseed()
      await restoreBackupFile(await v2File(v2Lines(otherData())), { mode })
      expect(await snapshotAll(), mode).not.toEqual(before)
    }
  })

  for (const [name, make, code, message] of cases) {
    it(name, { timeout: 30_000 }, async () => {
      const error = await refusedFileInBothModes(await make(), before)
      expect({ code: error.code, message: error.message }).toEqual({ code, message })
    })
  }

  it('a damaged byte early in a large file', { timeout: 30_000 }, async () => {
    // Text that does not compress comes last, so the file is several reads long and the damage
    // (in the compressed briefings at its start) is met long before its end.
    const data = otherData()
    data.prayed = data.prayed.map(row => ({ ...row, pointerText: randomText(1024 ** 2) }))
    const bytes = await gzip(v2Lines(data).map(line => `${line}\n`).join(''))
    expect(bytes.length).toBeGreaterThan(2 * 1024 ** 2)
    for (let at = 200; at < 260; at++) bytes[at]! ^= 0x55
    const error = await refusedFileInBothModes(new Blob([bytes]), before)
    // Not "cut off": depending on what the damage turns the text into, it is unreadable or not a backup.
    expect(['invalid', 'not-json']).toContain(error.code)
    expect(error.message).toMatch(/^This (backup file is damaged|file is not a Selah backup): .+\. Nothing was changed\.$/)
  })

  it('a file over 2 GB, before reading it', async () => {
    const huge = new Blob(['x'])
    Object.defineProperty(huge, 'size', { value: MAX_BACKUP_BYTES + 1 })
    const error = await refusedFileInBothModes(huge, before)
    expect(error.message).toBe('This file is too large to be a Selah backup (over 2 GB). Nothing was changed.')
  })

  it('a version 1 file too large to read as one text', async () => {
    const big = new Blob(['{"app":"selah"}'])
    Object.defineProperty(big, 'size', { value: 400 * 1024 ** 2 + 1 })
    const error = await refusedFileInBothModes(big, before)
    expect(error.message).toBe('This backup file is too large to restore: backups made by older versions of Selah can be restored up to 400 MB. Nothing was changed.')
  })
})

/** A journal of this version, with the person's own lists, requests and records about them. */
function ownLinesWith(edit: (lines: string[]) => void, header: Record<string, unknown> = {}) {
  const data = requestJournal()
  data.entries = data.entries.map((row, i) => ({ ...row, id: `other-${i}` }))
  const lines = v2Lines(data, header)
  edit(lines)
  return lines
}

// After the header and three briefings: two lists, three requests, then six entries (the last two about requests).
const LIST_1 = 4
const REQUEST_1 = 6
const REQUEST_ENTRY = 9 + 4
const OTHER_LIST = 'list-3f1c2a10-0000-4000-8000-0000000000ff'

const ownCases: [string, (lines: string[]) => void, BackupErrorCode, string][] = [
  ['a list whose id is not a list\'s', editRecord(LIST_1, record => { record.id = 'family' }), 'invalid', 'prayer list 1 has an id that is not valid'],
  ['a list without a name', editRecord(LIST_1 + 1, record => { record.name = '  ' }), 'invalid', 'prayer list 2 has no name'],
  ['a list name too long for the app', editRecord(LIST_1, record => { record.name = 'F'.repeat(81) }), 'invalid', 'prayer list 1 has a name longer than 80 characters'],
  ['a list without a position', editRecord(LIST_1, record => { record.order = 'first' }), 'invalid', 'prayer list 1 has a position that is not valid'],
  ['a list with a bad date', editRecord(LIST_1 + 1, record => { record.updatedAt = '2026-13-01T08:00:00.000Z' }), 'invalid', 'prayer list 2 has a date it was last changed that is not valid'],
  ['a request whose id is not a request\'s', editRecord(REQUEST_1, record => { record.id = 'req-1' }), 'invalid', 'prayer request 1 has an id that is not valid'],
  ['a request without words', editRecord(REQUEST_1 + 1, record => { record.text = ' \n ' }), 'invalid', 'prayer request 2 has no text'],
  ['a request too long for the app', editRecord(REQUEST_1, record => { record.text = 'x'.repeat(4001) }), 'invalid', 'prayer request 1 has a text longer than 4,000 characters'],
  ['notes too long for the app', editRecord(REQUEST_1, record => { record.notes = 'x'.repeat(4001) }), 'invalid', 'prayer request 1 has notes longer than 4,000 characters'],
  ['a request without its notes', editRecord(REQUEST_1, record => { delete record.notes }), 'invalid', 'prayer request 1 has no notes'],
  ['scripture without its reference', editRecord(REQUEST_1, record => { record.scripture = { quote: 'Be still', reference: ' ' } }), 'invalid', 'prayer request 1 has no reference'],
  ['scripture as plain words', editRecord(REQUEST_1, record => { record.scripture = 'Psalm 46:1' }), 'invalid', 'prayer request 1 has a scripture that is not valid'],
  ['a bad date of archiving', editRecord(REQUEST_1 + 2, record => { record.archivedAt = 'yesterday' }), 'invalid', 'prayer request 3 has a date it was archived that is not valid'],
  ['a request without its date of archiving', editRecord(REQUEST_1, record => { delete record.archivedAt }), 'invalid', 'prayer request 1 has no date it was archived'],
  ['a request whose list id is not a list\'s', editRecord(REQUEST_1, record => { record.listId = 'Family' }), 'invalid', 'prayer request 1 has a list id that is not valid'],
  ['the same request twice', editRecord(REQUEST_1 + 1, record => { record.id = 'req-7a9e0c44-0000-4000-8000-000000000001' }), 'invalid', 'prayer request 2 appears twice'],
  ['a request in a list that is not in the file', editRecord(REQUEST_1 + 1, record => { record.listId = OTHER_LIST }), 'dangling', 'prayer request 2 is in a prayer list that is not in the file'],
  ['a request before its list', lines => { lines.splice(LIST_1, 0, ...lines.splice(REQUEST_1, 1)) }, 'dangling', 'prayer request 1 is in a prayer list that is not in the file'],
  ['an entry about a request that is not in the file', editRecord(REQUEST_ENTRY, record => { record.pointerId = 'req-7a9e0c44-0000-4000-8000-0000000000ff' }), 'dangling', 'journal entry 5 is about a prayer request that is not in the file'],
]

describe('a file with the person\'s own lists and requests that cannot be restored is refused with plain words, and nothing changes', () => {
  it('(the undamaged file does restore, in either mode)', async () => {
    for (const mode of ['merge', 'replace'] as const) {
      await reseed()
      await restoreBackupFile(await v2File(ownLinesWith(() => {})), { mode })
      expect(await snapshotAll(), mode).not.toEqual(before)
    }
  })

  for (const [name, edit, code, clause] of ownCases) {
    it(name, { timeout: 30_000 }, async () => {
      const error = await refusedFileInBothModes(await v2File(ownLinesWith(edit)), before)
      expect({ code: error.code, message: error.message }).toEqual({ code, message: `This backup file is damaged: ${clause}. Nothing was changed.` })
    })
  }

  it('more lists than its header says', async () => {
    const lines = ownLinesWith(() => {}, { counts: { briefings: 3, prayerLists: 1, requests: 3, entries: 6, answers: 3, prayed: 5 } })
    const error = await refusedFileInBothModes(await v2File(lines), before)
    expect(error.message).toBe('This backup file is damaged: it holds more prayer list records than it says. Nothing was changed.')
  })
})

describe('a protected version 2 file', { timeout: 60_000 }, () => {
  const PASS = 'Correct horse'
  async function pieces() {
    return sealedPieces(await v2File(v2Lines(otherData())), PASS)
  }

  it('(is sealed in several chunks, and with the passphrase it does restore)', async () => {
    const { header, frames } = await pieces()
    expect(frames.length).toBeGreaterThan(3)
    await restoreBackupFile(joinFile([header, ...frames]), { mode: 'replace', passphrase: PASS })
    expect(await snapshotAll()).not.toEqual(before)
  })

  const sealedCases: [string, (p: { header: Uint8Array, frames: Uint8Array[] }) => Uint8Array[], string | undefined, BackupErrorCode, string][] = [
    ['without its passphrase', p => [p.header, ...p.frames], undefined, 'needs-passphrase', 'This backup is protected with a passphrase. Enter the passphrase to restore it. Nothing was changed.'],
    ['with the wrong passphrase', p => [p.header, ...p.frames], 'correct horse', 'wrong-passphrase', 'The passphrase does not open this backup. Check it and try again. Nothing was changed.'],
    ['cut off at a chunk boundary', p => [p.header, ...p.frames.slice(0, -1)], PASS, 'truncated', TRUNCATED],
    ['cut off inside a chunk', p => [p.header, ...p.frames.slice(0, -1), p.frames.at(-1)!.slice(0, 10)], PASS, 'truncated', TRUNCATED],
    ['with only its header', p => [p.header], PASS, 'truncated', TRUNCATED],
    ['with two chunks swapped', p => [p.header, p.frames[0]!, p.frames[2]!, p.frames[1]!, ...p.frames.slice(3)], PASS, 'invalid', 'This backup file is damaged: its protected part was changed after it was made. Nothing was changed.'],
    ['with a chunk dropped', p => [p.header, p.frames[0]!, ...p.frames.slice(2)], PASS, 'invalid', 'This backup file is damaged: its protected part was changed after it was made. Nothing was changed.'],
    ['with a byte changed', p => { const frame = p.frames[1]!.slice(); frame[20]! ^= 1; return [p.header, p.frames[0]!, frame, ...p.frames.slice(2)] }, PASS, 'invalid', 'This backup file is damaged: its protected part was changed after it was made. Nothing was changed.'],
    ['with something added after its end', p => [p.header, ...p.frames, p.frames[1]!], PASS, 'invalid', 'This backup file is damaged: something was added after its end. Nothing was changed.'],
    ['with its header changed', p => [new TextEncoder().encode(new TextDecoder().decode(p.header).replace('"chunkBytes":256', '"chunkBytes":257')), ...p.frames], PASS, 'wrong-passphrase', 'The passphrase does not open this backup. Check it and try again. Nothing was changed.'],
    ['with a header that is not valid', p => [new TextEncoder().encode(new TextDecoder().decode(p.header).replace(/"noncePrefix":"[^"]*"/, '"noncePrefix":""')), ...p.frames], PASS, 'invalid', 'This backup file is damaged: it has no protection nonce. Nothing was changed.'],
  ]

  for (const [name, damage, passphrase, code, message] of sealedCases) {
    it(`${name} is refused and changes nothing`, async () => {
      const error = await refusedFileInBothModes(joinFile(damage(await pieces())), before, { passphrase })
      expect(error).toBeInstanceOf(BackupError)
      expect({ code: error.code, message: error.message }).toEqual({ code, message })
    })
  }
})
