import { describe, expect, it } from 'vitest'
import { db } from '~/db'
import { recordPrayed, removePrayed } from '~/db/prayed'
import { firstPointer, useFreshDatabase } from './helpers'

useFreshDatabase()

describe('recordPrayed and removePrayed', () => {
  it('records each tap with its time', async () => {
    const first = await recordPrayed(firstPointer())
    const second = await recordPrayed(firstPointer())
    expect(first.id).not.toBe(second.id)
    expect(first).toMatchObject(firstPointer())
    expect(new Date(first.prayedAt).toISOString()).toBe(first.prayedAt)
    expect(await db.prayed.where('pointerId').equals(firstPointer().pointerId).count()).toBe(2)
  })

  it('removes one accidental tap and keeps the others', async () => {
    const keep = await recordPrayed(firstPointer())
    const accidental = await recordPrayed(firstPointer())
    await removePrayed(accidental.id)
    expect(await db.prayed.toArray()).toEqual([keep])
  })
})
