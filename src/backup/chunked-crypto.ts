import { concatBytes, readSlice } from './bytes'
import { deriveKey, fromBase64, PBKDF2_ITERATIONS, SALT_BYTES, toBase64 } from './crypto'
import { BackupError } from './errors'
import { FORMAT_V2 } from './format'
import { CHUNK_BYTES, NONCE_PREFIX_BYTES, type EncryptedHeader } from './format-v2'

/**
 * Version 2 passphrase protection, a chunk at a time (format-v2.ts has the layout): the same
 * PBKDF2 key as version 1, but the file is sealed in 1 MiB chunks so that neither making nor
 * restoring it needs the whole file in memory, and any chunk cut off, dropped or moved is caught.
 */
const TAG_BYTES = 16

function chunkIv(prefix: Uint8Array, index: number, final: boolean): Uint8Array<ArrayBuffer> {
  const iv = new Uint8Array(12)
  iv.set(prefix)
  new DataView(iv.buffer).setUint32(NONCE_PREFIX_BYTES, index)
  iv[11] = final ? 1 : 0
  return iv
}

export interface Sealing {
  /** The header line, in the clear, that starts the file. */
  headerLine: Uint8Array<ArrayBuffer>
  /** Turns the plain file's bytes into sealed, length-prefixed chunks. */
  seal: TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>
}

/**
 * Prepares the sealing of one new file. The key (the slow part) is derived by Web Crypto off this
 * thread while the journal is read: only the first chunk to seal waits for it.
 */
export async function startSealing(passphrase: string, chunkBytes = CHUNK_BYTES): Promise<Sealing> {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES))
  const prefix = crypto.getRandomValues(new Uint8Array(NONCE_PREFIX_BYTES))
  const key = deriveKey(passphrase, salt, PBKDF2_ITERATIONS)
  // Awaited by every chunk; a failure reaches the file through the first one.
  key.catch(() => {})
  const header: EncryptedHeader = {
    app: 'selah',
    kind: 'encrypted-backup',
    formatVersion: FORMAT_V2,
    encryption: {
      cipher: 'AES-GCM', kdf: 'PBKDF2-SHA-256', iterations: PBKDF2_ITERATIONS,
      salt: toBase64(salt), noncePrefix: toBase64(prefix), chunkBytes,
    },
  }
  const additionalData = new TextEncoder().encode(JSON.stringify(header))
  let index = 0
  async function sealChunk(plain: Uint8Array<ArrayBuffer>, final: boolean) {
    const iv = chunkIv(prefix, index++, final)
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData }, await key, plain))
    const frame = new Uint8Array(4 + sealed.length)
    new DataView(frame.buffer).setUint32(0, sealed.length)
    frame.set(sealed, 4)
    return frame
  }
  let parts: Uint8Array[] = []
  let size = 0
  const seal = new TransformStream<Uint8Array, Uint8Array<ArrayBuffer>>({
    async transform(chunk, controller) {
      parts.push(chunk)
      size += chunk.length
      // Strictly more than a chunk: the last chunk must be sealed as the last, in flush().
      while (size > chunkBytes) {
        const all = concatBytes(parts, size)
        controller.enqueue(await sealChunk(all.subarray(0, chunkBytes), false))
        parts = [all.subarray(chunkBytes)]
        size -= chunkBytes
      }
    },
    async flush(controller) {
      controller.enqueue(await sealChunk(concatBytes(parts, size), true))
    },
  })
  return { headerLine: concatBytes([additionalData, new Uint8Array([10])]), seal }
}

export interface Unsealing {
  key: CryptoKey
  prefix: Uint8Array
  additionalData: Uint8Array<ArrayBuffer>
  chunkBytes: number
  /** Where the first sealed chunk starts. */
  bodyStart: number
}

/** The key for a file's header line (the slow part): once per restore, however often the file is read. */
export async function startUnsealing(header: EncryptedHeader, headerBytes: Uint8Array<ArrayBuffer>, passphrase: string): Promise<Unsealing> {
  const salt = fromBase64(header.encryption.salt)
  const prefix = fromBase64(header.encryption.noncePrefix)
  if (salt.length === 0 || prefix.length !== NONCE_PREFIX_BYTES) throw new BackupError('invalid', 'This backup file is damaged: its protection details are not valid.')
  let key: CryptoKey
  try {
    key = await deriveKey(passphrase, salt, header.encryption.iterations)
  }
  catch {
    throw new BackupError('invalid', 'This backup file is damaged: its protection details are not valid.')
  }
  return { key, prefix, additionalData: headerBytes, chunkBytes: header.encryption.chunkBytes, bodyStart: headerBytes.length + 1 }
}

async function open(unsealing: Unsealing, sealed: Uint8Array<ArrayBuffer>, index: number, final: boolean): Promise<Uint8Array<ArrayBuffer>> {
  const attempt = (last: boolean) => crypto.subtle.decrypt(
    { name: 'AES-GCM', iv: chunkIv(unsealing.prefix, index, last), additionalData: unsealing.additionalData }, unsealing.key, sealed,
  ).then(plain => new Uint8Array(plain), () => null)
  const plain = await attempt(final)
  if (plain) return plain
  // Opens as the other kind of chunk: the passphrase is right, but the file ends in the wrong place.
  if (await attempt(!final)) throw new BackupError(final ? 'truncated' : 'invalid', final ? undefined : 'This backup file is damaged: something was added after its end.')
  if (index === 0) throw new BackupError('wrong-passphrase')
  throw new BackupError('invalid', 'This backup file is damaged: its protected part was changed after it was made.')
}

/** The plain file inside a sealed one, as a stream, chunk by chunk, each checked as it is opened. */
export function unsealedBytes(file: Blob, unsealing: Unsealing): ReadableStream<Uint8Array<ArrayBuffer>> {
  let offset = unsealing.bodyStart
  let index = 0
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      if (offset + 4 > file.size) throw new BackupError('truncated')
      const length = new DataView((await readSlice(file, offset, offset + 4)).buffer).getUint32(0)
      if (length < TAG_BYTES || length > unsealing.chunkBytes + TAG_BYTES) {
        throw new BackupError('invalid', 'This backup file is damaged: its protected part is not readable.')
      }
      const end = offset + 4 + length
      if (end > file.size) throw new BackupError('truncated')
      const final = end === file.size
      const plain = await open(unsealing, await readSlice(file, offset + 4, end), index++, final)
      offset = end
      controller.enqueue(plain)
      if (final) controller.close()
    },
  }, { highWaterMark: 0 })
}
