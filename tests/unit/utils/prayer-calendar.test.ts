import { describe, expect, it } from 'vitest'
import { calendarText, escapeText, floatingStamp, foldLine, utcStamp } from '~/utils/ics'
import { prayerCalendar } from '~/utils/prayer-calendar'

/** The file's lines with folds undone, as a calendar reads them. */
function unfolded(text: string): string[] {
  return text.replace(/\r\n /g, '').split('\r\n').slice(0, -1)
}

describe('iCalendar pieces', () => {
  it('escapes backslashes, semicolons, commas and every kind of line break', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf\rg')).toBe('a\\\\b\\;c\\,d\\ne\\nf\\ng')
    expect(escapeText('Plain words: fine.')).toBe('Plain words: fine.')
  })

  it('folds at 75 octets with a leading space, never inside a character', () => {
    expect(foldLine('x'.repeat(75))).toBe('x'.repeat(75))
    expect(foldLine('x'.repeat(76))).toBe(`${'x'.repeat(75)}\r\n x`)
    expect(foldLine('x'.repeat(200)).split('\r\n').map(line => line.length)).toEqual([75, 75, 52])
    // 'é' is two octets: 74 + 2 would be 76, so it moves to the next line whole.
    const folded = foldLine(`${'x'.repeat(74)}é`)
    expect(folded).toBe(`${'x'.repeat(74)}\r\n é`)
    const encoder = new TextEncoder()
    for (const line of foldLine('🙏'.repeat(60)).split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75)
  })

  it('ends every line, the last too, with CRLF', () => {
    expect(calendarText(['A', 'B'])).toBe('A\r\nB\r\n')
  })

  it('writes UTC and floating date-times', () => {
    expect(utcStamp(new Date('2027-03-28T01:30:05.123Z'))).toBe('20270328T013005Z')
    expect(floatingStamp('2027-03-28', '07:15')).toBe('20270328T071500')
  })
})

describe('prayerCalendar', () => {
  const now = new Date('2026-12-03T09:00:00Z')

  it('is one daily event with an alarm at its start, line by line', () => {
    const text = prayerCalendar({ time: '07:15', now, timeZone: 'Europe/London' })
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true)
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/)
    expect(unfolded(text)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//Selah//Prayer journal//EN',
      'CALSCALE:GREGORIAN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:daily-prayer-time@selah-prayer-journal',
      'DTSTAMP:20261203T090000Z',
      // 07:15 has passed at 09:00 in London: the first one is tomorrow.
      'DTSTART:20261204T071500',
      'DURATION:PT15M',
      'RRULE:FREQ=DAILY',
      'SUMMARY:Pray with Selah',
      'DESCRIPTION:Time to pray. Open Selah on this device\\, and pray through today’s briefing\\; your journal is there too.',
      'TRANSP:TRANSPARENT',
      'BEGIN:VALARM',
      'ACTION:DISPLAY',
      'TRIGGER:PT0M',
      'DESCRIPTION:Pray with Selah',
      'END:VALARM',
      'END:VEVENT',
      'END:VCALENDAR',
    ])
  })

  it('folds the long description within 75 octets', () => {
    const lines = prayerCalendar({ time: '07:15', now, timeZone: 'Europe/London' }).split('\r\n')
    const encoder = new TextEncoder()
    expect(lines.some(line => line.startsWith(' '))).toBe(true)
    for (const line of lines) expect(encoder.encode(line).length).toBeLessThanOrEqual(75)
  })

  it('starts today while the time is still ahead on the zone’s clock', () => {
    const start = (time: string, timeZone: string) =>
      unfolded(prayerCalendar({ time, now, timeZone })).find(line => line.startsWith('DTSTART'))
    expect(start('09:30', 'Europe/London')).toBe('DTSTART:20261203T093000')
    expect(start('09:00', 'Europe/London')).toBe('DTSTART:20261204T090000')
    // 04:00 in New York at 09:00 UTC: 07:15 is still to come there today.
    expect(start('07:15', 'America/New_York')).toBe('DTSTART:20261203T071500')
    // Already 22:00 on the 3rd in Auckland: tomorrow is the 4th.
    expect(start('21:00', 'Pacific/Auckland')).toBe('DTSTART:20261204T210000')
    expect(start('23:00', 'Pacific/Auckland')).toBe('DTSTART:20261203T230000')
  })
})
