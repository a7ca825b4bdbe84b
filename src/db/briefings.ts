import { contentHash } from '~/briefings/ids'
import type { Briefing } from '~/briefings/types'
import { db } from './index'
import type { BriefingSource, StoredBriefing } from './types'

export interface MirrorResult {
  added: string[]
  updated: string[]
}

/** A deep, plain copy with exactly the Briefing fields: no Vue proxies, nothing extra into IndexedDB. */
function plainBriefing(briefing: Briefing): Briefing {
  return {
    id: briefing.id,
    title: briefing.title,
    date: briefing.date,
    paragraphs: [...briefing.paragraphs],
    pointers: briefing.pointers.map(pointer => ({
      id: pointer.id,
      label: pointer.label,
      text: pointer.text,
      scripture: pointer.scripture && { quote: pointer.scripture.quote, reference: pointer.scripture.reference },
    })),
    prayer: briefing.prayer && { title: briefing.prayer.title, text: briefing.prayer.text },
  }
}

/** The row to store: new content, but the history (addedAt, openedAt, source) of an existing row. */
function storedRow(briefing: Briefing, hash: string, existing: StoredBriefing | undefined, source: BriefingSource, now: string): StoredBriefing {
  const addedAt = existing?.addedAt ?? now
  return {
    ...plainBriefing(briefing),
    source: existing?.source ?? source,
    hash,
    addedAt,
    updatedAt: now,
    openedAt: existing?.openedAt ?? null,
    sortDate: briefing.date ?? addedAt.slice(0, 10),
  }
}

/**
 * Upserts briefings (from the feed) in one transaction. A row whose hash is unchanged is not
 * written at all, so syncing an unchanged feed costs one read.
 */
export async function mirrorBriefings(docs: { briefing: Briefing, hash: string }[], source: BriefingSource): Promise<MirrorResult> {
  const byId = new Map(docs.map(doc => [doc.briefing.id, doc]))
  const now = new Date().toISOString()
  return db.transaction('rw', db.briefings, db.archive, async () => {
    const existing = await db.briefings.bulkGet([...byId.keys()])
    // On this device now: no longer a line of the archive.
    await db.archive.bulkDelete([...byId.keys()])
    const rows: StoredBriefing[] = []
    const result: MirrorResult = { added: [], updated: [] }
    ;[...byId.values()].forEach((doc, i) => {
      const old = existing[i]
      if (old?.hash === doc.hash) return
      rows.push(storedRow(doc.briefing, doc.hash, old, source, now))
      ;(old ? result.updated : result.added).push(doc.briefing.id)
    })
    if (rows.length) await db.briefings.bulkPut(rows)
    return result
  })
}

/** The content hash of each stored briefing, in the order asked; undefined where none is stored. */
export async function storedHashes(ids: string[]): Promise<(string | undefined)[]> {
  const rows = await db.briefings.bulkGet(ids)
  return rows.map(row => row?.hash)
}

/** Saves a briefing the person pasted. If that briefing is already stored, its content is refreshed. */
export async function savePastedBriefing(briefing: Briefing): Promise<StoredBriefing> {
  // Hash before the transaction: crypto.subtle is a foreign promise and would end it.
  const hash = await contentHash(plainBriefing(briefing))
  const now = new Date().toISOString()
  return db.transaction('rw', db.briefings, db.archive, async () => {
    const existing = await db.briefings.get(briefing.id)
    await db.archive.delete(briefing.id)
    if (existing && existing.hash === hash) return existing
    const row = storedRow(briefing, hash, existing, 'pasted', now)
    await db.briefings.put(row)
    return row
  })
}

/** Records the first time the person opened a briefing; later openings change nothing. */
export async function markBriefingOpened(id: string): Promise<void> {
  await db.briefings
    .where('id').equals(id)
    .filter(briefing => briefing.openedAt === null)
    .modify({ openedAt: new Date().toISOString() })
}
