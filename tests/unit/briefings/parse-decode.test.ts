import { describe, expect, it } from 'vitest'
import { decodeBriefingBytes } from '~/briefings/decode'

describe('decodeBriefingBytes', () => {
  const text = 'God’s “peace”'

  it('reads UTF-8 and drops its byte-order mark', () => {
    const bytes = new TextEncoder().encode(text)
    expect(decodeBriefingBytes(bytes)).toBe(text)
    expect(decodeBriefingBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]))).toBe(text)
  })

  it('reads UTF-16 files that start with a byte-order mark', () => {
    const units = [...text].map((char) => char.charCodeAt(0))
    const le = new Uint8Array([0xff, 0xfe, ...units.flatMap((unit) => [unit & 0xff, unit >> 8])])
    const be = new Uint8Array([0xfe, 0xff, ...units.flatMap((unit) => [unit >> 8, unit & 0xff])])
    expect(decodeBriefingBytes(le)).toBe(text)
    expect(decodeBriefingBytes(be)).toBe(text)
  })

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    expect(decodeBriefingBytes(new Uint8Array([0x47, 0x6f, 0x64, 0x92, 0x73, 0x20, 0x93, 0x70, 0x94]))).toBe('God’s “p”')
  })
})
