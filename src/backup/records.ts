import * as v from 'valibot'
import { emptyCounts, JOURNAL_TABLES, PAGE_SIZE, totalCount, type JournalTable, type RecordBatch } from '~/db/transfer'
import type { PointerSnapshot, PrayerRequest } from '~/db/types'
import { makeYielder } from '~/utils/yielder'
import { BackupError } from './errors'
import { BackupHeaderSchema, RECORD_SCHEMAS, type BackupHeader, type RecordLine } from './format-v2'
import { describeIssue } from './problems'
import { RECORD_NAMES, refuseDanglingRecord, refuseRequestWithoutList } from './references'
import { damaged, isPlainObject, refuseNewer } from './validate'

/**
 * Checks a version 2 backup line by line, at the border: the header, then every record against
 * its table's schema, no record twice, every record's briefing or request and every request's
 * list earlier in the file (references.ts), and exactly as many records as the header promised.
 * Hands the checked records on in batches of one table.
 */
const KEYS: Record<JournalTable, string> = { briefings: 'id', prayerLists: 'id', requests: 'id', entries: 'id', answers: 'pointerId', prayed: 'id' }

export function checkHeader(line: string): BackupHeader {
  let value: unknown
  try {
    value = JSON.parse(line.replace(/^\uFEFF/, ''))
  }
  catch {
    throw new BackupError('not-json')
  }
  if (!isPlainObject(value) || value.app !== 'selah') throw new BackupError('other-app')
  refuseNewer(value)
  if (value.kind === undefined) throw damaged('it does not say what kind of file it is')
  if (value.kind !== 'backup') throw new BackupError('other-app', 'This is a Selah file, but not a backup.')
  const result = v.safeParse(BackupHeaderSchema, value, { abortEarly: true })
  if (!result.success) throw damaged(describeIssue(result.issues[0]))
  return result.output
}

function parseLine(line: string, number: number): RecordLine {
  let value: unknown
  try {
    value = JSON.parse(line)
  }
  catch {
    throw damaged(`line ${number} is not readable`)
  }
  if (!isPlainObject(value) || !JOURNAL_TABLES.includes(value.table as JournalTable) || !isPlainObject(value.record)) {
    throw damaged(`line ${number} is not a record Selah knows`)
  }
  return value as unknown as RecordLine
}

/** Reads the checked records after the header: call `add` for each line, then `finish`. */
export function recordChecker(header: BackupHeader) {
  const counts = emptyCounts()
  const seen = Object.fromEntries(JOURNAL_TABLES.map(table => [table, new Set<string>()])) as Record<JournalTable, Set<string>>
  let batch: RecordBatch | null = null
  let lineNumber = 1

  function check({ table, record }: RecordLine): RecordBatch['rows'][number] {
    const index = counts[table]++
    const name = `${RECORD_NAMES[table]} ${index + 1}`
    if (counts[table] > header.counts[table]) throw damaged(`it holds more ${RECORD_NAMES[table]} records than it says`)
    const result = v.safeParse(RECORD_SCHEMAS[table], record, { abortEarly: true })
    if (!result.success) {
      const issue = result.issues[0]
      const path = [{ key: 'data' }, { key: table }, { key: index }, ...(issue.path ?? [])]
      throw damaged(describeIssue({ ...issue, path } as unknown as v.BaseIssue<unknown>))
    }
    const row = result.output
    const key = (row as unknown as Record<string, string>)[KEYS[table]]!
    if (seen[table].has(key)) throw damaged(`${name} appears twice`)
    seen[table].add(key)
    if (table === 'requests') refuseRequestWithoutList(row as PrayerRequest, name, seen)
    else if (table !== 'briefings' && table !== 'prayerLists') refuseDanglingRecord(row as PointerSnapshot, name, seen)
    return row
  }

  return {
    /** Checks one line; returns a full batch when one is ready. */
    add(line: string): RecordBatch | null {
      lineNumber++
      if (!line.trim()) return null
      const record = parseLine(line, lineNumber)
      const row = check(record)
      let full: RecordBatch | null = null
      if (batch && (batch.table !== record.table || batch.rows.length >= PAGE_SIZE)) {
        full = batch
        batch = null
      }
      batch ??= { table: record.table, rows: [] } as RecordBatch
      ;(batch.rows as unknown[]).push(row)
      return full
    },
    /** The last batch, once the file has ended with every record it promised. */
    finish(): RecordBatch | null {
      for (const table of JOURNAL_TABLES) if (counts[table] < header.counts[table]) throw new BackupError('truncated')
      const last = batch
      batch = null
      return last
    },
    /** Records read so far. */
    done: () => totalCount(counts),
  }
}

export function totalRecords(header: BackupHeader): number {
  return totalCount(header.counts)
}

/** A version 2 file's lines opened: its header, and its records, checked, batch by batch. */
export async function openRecords(lines: AsyncGenerator<string[], void>): Promise<{ header: BackupHeader, batches: AsyncGenerator<RecordBatch, void> }> {
  let first = await lines.next()
  while (!first.done && first.value.length === 0) first = await lines.next()
  if (first.done) throw new BackupError('empty')
  const [headerLine, ...after] = first.value
  let header: BackupHeader
  try {
    header = checkHeader(headerLine!)
  }
  catch (error) {
    await lines.return()
    throw error
  }
  async function* batches(): AsyncGenerator<RecordBatch, void> {
    const checker = recordChecker(header)
    // Checking is the slow part of reading: the page gets a turn every few dozen milliseconds.
    const yieldNow = makeYielder()
    try {
      for (let chunk: string[] | null = after; chunk; ) {
        for (const line of chunk) {
          const full = checker.add(line)
          if (full) yield full
        }
        await yieldNow()
        const next = await lines.next()
        chunk = next.done ? null : next.value
      }
      const last = checker.finish()
      if (last) yield last
    }
    finally {
      await lines.return()
    }
  }
  return { header, batches: batches() }
}
