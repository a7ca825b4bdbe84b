/**
 * The two headings of a briefing's second half: the one that starts the prayer points and the one
 * that starts the closing prayer. Ministries word them differently, so each is a short list.
 */
const POINTS_HEADINGS = new Set([
  'prayer pointers', 'prayer points', 'prayer requests', 'points for prayer', 'how to pray', 'pray for',
])
/** Most name the prayer ("Prayer for Sudan", "A prayer…", "Closing prayer for Gaza"): the whole line is its title. */
const NAMED_PRAYER = /^(?:prayer for|a prayer|closing prayer)\b/i
/** These two may only announce it, and the prayer may start on the same line: "Let us pray: Lord…". */
const ANNOUNCED_PRAYER = /^(closing prayer|let us pray)(?:\s?[:.,]\s?(.*))?$/i
const HEADING_MAX = 40

/** A line without markdown (`## `, `**`) or the `*bold*` and `_underline_` of a plain-text email. */
function withoutEmphasis(line: string): string {
  return line.replace(/^#+ ?|\*\*/g, '').replace(/^[*_](.+)[*_]$/, '$1').trim()
}

export function isPointersHeading(line: string): boolean {
  if (line.length > HEADING_MAX) return false
  return POINTS_HEADINGS.has(withoutEmphasis(line).replace(/[\s:]+$/, '').toLowerCase())
}

/** The closing prayer's title, and any words of the prayer on the same line; null for other lines. */
export function prayerHeading(line: string): { title: string, text: string } | null {
  const words = withoutEmphasis(line)
  const announced = ANNOUNCED_PRAYER.exec(words)
  if (announced) return { title: announced[1] ?? '', text: (announced[2] ?? '').trim() }
  return NAMED_PRAYER.test(words) ? { title: words.replace(/ ?:$/, ''), text: '' } : null
}
