import { describe, expect, it } from 'vitest'
import { localDayNumber, todaysTurn } from '~/utils/today-rotation'

const list = ['a', 'b', 'c', 'd', 'e', 'f', 'g']

describe('localDayNumber', () => {
  it('counts local calendar days, one a day, whatever the hour', () => {
    expect(localDayNumber(new Date(1970, 0, 1, 0, 0))).toBe(0)
    expect(localDayNumber(new Date(1970, 0, 1, 23, 59))).toBe(0)
    expect(localDayNumber(new Date(2026, 2, 28, 23, 59))).toBe(localDayNumber(new Date(2026, 2, 28, 0, 1)))
    expect(localDayNumber(new Date(2026, 2, 29, 12))).toBe(localDayNumber(new Date(2026, 2, 28, 12)) + 1)
    expect(localDayNumber(new Date(2027, 0, 1))).toBe(localDayNumber(new Date(2026, 11, 31)) + 1)
  })
})

describe('todaysTurn', () => {
  it('gives the same requests all day, and others the next day', () => {
    const day = localDayNumber(new Date(2026, 4, 14))
    expect(todaysTurn(list, 2, day)).toEqual(todaysTurn([...list], 2, day))
    expect(todaysTurn(list, 2, day)).toHaveLength(2)
    expect(todaysTurn(list, 2, day + 1)).not.toEqual(todaysTurn(list, 2, day))
  })

  it('takes perList consecutive requests from (day × perList) mod length, wrapping round', () => {
    expect(todaysTurn(list, 2, 0)).toEqual(['a', 'b'])
    expect(todaysTurn(list, 2, 1)).toEqual(['c', 'd'])
    expect(todaysTurn(list, 2, 3)).toEqual(['g', 'a'])
    expect(todaysTurn(list, 3, 2)).toEqual(['g', 'a', 'b'])
  })

  it('brings every request of a list round within ⌈length / perList⌉ consecutive days, never twice in a day', () => {
    for (const perList of [1, 2, 3, 4, 5]) {
      for (const start of [0, 19_500, 20_587]) {
        const days = Math.ceil(list.length / perList)
        const seen = new Set<string>()
        for (let day = start; day < start + days; day++) {
          const turn = todaysTurn(list, perList, day)
          expect(new Set(turn).size).toBe(turn.length)
          turn.forEach(item => seen.add(item))
        }
        expect([...seen].sort()).toEqual(list)
      }
    }
  })

  it('offers a list no longer than perList whole, in order', () => {
    expect(todaysTurn(['a', 'b'], 5, 20_000)).toEqual(['a', 'b'])
    expect(todaysTurn(['a', 'b', 'c'], 3, 20_001)).toEqual(['a', 'b', 'c'])
  })

  it('offers nothing from an empty list, or when asked for none', () => {
    expect(todaysTurn([], 2, 20_000)).toEqual([])
    expect(todaysTurn(list, 0, 20_000)).toEqual([])
    expect(todaysTurn(list, Number.NaN, 20_000)).toEqual([])
  })
})
