import { BackupError, isBackupError } from './errors'

/**
 * The lines of a version 2 backup: its bytes gunzipped by the browser (DecompressionStream) and
 * decoded as UTF-8 on the way, handed on a chunk's worth of whole lines at a time. A line never
 * needs the file around it, so memory stays flat however long the journal.
 */

/**
 * Feeds the decompressor by hand, one chunk at a time, to know where it failed: while taking in
 * the middle of the file (damaged), or once it had all of it and found the end missing (cut off).
 * The browsers' own error messages do not say, and differ from one to the next.
 */
function gunzip(bytes: ReadableStream<Uint8Array<ArrayBuffer>>) {
  const decompressor = new DecompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>
  const writer = decompressor.writable.getWriter()
  const state = { ending: false }
  void (async () => {
    const reader = bytes.getReader()
    try {
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) await writer.write(chunk.value)
      state.ending = true
      await writer.close()
    }
    catch (error) {
      // A refusal while reading (a wrong passphrase, a moved file) reaches the reader as it is.
      await writer.abort(error).catch(() => {})
      await reader.cancel(error).catch(() => {})
    }
  })()
  return { readable: decompressor.readable, state }
}

export async function* gzipLines(bytes: ReadableStream<Uint8Array<ArrayBuffer>>): AsyncGenerator<string[], void> {
  const { readable, state } = gunzip(bytes)
  const reader = readable
    .pipeThrough(new TextDecoderStream('utf-8', { fatal: true }) as unknown as ReadableWritablePair<string, Uint8Array<ArrayBuffer>>)
    .getReader()
  let rest = ''
  try {
    for (;;) {
      const { done, value } = await reader.read().catch((error: unknown) => {
        if (isBackupError(error)) throw error
        throw state.ending
          ? new BackupError('truncated')
          : new BackupError('invalid', 'This backup file is damaged: its compressed data is not readable.')
      })
      if (done) break
      const lines = (rest + value).split('\n')
      rest = lines.pop()!
      if (lines.length) yield lines
    }
    if (rest) yield [rest]
  }
  finally {
    // Stopped early (a refusal, or only the header was wanted): stop reading the file too.
    await reader.cancel().catch(() => {})
  }
}
