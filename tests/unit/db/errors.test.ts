import Dexie from 'dexie'
import { describe, expect, it } from 'vitest'
import { UserFacingError, readErrorMessage, storageErrorKind, storageErrorMessage } from '~/db/errors'

const QUOTA = 'Your device is out of storage space, so this was not saved. Your words are still here: free some space and try again.'
const CLOSED = 'Selah was updated in another tab. Reload this page to keep going.'

describe('storageErrorMessage', () => {
  it.each([
    ['Dexie.QuotaExceededError', new Dexie.QuotaExceededError('full')],
    ['a DOMException QuotaExceededError', new DOMException('full', 'QuotaExceededError')],
    ['an AbortError caused by the quota', new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'))],
  ])('says the device is full for %s', (_, error) => {
    expect(storageErrorMessage(error)).toBe(QUOTA)
  })

  it.each([
    ['Dexie.MissingAPIError', new Dexie.MissingAPIError('no indexedDB')],
    ['InvalidStateError (Firefox private window)', new DOMException('nope', 'InvalidStateError')],
    ['an OpenFailedError wrapping MissingAPIError', new Dexie.OpenFailedError(new Dexie.MissingAPIError('no indexedDB'))],
  ])('explains private browsing for %s', (_, error) => {
    expect(storageErrorMessage(error)).toMatch(/^This browser is not letting Selah keep anything.*Private browsing.*Your words are still here\.$/)
  })

  it.each([
    ['Dexie.DatabaseClosedError', new Dexie.DatabaseClosedError()],
    ['Dexie.VersionError', new Dexie.VersionError('newer')],
  ])('asks for a reload for %s', (_, error) => {
    expect(storageErrorMessage(error)).toBe(CLOSED)
  })

  it('gives a short reason for anything else', () => {
    expect(storageErrorMessage(new Error('Disk on fire.'))).toBe('Selah could not save this: Disk on fire. Your words are still here.')
    expect(storageErrorMessage(undefined)).toBe('Selah could not save this: something unexpected went wrong. Your words are still here.')
    expect(storageErrorMessage('odd')).toBe('Selah could not save this: odd. Your words are still here.')
  })

  it('passes messages already written for people through unchanged', () => {
    expect(storageErrorMessage(new UserFacingError('Write something before saving.'))).toBe('Write something before saving.')
  })
})

describe('storageErrorKind and readErrorMessage', () => {
  it('classifies errors', () => {
    expect(storageErrorKind(new Dexie.QuotaExceededError())).toBe('quota')
    expect(storageErrorKind(new TypeError('x'))).toBe('other')
  })

  it('words read failures without talking about saving', () => {
    expect(readErrorMessage(new Dexie.DatabaseClosedError())).toBe(CLOSED)
    expect(readErrorMessage(new Dexie.MissingAPIError())).not.toMatch(/words are still here/)
    expect(readErrorMessage(new Error('broken'))).toBe('Selah could not read what is saved on this device: broken.')
  })
})
