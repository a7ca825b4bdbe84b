import { BackupError } from './errors'

/** Read a chosen file this much at a time: memory stays flat however large the file is. */
const READ_BYTES = 1024 * 1024

/** Bytes `start` to `end` of a file, in a BackupError when the browser can no longer read it. */
export async function readSlice(file: Blob, start: number, end: number): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await file.slice(start, end).arrayBuffer())
  }
  catch {
    // The file was moved, deleted or changed on disk after it was chosen.
    throw new BackupError('unreadable')
  }
}

/** The file from `start` to its end as a stream, read a slice at a time as it is consumed. */
export function fileBytes(file: Blob, start = 0): ReadableStream<Uint8Array<ArrayBuffer>> {
  let offset = start
  return new ReadableStream<Uint8Array<ArrayBuffer>>({
    async pull(controller) {
      if (offset >= file.size) {
        controller.close()
        return
      }
      const end = Math.min(offset + READ_BYTES, file.size)
      controller.enqueue(await readSlice(file, offset, end))
      offset = end
    },
  }, { highWaterMark: 0 })
}

/** All the chunks of a stream, in order. */
export async function collect(stream: ReadableStream<Uint8Array<ArrayBuffer>>): Promise<Uint8Array<ArrayBuffer>[]> {
  const parts: Uint8Array<ArrayBuffer>[] = []
  const reader = stream.getReader()
  for (let result = await reader.read(); !result.done; result = await reader.read()) parts.push(result.value)
  return parts
}

export function concatBytes(parts: Uint8Array[], size = parts.reduce((sum, part) => sum + part.length, 0)): Uint8Array<ArrayBuffer> {
  const all = new Uint8Array(size)
  let at = 0
  for (const part of parts) {
    all.set(part, at)
    at += part.length
  }
  return all
}
