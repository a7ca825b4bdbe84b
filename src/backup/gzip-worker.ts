/**
 * The far end of gzip.ts: compresses what the page sends with the browser's own CompressionStream,
 * on this worker's thread. In: the first `length` bytes of each buffer (transferred), then null at
 * the end. Out: 'ready' once started, each buffer given back once taken in (for the page to fill
 * again), the compressed bytes as they come (transferred), 'done' after the last, or an error.
 */
export type ToGzip = { buffer: ArrayBuffer, length: number } | null
export type FromGzip = 'ready' | 'done' | { taken: ArrayBuffer } | { gzip: Uint8Array<ArrayBuffer> } | { error: string }

const say = (message: FromGzip, transfer: Transferable[] = []) => self.postMessage(message, { transfer })
const fail = (error: unknown) => say({ error: error instanceof Error ? error.message : String(error) })

const gzip = new CompressionStream('gzip') as unknown as ReadableWritablePair<Uint8Array<ArrayBuffer>, Uint8Array<ArrayBuffer>>
const writer = gzip.writable.getWriter()

self.onmessage = ({ data }: MessageEvent<ToGzip>) => {
  if (data === null) writer.close().catch(fail)
  else writer.write(new Uint8Array(data.buffer, 0, data.length)).then(() => say({ taken: data.buffer }, [data.buffer]), fail)
}

void (async () => {
  const reader = gzip.readable.getReader()
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) say({ gzip: chunk.value }, [chunk.value.buffer])
  say('done')
})().catch(fail)

say('ready')
