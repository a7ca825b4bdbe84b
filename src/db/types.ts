import type { Briefing, Scripture } from '~/briefings/types'

/** Where a locally stored briefing came from. */
export type BriefingSource = 'feed' | 'pasted'

/**
 * A briefing mirrored into IndexedDB, so that it (and every pointer a journal record
 * points at) stays readable after it leaves the feed.
 */
export interface StoredBriefing extends Briefing {
  source: BriefingSource
  /** Content hash from the feed (or of the pasted text), to skip rewriting unchanged briefings. */
  hash: string
  /** ISO time this device first stored it. */
  addedAt: string
  /** ISO time its content last changed on this device. */
  updatedAt: string
  /** ISO time the person first opened it; null means it is new to them. */
  openedAt: string | null
  /** Sort key, newest first: `date`, or the day it was added when the briefing has no date. */
  sortDate: string
}

/**
 * What every journal record copies from its pointer, so that it makes sense on its own
 * years later, even if the briefing is gone.
 */
export interface PointerSnapshot {
  briefingId: string
  pointerId: string
  briefingTitle: string
  pointerLabel: string | null
  pointerText: string
  scriptureReference: string | null
}

export interface JournalEntry extends PointerSnapshot {
  /** Random UUID: stable across devices and backups. */
  id: string
  text: string
  createdAt: string
  editedAt: string
}

/** At most one per pointer, so the pointer id is the key. */
export interface AnsweredNote extends PointerSnapshot {
  note: string
  answeredAt: string
  editedAt: string
}

export interface PrayedRecord extends PointerSnapshot {
  id: string
  prayedAt: string
}

/** What an editor is writing: a new entry for a pointer, a change to an entry, or an answered note. */
export type DraftKind = 'entry-new' | 'entry-edit' | 'answer'

/**
 * Words typed into an editor and not saved yet, kept so a reload, crash or update brings them back.
 * The key names the editor: `entry-new:<pointerId>`, `entry-edit:<entryId>` or `answer:<pointerId>`.
 */
export interface Draft {
  key: string
  kind: DraftKind
  briefingId: string
  pointerId: string
  text: string
  updatedAt: string
}

/** The facts the settings table holds, by key. */
export interface SettingValues {
  /** ISO time of the last backup file this device made. */
  lastBackupAt: string
  /** Days after which Settings and the Journal suggest a new backup; 0 turns the reminder off. */
  backupReminderDays: number
  /** The answer to navigator.storage.persist(), and when it was asked. */
  persistence: { askedAt: string, granted: boolean }
  /** Where the background build of the search index stands (records written before schema v3). */
  searchIndex: SearchIndexState
  /** The feed's archive pages as the last sync saw them, and which of them this device has read. */
  feedArchive: FeedArchiveState
  /** Which briefings the sync keeps on this device: those of the last `days` days, or every one. */
  mirror: MirrorSetting
  /** The daily prayer time the person chose ('HH:MM', local), and whether Selah may notify while open. */
  prayerTime: PrayerTimeSetting
  /** How many of each list's requests Today offers each day. */
  todayPerList: number
}

export interface PrayerTimeSetting {
  time: string
  notify: boolean
}

export interface FeedArchiveState {
  links: { year: string, path: string, count: number, bytes: number }[]
  /** Year -> the path of the page read into the archive table (a new path means a changed page). */
  read: Record<string, string>
}

export interface MirrorSetting {
  days: number
  wholeArchive: boolean
}

/**
 * A briefing the feed's archive lists that is not on this device. It sorts in the briefing list
 * beside the stored ones by the same [sortDate+addedAt] index; `addedAt` is always '' so that on
 * one day the stored briefings come first.
 */
export interface ArchivedBriefing {
  id: string
  title: string
  date: string | null
  /** `date`, or '0000-00-00' for an undated one: the end of the list. */
  sortDate: string
  addedAt: ''
  /** Its archive page: `YYYY` or `undated`. */
  year: string
  hash: string
  pointerCount: number
  /** Size of its document, for "keep the whole archive" to say before it downloads. */
  bytes: number
  /** Its document under the app's base, `feed/briefings/<id>.<hash>.json`. */
  path: string
}

/** Whether the search index covers every record written before searchRecent began. */
export interface SearchIndexState {
  built: boolean
}

/** One word of the search index: the hashes of the records that held it when the index was built. */
export interface SearchTerm {
  term: string
  docs: Uint32Array
  /** Each record's time, in whole seconds, beside its hash: results sort before any record is read. */
  times: Uint32Array
}

/** Which record each hash stands for, and its time, for the hashes whose top 12 bits are `bucket`. */
export interface SearchBucket {
  bucket: number
  hashes: number[]
  /** Timeline keys, 'written:<id>', 'prayed:<id>' or 'answered:<pointerId>'. */
  keys: string[]
  times: string[]
}

/** A record added or changed since the index was built, with its words; searched row by row. */
export interface SearchRecent {
  key: string
  at: string
  words: string[]
  changedAt: string
}

export type SettingKey = keyof SettingValues

export interface Setting<K extends SettingKey = SettingKey> {
  key: K
  value: SettingValues[K]
}

/** (v4) A list the person names for their own requests: Family, Church, the world… */
export interface PrayerList {
  /** `list-<uuid>`. */
  id: string
  name: string
  /** Position among the lists, smallest first; gaps are fine. */
  order: number
  createdAt: string
  updatedAt: string
}

/**
 * (v4) One of the person's own prayer requests: a pointer of their own. Its records carry the
 * briefing id MY_PRAYERS_ID (briefings/my-prayers.ts) and copy its words as they were, so editing
 * the request or moving it to another list leaves what was written about it untouched.
 */
export interface PrayerRequest {
  /** `req-<uuid>`: also the pointer id of every record about it. */
  id: string
  listId: string
  text: string
  /** The person's own notes: who, what, since when. '' when none. */
  notes: string
  scripture: Scripture | null
  /** Position in its list, smallest first. */
  order: number
  createdAt: string
  updatedAt: string
  /** When the person put it away (prayed through, or no longer praying); null while active. */
  archivedAt: string | null
}
