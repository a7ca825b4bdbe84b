import { db } from './index'
import { laterEdit, mergeBriefing } from './merge'
import type { AnsweredNote, JournalEntry, PrayedRecord, Setting, StoredBriefing } from './types'

/**
 * Whole-journal reads and writes, for backups and the prayer book: the only reads in Selah that
 * are meant to take every row, each in one transaction so the result is one moment in time.
 */

/** Every record a backup carries, exactly as the tables hold them. */
export interface JournalRecords {
  briefings: StoredBriefing[]
  entries: JournalEntry[]
  answers: AnsweredNote[]
  prayed: PrayedRecord[]
}

/** The settings a backup carries; facts about this device (last backup, persistence) stay behind. */
export interface PortableSettings {
  backupReminderDays?: number
}

export type RecordCounts = Record<keyof JournalRecords, number>

export interface ImportSummary {
  added: RecordCounts
  updated: RecordCounts
  /** Records of the file (of every kind) that left this device's copy as it was: the same, or older there. */
  unchanged: number
}

function emptyCounts(): RecordCounts {
  return { briefings: 0, entries: 0, answers: 0, prayed: 0 }
}

export function countRecords({ briefings, entries, answers, prayed }: JournalRecords): RecordCounts {
  return { briefings: briefings.length, entries: entries.length, answers: answers.length, prayed: prayed.length }
}

const journalTables = () => [db.briefings, db.entries, db.answers, db.prayed, db.settings]

/** Everything a backup keeps. */
export async function readAllRecords(): Promise<{ records: JournalRecords, settings: PortableSettings }> {
  return db.transaction('r', journalTables(), async () => {
    const [briefings, entries, answers, prayed, reminder] = await Promise.all([
      db.briefings.toArray(),
      db.entries.toArray(),
      db.answers.toArray(),
      db.prayed.toArray(),
      db.settings.get('backupReminderDays') as Promise<Setting<'backupReminderDays'> | undefined>,
    ])
    return { records: { briefings, entries, answers, prayed }, settings: reminder ? { backupReminderDays: reminder.value } : {} }
  })
}

/** Every journal record, without the briefings (the prayer book needs only what the records copied). */
export async function readJournalRecords(): Promise<Omit<JournalRecords, 'briefings'>> {
  return db.transaction('r', [db.entries, db.answers, db.prayed], async () => ({
    entries: await db.entries.toArray(),
    answers: await db.answers.toArray(),
    prayed: await db.prayed.toArray(),
  }))
}

async function mergeInto({ briefings, entries, answers, prayed }: JournalRecords): Promise<ImportSummary> {
  const summary: ImportSummary = { added: emptyCounts(), updated: emptyCounts(), unchanged: 0 }
  const localBriefings = await db.briefings.bulkGet(briefings.map(briefing => briefing.id))
  const localEntries = await db.entries.bulkGet(entries.map(entry => entry.id))
  const localAnswers = await db.answers.bulkGet(answers.map(answer => answer.pointerId))
  const localPrayed = await db.prayed.bulkGet(prayed.map(record => record.id))

  function plan<T>(kind: keyof JournalRecords, incoming: T[], local: (T | undefined)[], merge: (l: T, i: T) => T | null): T[] {
    const rows: T[] = []
    incoming.forEach((row, i) => {
      const existing = local[i]
      const merged = existing === undefined ? row : merge(existing, row)
      if (merged === null) summary.unchanged++
      else {
        summary[existing === undefined ? 'added' : 'updated'][kind]++
        rows.push(merged)
      }
    })
    return rows
  }

  await db.briefings.bulkPut(plan('briefings', briefings, localBriefings, mergeBriefing))
  await db.entries.bulkPut(plan('entries', entries, localEntries, laterEdit))
  await db.answers.bulkPut(plan('answers', answers, localAnswers, laterEdit))
  // A prayed record never changes once made.
  await db.prayed.bulkPut(plan('prayed', prayed, localPrayed, () => null))
  return summary
}

async function replaceWith(records: JournalRecords, settings: PortableSettings): Promise<ImportSummary> {
  await Promise.all([db.briefings.clear(), db.entries.clear(), db.answers.clear(), db.prayed.clear()])
  await db.briefings.bulkAdd(records.briefings)
  await db.entries.bulkAdd(records.entries)
  await db.answers.bulkAdd(records.answers)
  await db.prayed.bulkAdd(records.prayed)
  if (settings.backupReminderDays !== undefined) {
    await db.settings.put({ key: 'backupReminderDays', value: settings.backupReminderDays })
  }
  return { added: countRecords(records), updated: emptyCounts(), unchanged: 0 }
}

/** Whether any journal entry or answered note was written or edited after `iso`; '' asks whether there is any at all. */
export async function writingChangedSince(iso: string): Promise<boolean> {
  const after = (time: string) => !iso || time > iso
  const [entry, answer] = await Promise.all([
    db.entries.filter(e => after(e.editedAt)).first(),
    db.answers.filter(a => after(a.editedAt) || after(a.answeredAt)).first(),
  ])
  return Boolean(entry || answer)
}

export type ImportMode = 'merge' | 'replace'

/**
 * Brings checked records onto this device in ONE transaction: all of them or nothing.
 * merge: adds what is missing and keeps the later edit of a record on both sides; local settings stay.
 * replace: this device's briefings and journal become these (drafts and device facts stay).
 */
export async function importRecords(records: JournalRecords, settings: PortableSettings, mode: ImportMode): Promise<ImportSummary> {
  return db.transaction('rw', journalTables(), () => (mode === 'replace' ? replaceWith(records, settings) : mergeInto(records)))
}
