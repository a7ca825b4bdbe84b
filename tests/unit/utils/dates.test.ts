import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { formatRelative } from '~/utils/dates'

type Dates = typeof import('~/utils/dates')

// One zone behind UTC and one ahead. `lateEvening` is the local day of 2025-09-05T23:30Z there.
const ZONES = [
  { zone: 'America/Los_Angeles', behindUtc: true, lateEvening: 5 },
  { zone: 'Pacific/Auckland', behindUtc: false, lateEvening: 6 },
]

/** The local-time formatter of a day, built in the zone under test: what a person's calendar shows. */
const localDay = (options: Intl.DateTimeFormatOptions) => (year: number, month: number, day: number) =>
  new Intl.DateTimeFormat(undefined, options).format(new Date(year, month - 1, day, 12))

for (const { zone, behindUtc, lateEvening } of ZONES) {
  describe(`dates in ${zone}`, () => {
    const savedZone = process.env.TZ
    let dates: Dates

    // dates.ts builds its Intl formatters when it loads, so it is loaded afresh inside the zone.
    beforeAll(async () => {
      process.env.TZ = zone
      vi.resetModules()
      dates = await import('~/utils/dates')
    })
    afterAll(() => {
      if (savedZone === undefined) delete process.env.TZ
      else process.env.TZ = savedZone
      vi.resetModules()
    })

    it('really runs in that zone, not in UTC', () => {
      const offsets = [new Date(2025, 0, 15).getTimezoneOffset(), new Date(2025, 6, 15).getTimezoneOffset()]
      for (const offset of offsets) expect(offset > 0, `offset ${offset}`).toBe(behindUtc)
      expect(offsets).not.toContain(0)
      expect(new Intl.DateTimeFormat().resolvedOptions().timeZone).toBe(zone)
    })

    it('formats a briefing date as that calendar day', () => {
      const calendar = localDay({ day: 'numeric', month: 'long', year: 'numeric' })
      for (const [ymd, y, m, d] of [['2025-09-05', 2025, 9, 5], ['2025-01-01', 2025, 1, 1], ['2024-12-31', 2024, 12, 31], ['2024-02-29', 2024, 2, 29]] as const) {
        expect(dates.formatCalendarDay(ymd), ymd).toBe(calendar(y, m, d))
      }
      expect(dates.formatCalendarDay('2025-09-05')).toMatch(/\b5\b/)
      expect(dates.formatCalendarDay('2025-09-05')).not.toMatch(/\b[46]\b/)
    })

    it('keys a local date by its own day, from the first minute to the last', () => {
      expect(dates.dayKey(new Date(2025, 8, 5, 0, 0))).toBe('2025-09-05')
      expect(dates.dayKey(new Date(2025, 8, 5, 23, 59))).toBe('2025-09-05')
      expect(dates.dayKey(new Date(2025, 0, 1, 0, 30))).toBe('2025-01-01')
      expect(dates.dayKey(new Date(2024, 11, 31, 23, 30))).toBe('2024-12-31')
    })

    it('groups by the local month at both ends of it', () => {
      expect(dates.monthKey(new Date(2026, 10, 1, 0, 30).toISOString())).toBe('2026-11')
      expect(dates.monthKey(new Date(2026, 10, 30, 23, 30).toISOString())).toBe('2026-11')
      expect(dates.monthKey(new Date(2026, 11, 1, 0, 30).toISOString())).toBe('2026-12')
    })

    it('shows a moment on the local day it happened there', () => {
      expect(dates.dayKey(new Date('2025-09-05T23:30:00Z'))).toBe(`2025-09-0${lateEvening}`)
      expect(dates.formatDay('2025-09-05T23:30:00Z')).toBe(localDay({ day: 'numeric', month: 'short', year: 'numeric' })(2025, 9, lateEvening))
    })
  })
}

describe('dates anywhere', () => {
  it('says how long ago, in words', () => {
    const now = Date.parse('2026-11-26T14:05:00Z')
    expect(formatRelative('2026-11-26T14:04:40Z', now)).toBe('just now')
    expect(formatRelative('2026-11-26T14:00:00Z', now)).toMatch(/5 minutes ago/)
    expect(formatRelative('2026-11-25T14:05:00Z', now)).toMatch(/yesterday|1 day ago/)
  })
})
