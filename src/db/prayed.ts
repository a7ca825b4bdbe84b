import { db } from './index'
import { copySnapshot } from './snapshot'
import type { PointerSnapshot, PrayedRecord } from './types'

/** One tap of "I prayed for this": a moment to look back on, not a score. */
export async function recordPrayed(pointer: PointerSnapshot): Promise<PrayedRecord> {
  const record: PrayedRecord = {
    ...copySnapshot(pointer),
    id: crypto.randomUUID(),
    prayedAt: new Date().toISOString(),
  }
  await db.prayed.add(record)
  return record
}

/** Undoes an accidental tap. */
export async function removePrayed(id: string): Promise<void> {
  await db.prayed.delete(id)
}
