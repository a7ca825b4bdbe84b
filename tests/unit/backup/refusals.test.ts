import { beforeEach, describe, expect, it } from 'vitest'
import { encryptBackup } from '~/backup/crypto'
import { importBackup, inspectBackup, readBackup, restoreBackup } from '~/backup/import'
import { BackupError, type BackupErrorCode } from '~/backup/errors'
import { MAX_V1_BACKUP_BYTES, type BackupFile } from '~/backup/format'
import { useFreshDatabase } from '../db/helpers'
import { backupText, requestJournal, sampleData, sudan } from './fixtures'
import { MODES, refusedInBothModes, reseed, seededSnapshot, snapshotAll, type Snapshot } from './refused-restore'

useFreshDatabase()

let before: Snapshot
beforeEach(async () => {
  before = await seededSnapshot()
})

/** Other people's journal, ready to restore: the refusals below damage it in one place each. */
function otherData() {
  const data = sampleData()
  data.entries = data.entries.map((row, i) => ({ ...row, id: `other-${i}`, text: `${row.text} (other phone)` }))
  return data
}

function withEntries(edit: (entries: Record<string, unknown>[]) => void): string {
  const data = otherData()
  const entries = data.entries as unknown as Record<string, unknown>[]
  edit(entries)
  return backupText(data)
}

/** A file with the person's own lists and requests (which version 1 files never had, but may hold). */
function withOwn(edit: (data: ReturnType<typeof requestJournal>) => void): string {
  const data = requestJournal()
  data.entries = data.entries.map((row, i) => ({ ...row, id: `other-${i}` }))
  edit(data)
  return backupText(data)
}

/**
 * The file is refused when read (the words Settings shows on choosing it), and again when restored
 * in either mode, with the same words, and no row of any table changes.
 */
async function refusal(text: string, passphrase?: string): Promise<BackupError> {
  expect(() => inspectBackup(text)).toThrow(BackupError)
  const error = await readBackup(text, passphrase).then(() => null, (reason: unknown) => reason)
  expect(error).toBeInstanceOf(BackupError)
  const { code, message } = error as BackupError
  for (const refused of await refusedInBothModes(text, before, { passphrase })) {
    expect({ code: refused.code, message: refused.message }).toEqual({ code, message })
  }
  return error as BackupError
}

const cases: [string, () => string, BackupErrorCode, string][] = [
  ['an empty file', () => '', 'empty', 'This file is empty, so there is nothing to restore. Nothing was changed.'],
  ['a file of blank lines', () => '\n  \n\t', 'empty', 'This file is empty, so there is nothing to restore. Nothing was changed.'],
  // Read as one text: files that large are refused by the file's size before (refusals-v2.test.ts).
  ['a text over 400 MB', () => ' '.repeat(MAX_V1_BACKUP_BYTES + 1), 'too-large', 'This backup file is too large to restore: backups made by older versions of Selah can be restored up to 400 MB. Nothing was changed.'],
  ['plain text', () => 'Dear diary', 'not-json', 'This file is not a Selah backup: it is not in the backup format. Nothing was changed.'],
  ['a web page', () => '<!doctype html><html></html>', 'not-json', 'This file is not a Selah backup: it is not in the backup format. Nothing was changed.'],
  ['broken JSON that is not cut off', () => '{"app": "selah", oops}', 'not-json', 'This file is not a Selah backup: it is not in the backup format. Nothing was changed.'],
  ['a backup cut off halfway', () => { const text = backupText(otherData()); return text.slice(0, text.length / 2) }, 'truncated', 'This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.'],
  ['a backup cut off inside a string', () => backupText(otherData()).split('Kyiv')[0]!, 'truncated', 'This backup file is incomplete: it seems to have been cut off while it was saved or copied. Nothing was changed.'],
  ['JSON from another app', () => '{"version": 3, "notes": []}', 'other-app', 'This file is not a Selah backup. Nothing was changed.'],
  ['a JSON list', () => '[1, 2, 3]', 'other-app', 'This file is not a Selah backup. Nothing was changed.'],
  ['the Selah feed', () => '{"format": "selah-feed", "version": 1, "briefings": []}', 'other-app', 'This file is not a Selah backup. Nothing was changed.'],
  ['another Selah file', () => '{"app": "selah", "kind": "settings"}', 'other-app', 'This is a Selah file, but not a backup. Nothing was changed.'],
  ['a newer backup format', () => backupText(otherData(), { formatVersion: 3, data: 'whatever it became' }), 'newer-version', 'This backup was made by a newer version of Selah. Update Selah (reload the page) and try again. Nothing was changed.'],
  ['a newer database', () => backupText(otherData(), { schemaVersion: 99 }), 'newer-version', 'This backup was made by a newer version of Selah. Update Selah (reload the page) and try again. Nothing was changed.'],
  ['an entry without words', () => withEntries(entries => { entries[2]!.text = '  \n ' }), 'invalid', 'This backup file is damaged: journal entry 3 has no text. Nothing was changed.'],
  ['an entry with its text missing', () => withEntries(entries => { delete entries[1]!.text }), 'invalid', 'This backup file is damaged: journal entry 2 has no text. Nothing was changed.'],
  ['an entry with a bad date', () => withEntries(entries => { entries[0]!.createdAt = 'last Tuesday' }), 'invalid', 'This backup file is damaged: journal entry 1 has a date it was written that is not valid. Nothing was changed.'],
  ['an entry written on 30 February', () => withEntries(entries => { entries[0]!.createdAt = '2025-02-30T10:00:00.000Z' }), 'invalid', 'This backup file is damaged: journal entry 1 has a date it was written that is not valid. Nothing was changed.'],
  ['a time in another form than Selah writes', () => withEntries(entries => { entries[3]!.editedAt = '2025-11-03T07:45:00+01:00' }), 'invalid', 'This backup file is damaged: journal entry 4 has a date it was last edited that is not valid. Nothing was changed.'],
  ['a pointer without text', () => { const data = otherData(); (data.briefings[1]!.pointers[1] as { text: unknown }).text = 42; return backupText(data) }, 'invalid', 'This backup file is damaged: briefing 2, pointer 2 has a text that is not valid. Nothing was changed.'],
  ['a missing list of entries', () => { const data = otherData() as Partial<ReturnType<typeof otherData>>; delete data.entries; return backupText(data as ReturnType<typeof otherData>) }, 'invalid', 'This backup file is damaged: the list of journal entries is missing or not valid. Nothing was changed.'],
  ['an entry that is not a record', () => withEntries(entries => { entries[3] = 'hello' as unknown as Record<string, unknown> }), 'invalid', 'This backup file is damaged: journal entry 4 is not valid. Nothing was changed.'],
  ['the same entry twice', () => withEntries(entries => { entries.push({ ...entries[0]! }) }), 'invalid', 'This backup file is damaged: journal entry 5 appears twice. Nothing was changed.'],
  ['an entry of a briefing not in the file', () => withEntries(entries => { entries[1]!.briefingId = 'gone-briefing'; entries[1]!.pointerId = 'gone-briefing-p1' }), 'dangling', 'This backup file is damaged: journal entry 2 belongs to a briefing that is not in the file. Nothing was changed.'],
  ['an entry pointing into another briefing', () => withEntries(entries => { entries[0]!.pointerId = `${sudan.id}-p1` }), 'dangling', 'This backup file is damaged: journal entry 1 points at a prayer pointer of another briefing. Nothing was changed.'],
  ['an answered note of a briefing not in the file', () => { const data = otherData(); data.briefings = data.briefings.filter(b => b.id !== sudan.id); data.entries = data.entries.filter(e => e.briefingId !== sudan.id); data.prayed = []; return backupText(data) }, 'dangling', 'This backup file is damaged: answered note 2 belongs to a briefing that is not in the file. Nothing was changed.'],
  ['an entry written in month 13', () => withEntries(entries => { entries[0]!.createdAt = '2025-13-01T10:00:00.000Z' }), 'invalid', 'This backup file is damaged: journal entry 1 has a date it was written that is not valid. Nothing was changed.'],
  ['a list without a name', () => withOwn(data => { data.prayerLists[1]!.name = '' }), 'invalid', 'This backup file is damaged: prayer list 2 has no name. Nothing was changed.'],
  ['a request in a list not in the file', () => withOwn(data => { data.prayerLists.pop() }), 'dangling', 'This backup file is damaged: prayer request 2 is in a prayer list that is not in the file. Nothing was changed.'],
  ['an answered note about a request not in the file', () => withOwn(data => { data.requests.pop() }), 'dangling', 'This backup file is damaged: answered note 3 is about a prayer request that is not in the file. Nothing was changed.'],
]

describe('a file that cannot be restored is refused with plain words, and nothing changes', () => {
  it('(the undamaged file does restore, and changes the database in either mode, so a refusal that got through would show)', async () => {
    for (const mode of MODES) {
      await reseed()
      await restoreBackup(backupText(otherData()), { mode })
      expect(await snapshotAll(), mode).not.toEqual(before)
    }
  })

  for (const [name, make, code, message] of cases) {
    it(name, async () => {
      const error = await refusal(make())
      expect(error.code).toBe(code)
      expect(error.message).toBe(message)
    })
  }

  it('a damaged encrypted file is refused too', async () => {
    const text = JSON.stringify({
      app: 'selah', kind: 'encrypted-backup', formatVersion: 1,
      encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: 1000, salt: 'c2FsdHNhbHRzYWx0c2FsdA==' },
      ciphertext: 'AAAA',
    })
    const error = await refusal(text, 'pass')
    expect(error.code).toBe('invalid')
    expect(error.message).toBe('This backup file is damaged: it has no protection nonce. Nothing was changed.')
  })
})

describe('a protected backup', { timeout: 60_000 }, () => {
  // As Settings runs it: the file was inspected on choosing it, then restored with what was typed.
  async function protectedRefusal(passphrase?: string): Promise<BackupError> {
    const text = JSON.stringify(await encryptBackup(backupText(otherData()), 'Correct horse'))
    const inspected = inspectBackup(text)
    expect(inspected).toEqual({ encrypted: true })
    const [merge, replace] = await refusedInBothModes(text, before, { passphrase, inspected })
    expect({ code: replace!.code, message: replace!.message }).toEqual({ code: merge!.code, message: merge!.message })
    return merge!
  }

  it('without its passphrase is refused and changes nothing', async () => {
    const error = await protectedRefusal()
    expect(error.code).toBe('needs-passphrase')
    expect(error.message).toBe('This backup is protected with a passphrase. Enter the passphrase to restore it. Nothing was changed.')
  })

  it('with the wrong passphrase is refused and changes nothing', async () => {
    const error = await protectedRefusal('correct horse')
    expect(error.code).toBe('wrong-passphrase')
    expect(error.message).toBe('The passphrase does not open this backup. Check it and try again. Nothing was changed.')
  })

  it('(with the right passphrase it does restore)', async () => {
    const text = JSON.stringify(await encryptBackup(backupText(otherData()), 'Correct horse'))
    await restoreBackup(text, { mode: 'replace', passphrase: 'Correct horse', inspected: inspectBackup(text) })
    expect(await snapshotAll()).not.toEqual(before)
  })
})

describe('a file that fails late', () => {
  function longFile() {
    const data = otherData()
    const template = data.entries[0]!
    data.entries = Array.from({ length: 60 }, (_, i) => ({ ...template, id: `late-${i}`, text: `Entry ${i}` }))
    return data
  }

  it('with one bad record near the end is refused before anything is written', async () => {
    const data = longFile()
    ;(data.entries[57] as { editedAt: unknown }).editedAt = 12
    const error = await refusal(backupText(data))
    expect(error.message).toBe('This backup file is damaged: journal entry 58 has a date it was last edited that is not valid. Nothing was changed.')
  })

  it('is refused by importBackup itself, in both modes, even when handed over unchecked', async () => {
    const data = longFile()
    ;(data.prayed[2] as { briefingId: string }).briefingId = 'nowhere'
    const unchecked = JSON.parse(backupText(data)) as BackupFile
    for (const mode of MODES) {
      const error = await importBackup(unchecked, mode).catch((reason: unknown) => reason)
      expect(error, mode).toBeInstanceOf(BackupError)
      expect((error as BackupError).code).toBe('dangling')
      expect((error as BackupError).message).toBe('This backup file is damaged: prayed record 3 belongs to a briefing that is not in the file. Nothing was changed.')
      expect(await snapshotAll(), `${mode}: the database after the refusal`).toEqual(before)
    }
  })
})

describe('importBackup handed any refused file unchecked', () => {
  // Whatever reaches importBackup without passing through readBackup is checked again there.
  const objects = cases.flatMap(([name, make]) => {
    try {
      return [[name, JSON.parse(make()) as unknown] as const]
    }
    catch {
      return []
    }
  })

  it('covers every refusal that is JSON at all', () => {
    const firstJson = cases.findIndex(([name]) => name === 'JSON from another app')
    expect(objects.map(([name]) => name)).toEqual(cases.slice(firstJson).map(([name]) => name))
  })

  for (const [name, value] of objects) {
    it(`refuses ${name} in both modes and changes nothing`, async () => {
      for (const mode of MODES) {
        const error = await importBackup(value as BackupFile, mode).catch((reason: unknown) => reason)
        expect(error, mode).toBeInstanceOf(BackupError)
        expect((error as BackupError).message).toMatch(/^[A-Z][^\n]*\. Nothing was changed\.$/)
        expect(await snapshotAll(), `${mode}: the database after the refusal`).toEqual(before)
      }
    })
  }
})
