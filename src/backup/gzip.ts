import type { FromGzip, ToGzip } from './gzip-worker'

/**
 * Text in, gzip of its UTF-8 out, for the export: the browser's own CompressionStream, in a worker
 * (gzip-worker.ts) so that compressing, a quarter of a backup's work, runs on another core while
 * this thread reads the journal and turns it into lines. Where there is no worker (tests) or it
 * does not start, the same CompressionStream runs on this thread: the file is the same either way.
 */
export type TextGzip = ReadableWritablePair<Uint8Array<ArrayBuffer>, string>

/** Texts handed to the worker and not yet taken in: enough to keep it busy, few enough to keep memory flat. */
const IN_FLIGHT = 2

export async function startGzip(): Promise<TextGzip> {
  const worker = await startWorker()
  if (worker) return workerGzip(worker)
  const encode = new TransformStream<string, Uint8Array<ArrayBuffer>>({ transform: (text, bytes) => bytes.enqueue(utf8(text)) })
  return { writable: encode.writable, readable: encode.readable.pipeThrough(new CompressionStream('gzip') as unknown as TransformStream<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>) }
}

const encoder = new TextEncoder()

/**
 * The UTF-8 bytes of `text`, in `spare` when it is large enough. By encodeInto, not encode():
 * Chromium's encode() is several times slower on strings of megabytes (2.9 s against 0.6 s for a
 * journal of 100,000 entries), and a buffer filled again saves allocating one per page.
 */
function utf8(text: string, spare?: ArrayBuffer): Uint8Array<ArrayBuffer> {
  // Lines are mostly ASCII: room for that and a little more, and a second pass only for the rest.
  const size = text.length + (text.length >> 3) + 8
  const bytes = spare && spare.byteLength >= size ? new Uint8Array(spare) : new Uint8Array(size)
  const { read, written } = encoder.encodeInto(text, bytes)
  if (read === text.length) return bytes.subarray(0, written)
  const all = new Uint8Array(written + (text.length - read) * 3)
  all.set(bytes.subarray(0, written))
  return all.subarray(0, written + encoder.encodeInto(text.slice(read), all.subarray(written)).written)
}

async function startWorker(): Promise<Worker | null> {
  if (typeof Worker === 'undefined') return null
  try {
    const worker = new Worker(new URL('./gzip-worker.ts', import.meta.url), { type: 'module' })
    const started = await new Promise<boolean>((resolve) => {
      worker.onmessage = ({ data }: MessageEvent<FromGzip>) => resolve(data === 'ready')
      worker.onerror = () => resolve(false)
    })
    if (started) return worker
    worker.terminate()
  }
  catch {
    // No worker here (a browser's policy, or an old browser): compress on this thread.
  }
  return null
}

function workerGzip(worker: Worker): TextGzip {
  /** Buffers the worker gave back, to fill with the next texts. */
  const spares: ArrayBuffer[] = []
  let waiting = 0
  let taken: (() => void) | null = null
  let failure: Error | null = null
  const end = (error?: Error) => {
    failure ??= error ?? null
    worker.terminate()
    taken?.()
  }
  const readable = new ReadableStream<Uint8Array<ArrayBuffer>>({
    start(controller) {
      const fail = (reason: string) => {
        const error = new Error(`Could not compress the backup: ${reason}`)
        controller.error(error)
        end(error)
      }
      worker.onmessage = ({ data }: MessageEvent<FromGzip>) => {
        if (data === 'done') {
          controller.close()
          end()
        }
        else if (data === 'ready') return
        else if ('gzip' in data) controller.enqueue(data.gzip)
        else if ('taken' in data) {
          waiting--
          spares.push(data.taken)
          taken?.()
        }
        else fail(data.error)
      }
      worker.onerror = () => fail('the compressor stopped.')
    },
    // What reads the gzip gave up (sealing failed): the writes must fail too, not wait for the worker.
    cancel: reason => end(reason instanceof Error ? reason : new Error('Could not make the backup file.')),
  })
  const send = (message: ToGzip, transfer: Transferable[] = []) => worker.postMessage(message, transfer)
  const writable = new WritableStream<string>({
    async write(text) {
      if (failure) throw failure
      const bytes = utf8(text, spares.pop())
      send({ buffer: bytes.buffer, length: bytes.length }, [bytes.buffer])
      waiting++
      while (waiting >= IN_FLIGHT && !failure) await new Promise<void>(resolve => taken = resolve)
      if (failure) throw failure
    },
    close() {
      if (failure) throw failure
      send(null)
    },
    abort: () => end(),
  })
  return { readable, writable }
}
