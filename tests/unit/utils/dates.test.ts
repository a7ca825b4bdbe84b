import { describe, expect, it } from 'vitest'
import { formatCalendarDay, formatRelative, monthKey } from '~/utils/dates'

describe('dates', () => {
  it('formats a briefing date as that calendar day, whatever the time zone', () => {
    expect(formatCalendarDay('2025-09-05')).toMatch(/5/)
    expect(formatCalendarDay('2025-09-05')).not.toMatch(/4/)
    expect(formatCalendarDay('2025-09-05')).toMatch(/2025/)
  })

  it('says how long ago, in words', () => {
    const now = Date.parse('2026-11-26T14:05:00Z')
    expect(formatRelative('2026-11-26T14:04:40Z', now)).toBe('just now')
    expect(formatRelative('2026-11-26T14:00:00Z', now)).toMatch(/5 minutes ago/)
    expect(formatRelative('2026-11-25T14:05:00Z', now)).toMatch(/yesterday|1 day ago/)
  })

  it('groups by the local month', () => {
    expect(monthKey(new Date(2026, 10, 26, 12).toISOString())).toBe('2026-11')
  })
})
