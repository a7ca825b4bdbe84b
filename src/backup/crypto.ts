import { BackupError } from './errors'
import { FORMAT_V1, type EncryptedBackupFile } from './format'

/**
 * Passphrase protection for backup files, with the browser's own Web Crypto:
 * PBKDF2-HMAC-SHA-256 (OWASP 2023: 600,000 iterations) turns the passphrase into an
 * AES-GCM 256-bit key; every file gets its own random 16-byte salt and 12-byte IV.
 * (This is version 1's single-block encryption, kept to restore old files and to make them in
 * tests; version 2 encrypts in chunks, chunked-crypto.ts, with the same key derivation.)
 * AES-GCM is authenticated, so a wrong passphrase and a tampered file are both refused.
 */
export const PBKDF2_ITERATIONS = 600_000
export const SALT_BYTES = 16
const IV_BYTES = 12

export function toBase64(bytes: Uint8Array): string {
  let binary = ''
  // In chunks: spreading millions of bytes into one call overflows the stack.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  let binary: string
  try {
    binary = atob(text)
  }
  catch {
    throw new BackupError('invalid', 'This backup file is damaged: its protected part is not readable.')
  }
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

export async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  // The same passphrase typed on another device may arrive in another Unicode form.
  const secret = new TextEncoder().encode(passphrase.normalize('NFC'))
  const material = await crypto.subtle.importKey('raw', secret, 'PBKDF2', false, ['deriveKey'])
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  )
}

export async function encryptBackup(json: string, passphrase: string): Promise<EncryptedBackupFile> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES))
  const key = await deriveKey(passphrase, salt, PBKDF2_ITERATIONS)
  const ciphertext = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(json))
  return {
    app: 'selah',
    kind: 'encrypted-backup',
    formatVersion: FORMAT_V1,
    encryption: {
      cipher: 'AES-GCM',
      kdf: 'PBKDF2-SHA-256',
      iterations: PBKDF2_ITERATIONS,
      salt: toBase64(salt),
      iv: toBase64(iv),
    },
    ciphertext: toBase64(new Uint8Array(ciphertext)),
  }
}

/** The JSON inside an encrypted backup. A wrong passphrase (or a tampered file) is a BackupError 'wrong-passphrase'. */
export async function decryptBackup(file: EncryptedBackupFile, passphrase: string): Promise<string> {
  const { iterations } = file.encryption
  const salt = fromBase64(file.encryption.salt)
  const iv = fromBase64(file.encryption.iv)
  const ciphertext = fromBase64(file.ciphertext)
  if (salt.length === 0 || iv.length === 0) throw new BackupError('invalid', 'This backup file is damaged: its protection details are missing.')
  let key: CryptoKey
  try {
    key = await deriveKey(passphrase, salt, iterations)
  }
  catch {
    throw new BackupError('invalid', 'This backup file is damaged: its protection details are not valid.')
  }
  let plain: ArrayBuffer
  try {
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv }, key, ciphertext)
  }
  catch {
    throw new BackupError('wrong-passphrase')
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(plain)
  }
  catch {
    throw new BackupError('invalid', 'This backup file is damaged: its protected part is not readable.')
  }
}
