import { describe, expect, it } from 'vitest'
import { PBKDF2_ITERATIONS, decryptBackup, encryptBackup } from '~/backup/crypto'
import { BackupError } from '~/backup/errors'
import type { EncryptedBackupFile } from '~/backup/format'

// 600,000 PBKDF2 rounds per key: on a busy machine that must not hit the default 5 s limit.
const SLOW = { timeout: 60_000 }

const bytes = (base64: string) => atob(base64).length

describe('encryptBackup', SLOW, () => {
  it('uses AES-GCM with a PBKDF2 key, a fresh 16-byte salt and a fresh 12-byte IV', async () => {
    const a = await encryptBackup('{"words":"secret"}', 'pass')
    const b = await encryptBackup('{"words":"secret"}', 'pass')
    expect(a).toMatchObject({
      app: 'selah', kind: 'encrypted-backup', formatVersion: 1,
      encryption: { cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS },
    })
    expect(PBKDF2_ITERATIONS).toBe(600_000)
    expect(bytes(a.encryption.salt)).toBe(16)
    expect(bytes(a.encryption.iv)).toBe(12)
    expect(a.encryption.salt).not.toBe(b.encryption.salt)
    expect(a.encryption.iv).not.toBe(b.encryption.iv)
    expect(a.ciphertext).not.toBe(b.ciphertext)
    // 18 bytes of text and a 16-byte authentication tag.
    expect(bytes(a.ciphertext)).toBe(18 + 16)
  })

  it('round trips a large journal with every kind of character', async () => {
    const json = JSON.stringify({ text: 'Ünïcödé 🙏 «ждём» أطفال\n'.repeat(40_000) })
    const file = await encryptBackup(json, 'long passphrase')
    expect(await decryptBackup(file, 'long passphrase')).toBe(json)
  })
})

describe('decryptBackup', SLOW, () => {
  async function refusal(file: EncryptedBackupFile, passphrase: string) {
    const error = await decryptBackup(file, passphrase).catch((reason: unknown) => reason)
    expect(error).toBeInstanceOf(BackupError)
    return (error as BackupError).code
  }

  it('refuses a wrong passphrase', async () => {
    const file = await encryptBackup('{}', 'Pass')
    expect(await refusal(file, 'pass')).toBe('wrong-passphrase')
    expect(await refusal(file, '')).toBe('wrong-passphrase')
  })

  it('refuses a file changed after it was made', async () => {
    const file = await encryptBackup('{"note":"answered"}', 'pass')
    const raw = atob(file.ciphertext)
    const flipped = String.fromCharCode(raw.charCodeAt(0) ^ 1) + raw.slice(1)
    expect(await refusal({ ...file, ciphertext: btoa(flipped) }, 'pass')).toBe('wrong-passphrase')
    expect(await refusal({ ...file, encryption: { ...file.encryption, iterations: 599_999 } }, 'pass')).toBe('wrong-passphrase')
  })

  it('accepts the same passphrase typed in another Unicode form', async () => {
    const composed = 'café'.normalize('NFC')
    const decomposed = 'café'.normalize('NFD')
    expect(composed).not.toBe(decomposed)
    const file = await encryptBackup('{"ok":true}', composed)
    expect(await decryptBackup(file, decomposed)).toBe('{"ok":true}')
  })

  it('says a file whose protected part is not base64 is damaged', async () => {
    const file = await encryptBackup('{}', 'pass')
    expect(await refusal({ ...file, ciphertext: 'not base64!' }, 'pass')).toBe('invalid')
  })
})
