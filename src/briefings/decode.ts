/**
 * Bytes of a briefing file -> text. UTF-8 (BOM dropped) as the format asks; UTF-16 when the file
 * starts with its byte-order mark (Windows "Unicode" saves); Windows-1252 when the bytes are not
 * valid UTF-8, so an old editor's curly quotes do not turn into replacement characters.
 */

// Bytes 0x80-0x9F of Windows-1252. Node 20's TextDecoder decodes that label as Latin-1, which leaves
// them as control characters; browsers get them right already, and mapping twice changes nothing.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ'

export function decodeBriefingBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return new TextDecoder('windows-1252').decode(bytes)
      .replace(/[\u0080-\u009f]/g, (char) => CP1252_HIGH.charAt(char.charCodeAt(0) - 0x80))
  }
}
