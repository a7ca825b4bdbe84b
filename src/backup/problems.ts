import type * as v from 'valibot'
import { RECORD_NAMES } from './references'

/**
 * Turns the first schema problem of a backup file into a plain clause such as
 * "journal entry 3 has no text", instead of showing raw validation output.
 */
const LIST_ITEMS: Record<string, string> = {
  ...RECORD_NAMES,
  pointers: 'pointer',
  paragraphs: 'paragraph',
}

const LISTS: Record<string, string> = {
  briefings: 'the list of briefings',
  prayerLists: 'the list of prayer lists',
  requests: 'the list of prayer requests',
  entries: 'the list of journal entries',
  answers: 'the list of answered notes',
  prayed: 'the list of prayed records',
  pointers: 'the list of pointers',
  paragraphs: 'the list of paragraphs',
  settings: 'the settings',
  data: 'the journal data',
  encryption: 'the protection details',
}

export const FIELD_NAMES: Record<string, string> = {
  id: 'id',
  text: 'text',
  note: 'note',
  title: 'title',
  date: 'date',
  label: 'label',
  scripture: 'scripture',
  quote: 'quote',
  reference: 'reference',
  prayer: 'closing prayer',
  source: 'source',
  hash: 'content hash',
  addedAt: 'date it was added',
  updatedAt: 'date it was last changed',
  openedAt: 'date it was opened',
  sortDate: 'sort date',
  createdAt: 'date it was written',
  editedAt: 'date it was last edited',
  answeredAt: 'date it was answered',
  prayedAt: 'date of the prayer',
  briefingId: 'briefing id',
  pointerId: 'pointer id',
  briefingTitle: 'briefing title',
  pointerLabel: 'pointer label',
  pointerText: 'pointer text',
  scriptureReference: 'scripture reference',
  name: 'name',
  order: 'position',
  listId: 'list id',
  notes: 'notes',
  archivedAt: 'date it was archived',
  exportedAt: 'date it was made',
  schemaVersion: 'version number',
  formatVersion: 'format version',
  backupReminderDays: 'backup reminder',
  iterations: 'protection strength',
  salt: 'protection salt',
  iv: 'protection nonce',
  noncePrefix: 'protection nonce',
  chunkBytes: 'chunk size',
  counts: 'record counts',
  ciphertext: 'protected part',
  cipher: 'cipher',
  kdf: 'key derivation',
  kind: 'kind',
  app: 'app name',
  paragraphs: 'paragraphs',
  pointers: 'prayer pointers',
  briefings: 'briefings',
  entries: 'journal entries',
  answers: 'answered notes',
  prayed: 'prayed records',
  prayerLists: 'prayer lists',
  requests: 'prayer requests',
  settings: 'settings',
  data: 'journal data',
  encryption: 'protection details',
}

const BLANK_TYPES = new Set(['non_empty', 'check', 'min_length'])

function isBlankText(value: unknown): boolean {
  return typeof value === 'string' && !value.trim()
}

export function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path ?? []
  const subject: string[] = []
  let lastKey: string | undefined
  let endsAtItem = false
  for (const item of path) {
    const key: unknown = item.key
    if (typeof key === 'number') {
      subject.push(`${LIST_ITEMS[lastKey ?? ''] ?? 'item'} ${key + 1}`)
      endsAtItem = true
    }
    else {
      lastKey = String(key)
      endsAtItem = false
    }
  }
  if (path.length === 0) return 'it is not in the backup format'
  if (endsAtItem) return `${subject.join(', ')} is not valid`
  const name = lastKey ?? ''
  const owner = subject.length ? `${subject.join(', ')} ` : ''
  if (!owner && LISTS[name]) return `${LISTS[name]} is missing or not valid`
  const field = FIELD_NAMES[name] ?? 'field'
  const start = owner || 'it '
  const blank = issue.input === undefined || issue.input === null
    || (BLANK_TYPES.has(issue.type) && (isBlankText(issue.input) || (Array.isArray(issue.input) && issue.input.length === 0)))
  if (blank) return `${start}has no ${field}`
  if (issue.type === 'max_length') return `${start}has ${article(field)}${field} longer than ${Number(issue.requirement).toLocaleString('en')} characters`
  if (field.endsWith('s')) return `${start}has ${field} that are not valid`
  return `${start}has ${article(field)}${field} that is not valid`
}

/** "a ", "an ", or nothing before words that are many ("notes"). */
function article(field: string): string {
  if (field.endsWith('s')) return ''
  return /^[aeiou]/.test(field) ? 'an ' : 'a '
}
