import { inflateSync } from 'node:zlib'

export interface Pixels {
  width: number
  height: number
  /** Samples per pixel: 3 (RGB) or 4 (RGBA). */
  channels: number
  /** Row after row, unfiltered. */
  data: Uint8Array
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's screenshots write). */
export function decodePng(bytes: Buffer): Pixels {
  const width = bytes.readUInt32BE(16)
  const height = bytes.readUInt32BE(20)
  const channels = ({ 2: 3, 6: 4 } as Record<number, number>)[bytes.readUInt8(25)]
  if (bytes.readUInt8(24) !== 8 || !channels || bytes.readUInt8(28) !== 0) throw new Error('Only 8-bit, non-interlaced RGB or RGBA PNGs are decoded here.')
  const chunks: Buffer[] = []
  for (let at = 8; at < bytes.length;) {
    const length = bytes.readUInt32BE(at)
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') chunks.push(bytes.subarray(at + 8, at + 8 + length))
    at += length + 12
  }
  const raw = inflateSync(Buffer.concat(chunks))
  const stride = width * channels
  const data = new Uint8Array(height * stride)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)]!
    for (let x = 0; x < stride; x++) {
      const value = raw[y * (stride + 1) + 1 + x]!
      const left = x >= channels ? data[y * stride + x - channels]! : 0
      const up = y > 0 ? data[(y - 1) * stride + x]! : 0
      const upLeft = x >= channels && y > 0 ? data[(y - 1) * stride + x - channels]! : 0
      data[y * stride + x] = (value + unfilter(filter, left, up, upLeft)) & 0xff
    }
  }
  return { width, height, channels, data }
}

function unfilter(filter: number, left: number, up: number, upLeft: number): number {
  if (filter === 0) return 0
  if (filter === 1) return left
  if (filter === 2) return up
  if (filter === 3) return (left + up) >> 1
  const estimate = left + up - upLeft
  const [toLeft, toUp, toUpLeft] = [Math.abs(estimate - left), Math.abs(estimate - up), Math.abs(estimate - upLeft)]
  if (toLeft <= toUp && toLeft <= toUpLeft) return left
  return toUp <= toUpLeft ? up : upLeft
}
