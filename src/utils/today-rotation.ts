/**
 * Which of a list's requests Today offers on a given day, so that each comes round in turn.
 *
 * The rule: days are counted from 1 January 1970 by the local calendar (`localDayNumber`). On
 * day `d`, a list of `n` requests in its own order offers `perList` of them, starting at position
 * `(d × perList) mod n` and taking the next ones in order, wrapping round to the start of the list.
 * Consecutive days therefore take consecutive stretches, so every request comes up within
 * ⌈n / perList⌉ days. A list no longer than `perList` offers all of its requests, in order; no
 * request is offered twice on one day. The same day, list and number always give the same
 * requests; adding, archiving or reordering requests moves the stretch, and that is all it does.
 */

const MS_PER_DAY = 24 * 60 * 60 * 1000

/** Days since 1 January 1970 on the local calendar: the day the person sees, whatever the clock changes. */
export function localDayNumber(date: Date): number {
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / MS_PER_DAY)
}

/** The requests of one list that Today offers on `day` (see the rule above). */
export function todaysTurn<T>(items: readonly T[], perList: number, day: number): T[] {
  const n = items.length
  const count = Number.isFinite(perList) ? Math.max(0, Math.floor(perList)) : 0
  if (count >= n) return count > 0 ? [...items] : []
  const start = (((day * count) % n) + n) % n
  return Array.from({ length: count }, (_, i) => items[(start + i) % n]!)
}
