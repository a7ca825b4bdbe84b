import { db } from '~/db'
import { snapshotOf } from '~/db/snapshot'
import type { AnsweredNote, JournalEntry, PrayedRecord, PrayerList, PrayerRequest, StoredBriefing } from '~/db/types'
import type { Briefing } from '~/briefings/types'
import { makeBriefing } from '../../support/briefings'
import * as v4 from '../db/fixtures/v4'

/** Realistic records with explicit times: unicode, emoji, newlines, a pasted and an undated briefing. */
export function stored(briefing: Briefing, extra: Partial<StoredBriefing> = {}): StoredBriefing {
  return {
    ...briefing,
    source: 'feed',
    hash: `hash-${briefing.id}`,
    addedAt: '2025-09-06T08:00:00.000Z',
    updatedAt: '2025-09-06T08:00:00.000Z',
    openedAt: null,
    sortDate: briefing.date ?? '2025-09-06',
    ...extra,
  }
}

export const ukraine = makeBriefing()
export const sudan = makeBriefing({
  id: '2025-10-14-sudan-famine',
  title: 'Sudan: famine in El Fasher — “we are hungry” 🙏',
  date: '2025-10-14',
  pointers: [
    { id: '2025-10-14-sudan-famine-p1', label: 'Give thanks', text: 'for aid workers who stay.\nAnd for the churches of Port Sudan.', scripture: { quote: 'I was hungry and you gave me food', reference: 'Matthew 25:35' } },
    { id: '2025-10-14-sudan-famine-p2', label: null, text: 'for the children — أطفال السودان', scripture: null },
  ],
})
export const pasted = makeBriefing({
  id: 'prayer-for-my-town',
  title: 'Prayer for my town',
  date: null,
  paragraphs: ['Pasted by hand.'],
  pointers: [{ id: 'prayer-for-my-town-p1', label: 'Pray', text: 'for the mayor and the council.', scripture: null }],
  prayer: null,
})

export function entry(briefing: Briefing, pointerIndex: number, id: string, text: string, createdAt: string, editedAt = createdAt): JournalEntry {
  return { ...snapshotOf(briefing, briefing.pointers[pointerIndex]!), id, text, createdAt, editedAt }
}

export function answer(briefing: Briefing, pointerIndex: number, note: string, answeredAt: string, editedAt = answeredAt): AnsweredNote {
  return { ...snapshotOf(briefing, briefing.pointers[pointerIndex]!), note, answeredAt, editedAt }
}

export function prayed(briefing: Briefing, pointerIndex: number, id: string, prayedAt: string): PrayedRecord {
  return { ...snapshotOf(briefing, briefing.pointers[pointerIndex]!), id, prayedAt }
}

export function sampleData() {
  // A deep copy each time, so a test that damages it cannot damage the next one.
  return structuredClone({
    briefings: [
      stored(ukraine, { openedAt: '2025-09-06T09:00:00.000Z' }),
      stored(sudan, { addedAt: '2025-10-14T07:00:00.000Z', updatedAt: '2025-10-15T07:00:00.000Z' }),
      stored(pasted, { source: 'pasted', addedAt: '2025-11-02T20:00:00.000Z', updatedAt: '2025-11-02T20:00:00.000Z', sortDate: '2025-11-02' }),
    ],
    entries: [
      entry(ukraine, 0, '6f1c1c1e-0000-4000-8000-000000000001', 'Lord, soften hearts in Kyiv and Moscow.\n\nAmen. 🕊️', '2025-09-06T09:10:00.000Z'),
      entry(ukraine, 1, '6f1c1c1e-0000-4000-8000-000000000002', 'Für die Familien, getrennt durch den Krieg — «ждём вас дома».', '2025-09-07T21:30:00.000Z', '2025-09-08T06:00:00.000Z'),
      entry(sudan, 0, '6f1c1c1e-0000-4000-8000-000000000003', 'Thank you for the nurses.\r\nKeep them safe.', '2025-10-15T12:00:00.000Z'),
      entry(pasted, 0, '6f1c1c1e-0000-4000-8000-000000000004', '<b>not bold</b> & # not a heading', '2025-11-03T06:45:00.000Z'),
    ],
    answers: [
      answer(ukraine, 1, 'A family in our church was reunited in Lviv! 🎉\nPraise God.', '2025-11-20T10:00:00.000Z'),
      answer(sudan, 1, '', '2025-11-21T10:00:00.000Z'),
    ],
    prayed: [
      prayed(ukraine, 0, '0a000000-0000-4000-8000-000000000001', '2025-09-06T09:05:00.000Z'),
      prayed(ukraine, 0, '0a000000-0000-4000-8000-000000000002', '2025-09-09T07:00:00.000Z'),
      prayed(sudan, 1, '0a000000-0000-4000-8000-000000000003', '2025-10-16T19:00:00.000Z'),
    ],
  })
}

export interface OwnRequests {
  prayerLists: PrayerList[]
  requests: PrayerRequest[]
}

/**
 * The person's own lists and requests (schema v4), as the v4 migration fixture has them: Family
 * and Church, an active request, one moved from Family to Church, and an archived one.
 */
export function sampleRequests(): OwnRequests {
  return structuredClone({ prayerLists: v4.prayerLists, requests: v4.requests })
}

export type Journal = ReturnType<typeof sampleData> & Partial<OwnRequests>

/**
 * A journal of this version: the sample one, the person's own lists and requests, and records
 * about the requests (written, answered, prayed; one written before its request moved list).
 */
export function requestJournal(): Journal & OwnRequests {
  const data = sampleData()
  return {
    ...data,
    ...sampleRequests(),
    entries: [...data.entries, ...structuredClone(v4.requestEntries)],
    answers: [...data.answers, ...structuredClone(v4.requestAnswers)],
    prayed: [...data.prayed, ...structuredClone(v4.requestPrayed)],
  }
}

/**
 * Fills the database as a person's phone might be: journal, their own lists and requests (the
 * sample ones unless `data` has its own), settings, device facts and a draft.
 */
export async function fillDatabase(data: Journal = sampleData()): Promise<Journal & OwnRequests> {
  const filled = { ...sampleRequests(), ...data }
  await db.transaction('rw', [db.briefings, db.prayerLists, db.requests, db.entries, db.answers, db.prayed, db.settings, db.drafts, db.archive], async () => {
    await db.briefings.bulkAdd(filled.briefings)
    await db.prayerLists.bulkAdd(filled.prayerLists)
    await db.requests.bulkAdd(filled.requests)
    await db.entries.bulkAdd(filled.entries)
    await db.answers.bulkAdd(filled.answers)
    await db.prayed.bulkAdd(filled.prayed)
    await db.settings.bulkAdd([
      { key: 'backupReminderDays', value: 7 },
      { key: 'persistence', value: { askedAt: '2025-09-06T09:11:00.000Z', granted: true } },
    ])
    // A line of the feed's archive: not in any backup, and no restore may touch it.
    await db.archive.add({ id: '2019-03-01-archived', title: 'An archived briefing', date: '2019-03-01', sortDate: '2019-03-01', addedAt: '', year: '2019', hash: '0123456789abcdef', pointerCount: 3, bytes: 3000, path: 'feed/briefings/2019-03-01-archived.0123456789abcdef.json' })
    await db.drafts.add({ key: 'entry-new:prayer-for-my-town-p1', kind: 'entry-new', briefingId: 'prayer-for-my-town', pointerId: 'prayer-for-my-town-p1', text: 'half a thought', updatedAt: '2025-11-03T07:00:00.000Z' })
  })
  return filled
}

/** Every row of every table the database declares, so a table added later is compared too. */
export async function dumpDatabase(): Promise<Record<string, unknown[]>> {
  return db.transaction('r', db.tables, async () => Object.fromEntries(
    await Promise.all(db.tables.map(async table => [table.name, await table.toArray()] as const)),
  ))
}

/** A version 1 backup text made from data without touching the database. */
export function backupText(data: Journal, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({
    app: 'selah', kind: 'backup', formatVersion: 1, exportedAt: '2025-11-22T10:00:00.000Z', schemaVersion: 2,
    data: { ...data, settings: { backupReminderDays: 30 } },
    ...overrides,
  })
}
