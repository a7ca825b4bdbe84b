/** The few pieces of iCalendar (RFC 5545) that a calendar file made on the device needs. */

const encoder = new TextEncoder()

/** A TEXT value with its backslashes, semicolons, commas and line breaks escaped (RFC 5545 §3.3.11). */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
}

/**
 * One content line folded into lines of at most 75 octets, each continuation starting with a space
 * (§3.1). Octets, not characters: the fold never splits a character's UTF-8 bytes.
 */
export function foldLine(line: string): string {
  const lines: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = encoder.encode(char).length
    if (octets + size > 75) {
      lines.push(current)
      current = ' '
      octets = 1
    }
    current += char
    octets += size
  }
  lines.push(current)
  return lines.join('\r\n')
}

/** Content lines joined into a file: folded, every one ending in CRLF. */
export function calendarText(lines: string[]): string {
  return lines.map(line => `${foldLine(line)}\r\n`).join('')
}

/** A UTC DATE-TIME, '20270328T013000Z'. */
export function utcStamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '')
}

/** A local DATE-TIME with no zone (floating), '20270328T023000', from 'YYYY-MM-DD' and 'HH:MM'. */
export function floatingStamp(day: string, time: string): string {
  return `${day.replace(/-/g, '')}T${time.replace(':', '')}00`
}
