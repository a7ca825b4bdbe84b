/**
 * Plain words for what can go wrong when Selah stores something on the device.
 * Dexie wraps the browser's DOMExceptions (and sometimes wraps them again as `inner`),
 * so every check looks through the whole chain of causes.
 */

/** An error whose message is already written for the person using Selah. */
export class UserFacingError extends Error {
  override name = 'UserFacingError'
}

export type StorageErrorKind = 'quota' | 'unavailable' | 'closed' | 'other'

const KIND_BY_NAME: Record<string, StorageErrorKind> = {
  QuotaExceededError: 'quota',
  NS_ERROR_DOM_QUOTA_REACHED: 'quota',
  MissingAPIError: 'unavailable',
  // Firefox private windows refuse to open IndexedDB with InvalidStateError.
  InvalidStateError: 'unavailable',
  SecurityError: 'unavailable',
  DatabaseClosedError: 'closed',
  VersionError: 'closed',
  VersionChangeError: 'closed',
}

const UNAVAILABLE = 'This browser is not letting Selah keep anything on this device. Private browsing or strict privacy settings can cause this: open Selah in a normal window.'
const CLOSED = 'Selah was updated in another tab. Reload this page to keep going.'

const SAVE_MESSAGES: Record<Exclude<StorageErrorKind, 'other'>, string> = {
  quota: 'Your device is out of storage space, so this was not saved. Your words are still here: free some space and try again.',
  unavailable: `${UNAVAILABLE} Your words are still here.`,
  closed: CLOSED,
}

function causes(error: unknown): unknown[] {
  const chain: unknown[] = []
  let current = error
  while (current && chain.length < 5 && !chain.includes(current)) {
    chain.push(current)
    const { inner, cause } = current as { inner?: unknown, cause?: unknown }
    current = inner ?? cause
  }
  return chain
}

function nameOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined
}

export function storageErrorKind(error: unknown): StorageErrorKind {
  for (const cause of causes(error)) {
    const kind = KIND_BY_NAME[nameOf(cause) ?? '']
    if (kind) return kind
  }
  return 'other'
}

/** The innermost message, as a short clause without its final full stop. */
export function shortReason(error: unknown): string {
  const chain = causes(error)
  const deepest = [...chain].reverse().find(cause => cause instanceof Error && cause.message.trim())
  const message = deepest instanceof Error ? deepest.message : typeof error === 'string' ? error : ''
  const clause = message.trim().split('\n')[0]!.replace(/[.\s]+$/, '')
  if (!clause) return 'something unexpected went wrong'
  return clause.length > 160 ? `${clause.slice(0, 157)}...` : clause
}

/** What to tell the person when saving failed. Their unsaved text should stay on screen. */
export function storageErrorMessage(error: unknown): string {
  if (error instanceof UserFacingError) return error.message
  const kind = storageErrorKind(error)
  if (kind !== 'other') return SAVE_MESSAGES[kind]
  return `Selah could not save this: ${shortReason(error)}. Your words are still here.`
}

/** What to tell the person when reading what is saved failed (a useLiveQuery `error`). */
export function readErrorMessage(error: unknown): string {
  if (error instanceof UserFacingError) return error.message
  const kind = storageErrorKind(error)
  if (kind === 'unavailable') return UNAVAILABLE
  if (kind === 'closed') return CLOSED
  return `Selah could not read what is saved on this device: ${shortReason(error)}.`
}
