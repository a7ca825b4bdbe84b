import type { Middleware, DBCore } from 'dexie'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { db } from '~/db'
import { addEntry } from '~/db/entries'
import { markAnswered } from '~/db/answers'
import { storageErrorMessage } from '~/db/errors'
import { firstPointer, useFreshDatabase } from './helpers'

// Every write fails as a full disk does in a browser; Dexie turns it into Dexie.QuotaExceededError.
const diskFull: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'disk-full',
  create: down => ({
    ...down,
    table: (name) => {
      const table = down.table(name)
      return { ...table, mutate: () => Promise.reject(new DOMException('full', 'QuotaExceededError')) }
    },
  }),
}

useFreshDatabase()

// Middleware is wired in when the database opens, so reopen around it.
beforeEach(async () => {
  db.close()
  db.use(diskFull)
  await db.open()
})
afterEach(async () => {
  db.close()
  db.unuse({ stack: 'dbcore', name: 'disk-full' })
  await db.open()
})

describe('when the device is out of space', () => {
  it('addEntry rejects and the message says so in plain words', async () => {
    const error = await addEntry(firstPointer(), 'precious words').catch((reason: unknown) => reason)
    expect(storageErrorMessage(error)).toBe('Your device is out of storage space, so this was not saved. Your words are still here: free some space and try again.')
  })

  it('a transaction (markAnswered) fails the same way', async () => {
    const error = await markAnswered(firstPointer(), 'note').catch((reason: unknown) => reason)
    expect(storageErrorMessage(error)).toMatch(/^Your device is out of storage space/)
  })
})
