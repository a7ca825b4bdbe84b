import { describe, expect, it } from 'vitest'
import { findSkippedTime } from '~/utils/clock-changes'
import { firstDay, offsetMinutes, wallClock, wallTimeExists } from '~/utils/time-zones'

const now = new Date('2026-12-03T12:00:00Z')

describe('wall clocks in a named zone', () => {
  it('reads offsets and the clock either side of a change', () => {
    expect(offsetMinutes('Europe/London', Date.parse('2027-01-15T12:00Z'))).toBe(0)
    expect(offsetMinutes('Europe/London', Date.parse('2027-07-15T12:00Z'))).toBe(60)
    expect(offsetMinutes('America/New_York', Date.parse('2027-01-15T12:00Z'))).toBe(-300)
    expect(offsetMinutes('Asia/Kolkata', Date.parse('2027-01-15T12:00Z'))).toBe(330)
    expect(wallClock('Europe/London', new Date('2027-03-28T00:59:00Z'))).toEqual({ day: '2027-03-28', time: '00:59' })
    expect(wallClock('Europe/London', new Date('2027-03-28T01:00:00Z'))).toEqual({ day: '2027-03-28', time: '02:00' })
  })

  it('knows which times a clock skips, and that a time shown twice exists', () => {
    // London jumps from 01:00 to 02:00; New York from 02:00 to 03:00.
    expect(wallTimeExists('Europe/London', '2027-03-28', '01:30')).toBe(false)
    expect(wallTimeExists('Europe/London', '2027-03-28', '00:59')).toBe(true)
    expect(wallTimeExists('Europe/London', '2027-03-28', '02:00')).toBe(true)
    expect(wallTimeExists('Europe/London', '2027-03-28', '02:30')).toBe(true)
    expect(wallTimeExists('Europe/London', '2027-03-27', '01:30')).toBe(true)
    expect(wallTimeExists('Europe/London', '2027-10-31', '01:30')).toBe(true)
    expect(wallTimeExists('America/New_York', '2027-03-14', '02:30')).toBe(false)
    expect(wallTimeExists('America/New_York', '2027-11-07', '01:30')).toBe(true)
  })

  it('starts today while the time is ahead, else tomorrow', () => {
    expect(firstDay('12:01', now, 'Europe/London')).toBe('2026-12-03')
    expect(firstDay('12:00', now, 'Europe/London')).toBe('2026-12-04')
    expect(firstDay('08:00', now, 'America/New_York')).toBe('2026-12-03')
  })
})

describe('findSkippedTime', () => {
  it('finds 01:30 skipped in London on 28 March 2027, and 02:30 not', () => {
    expect(findSkippedTime({ time: '01:30', timeZone: 'Europe/London', now })).toEqual({ day: '2027-03-28', minutes: 60 })
    expect(findSkippedTime({ time: '01:00', timeZone: 'Europe/London', now })).toEqual({ day: '2027-03-28', minutes: 60 })
    expect(findSkippedTime({ time: '02:30', timeZone: 'Europe/London', now })).toBeNull()
  })

  it('finds 02:30 skipped in New York on 14 March 2027', () => {
    expect(findSkippedTime({ time: '02:30', timeZone: 'America/New_York', now })).toEqual({ day: '2027-03-14', minutes: 60 })
    expect(findSkippedTime({ time: '02:00', timeZone: 'America/New_York', now })).toEqual({ day: '2027-03-14', minutes: 60 })
  })

  it('says nothing of a time that happens every day, or one shown twice when the clocks go back', () => {
    for (const timeZone of ['Europe/London', 'America/New_York']) {
      expect(findSkippedTime({ time: '07:15', timeZone, now })).toBeNull()
      expect(findSkippedTime({ time: '03:00', timeZone, now })).toBeNull()
    }
    expect(findSkippedTime({ time: '01:30', timeZone: 'America/New_York', now })).toBeNull()
    expect(findSkippedTime({ time: '02:30', timeZone: 'Asia/Tokyo', now })).toBeNull()
    expect(findSkippedTime({ time: '02:30', timeZone: 'UTC', now })).toBeNull()
  })

  it('looks only a year ahead, from the first time the reminder comes', () => {
    const afterChange = new Date('2027-03-28T12:00:00Z')
    // The next skip is 26 March 2028, within the year.
    expect(findSkippedTime({ time: '01:30', timeZone: 'Europe/London', now: afterChange })).toEqual({ day: '2028-03-26', minutes: 60 })
    expect(findSkippedTime({ time: '01:30', timeZone: 'Europe/London', now, days: 100 })).toBeNull()
    // The morning of the change, before 01:00 UTC: 01:30 is still to come today, and skipped.
    expect(findSkippedTime({ time: '01:30', timeZone: 'Europe/London', now: new Date('2027-03-28T00:10:00Z') })).toEqual({ day: '2027-03-28', minutes: 60 })
  })

  it('finds skips in zones far from UTC, at midnight, and of half an hour', () => {
    expect(findSkippedTime({ time: '02:30', timeZone: 'Pacific/Auckland', now: new Date('2027-01-01T00:00Z') })).toEqual({ day: '2027-09-26', minutes: 60 })
    expect(findSkippedTime({ time: '02:15', timeZone: 'Australia/Lord_Howe', now: new Date('2027-01-01T00:00Z') })).toEqual({ day: '2027-10-03', minutes: 30 })
    expect(findSkippedTime({ time: '00:30', timeZone: 'America/Havana', now: new Date('2027-01-01T00:00Z') })).toEqual({ day: '2027-03-14', minutes: 60 })
  })
})
