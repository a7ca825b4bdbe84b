import { UserFacingError } from '~/db/errors'
import { readJournalRecords } from '~/db/transfer'
import type { AnsweredNote, JournalEntry, PointerSnapshot, PrayedRecord, PrayerList, PrayerRequest } from '~/db/types'
import { formatCalendarDay, formatMonth, monthKey } from '~/utils/dates'
import { myPrayersLines, requestInRange } from './markdown-prayers'
import { blockText, formatLongDay, inlineText, inRange, type DateRange } from './markdown-text'

export type { DateRange }

/**
 * The journal as a "prayer book": a Markdown file to read, print or keep, oldest first like a
 * book, one heading per month, then the person's own lists and requests (markdown-prayers.ts).
 * Every word a person wrote is escaped so it stays words.
 */
export interface PrayerBookData {
  entries: JournalEntry[]
  answers: AnsweredNote[]
  prayed: PrayedRecord[]
  /** None is the same as empty: the book is then exactly what it was before lists existed. */
  prayerLists?: PrayerList[]
  requests?: PrayerRequest[]
}

/** A pointer as it appears in one month of the book: its entries, and its answer if it belongs here. */
interface Section {
  month: string
  pointer: PointerSnapshot
  entries: JournalEntry[]
  answer?: AnsweredNote
  prayedTimes: number
  sortKey: string
}

function buildSections(data: PrayerBookData, range: DateRange): Section[] {
  const sections = new Map<string, Section>()
  const sectionFor = (iso: string, pointer: PointerSnapshot) => {
    const key = `${monthKey(iso)} ${pointer.pointerId}`
    let section = sections.get(key)
    if (!section) {
      section = { month: monthKey(iso), pointer, entries: [], prayedTimes: 0, sortKey: iso }
      sections.set(key, section)
    }
    return section
  }
  const entries = data.entries.filter(entry => inRange(entry.createdAt, range))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const lastSection = new Map<string, Section>()
  for (const entry of entries) {
    const section = sectionFor(entry.createdAt, entry)
    section.entries.push(entry)
    lastSection.set(entry.pointerId, section)
  }
  for (const answer of data.answers.filter(note => inRange(note.answeredAt, range))) {
    // Under the pointer's last entry in the book, or on its own in the month it was answered.
    const section = lastSection.get(answer.pointerId) ?? sectionFor(answer.answeredAt, answer)
    section.answer = answer
  }
  for (const record of data.prayed.filter(prayed => inRange(prayed.prayedAt, range))) {
    const section = sections.get(`${monthKey(record.prayedAt)} ${record.pointerId}`)
    if (section) section.prayedTimes++
  }
  return [...sections.values()].sort((a, b) => a.sortKey.localeCompare(b.sortKey))
}

function pointerLines(pointer: PointerSnapshot): string[] {
  const label = pointer.pointerLabel ? `**${inlineText(pointer.pointerLabel)}:** ` : ''
  const reference = pointer.scriptureReference ? ` (${inlineText(pointer.scriptureReference)})` : ''
  return [`${label}${inlineText(pointer.pointerText)}${reference}`]
}

function sectionLines(section: Section): string[] {
  const first = section.entries[0]?.createdAt ?? section.answer!.answeredAt
  const lines = [`### ${formatLongDay(first)}: ${inlineText(section.pointer.briefingTitle)}`, '', ...pointerLines(section.pointer), '']
  for (const entry of section.entries) {
    if (section.entries.length > 1 || formatLongDay(entry.createdAt) !== formatLongDay(first)) {
      lines.push(`*${formatLongDay(entry.createdAt)}*`, '')
    }
    lines.push(blockText(entry.text), '')
  }
  if (section.prayedTimes) {
    lines.push(`*Prayed for this ${section.prayedTimes === 1 ? 'once' : `${section.prayedTimes} times`} this month.*`, '')
  }
  if (section.answer) {
    const day = formatLongDay(section.answer.answeredAt)
    const note = section.answer.note.trim()
    lines.push(note ? `**Answered on ${day}:** ${blockText(note)}` : `**Answered on ${day}.**`, '')
  }
  return lines
}

function rangeLine(range: DateRange, now: Date): string {
  const today = formatLongDay(now.toISOString())
  if (range.from && range.to) return `From ${formatCalendarDay(range.from)} to ${formatCalendarDay(range.to)}.`
  if (range.from) return `From ${formatCalendarDay(range.from)} to ${today}.`
  if (range.to) return `Everything up to ${formatCalendarDay(range.to)}.`
  return `Everything in the journal, up to ${today}.`
}

export function prayerBookMarkdown(data: PrayerBookData, range: DateRange = {}, now: Date = new Date()): string {
  const sections = buildSections(data, range)
  const lines = ['# Prayer book', '', rangeLine(range, now), '', `Made with Selah on ${formatLongDay(now.toISOString())}.`, '']
  if (sections.length === 0) lines.push('Nothing was written in these dates.', '')
  let month = ''
  for (const section of sections) {
    if (section.month !== month) {
      month = section.month
      lines.push(`## ${formatMonth(section.sortKey)}`, '')
    }
    lines.push(...sectionLines(section))
  }
  lines.push(...myPrayersLines({ prayerLists: data.prayerLists ?? [], requests: data.requests ?? [] }, range, now))
  return `${lines.join('\n').trimEnd()}\n`
}

const YMD = /^\d{4}-\d{2}-\d{2}$/

/**
 * The prayer book as a file to download. `count` is the number of entries and answered notes in
 * it, `requests` the number of the person's own requests in its My prayers part.
 */
export async function exportPrayerBook(range: DateRange = {}): Promise<{ fileName: string, text: string, count: number, requests: number }> {
  const from = range.from || undefined
  const to = range.to || undefined
  if ((from && !YMD.test(from)) || (to && !YMD.test(to))) throw new UserFacingError('Choose the dates again: one of them is not a date.')
  if (from && to && from > to) throw new UserFacingError('The “From” date is after the “To” date. Choose dates in order.')
  const data = await readJournalRecords()
  const clipped = { from, to }
  const count = data.entries.filter(entry => inRange(entry.createdAt, clipped)).length
    + data.answers.filter(answer => inRange(answer.answeredAt, clipped)).length
  const fileName = ['selah-prayer-book', from, to].filter(Boolean).join('-') + '.md'
  const requests = data.requests.filter(request => requestInRange(request, clipped)).length
  return { fileName, text: prayerBookMarkdown(data, clipped, new Date()), count, requests }
}
