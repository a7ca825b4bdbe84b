import * as v from 'valibot'
import { describe, expect, it } from 'vitest'
import { BackupFileSchema, EncryptedBackupFileSchema } from '~/backup/format'
import { FIELD_NAMES, describeIssue } from '~/backup/problems'

type Node = { entries?: Record<string, Node>, item?: Node, wrapped?: Node }

function keysOf(schema: Node): string[] {
  const own = Object.entries(schema.entries ?? {}).flatMap(([key, child]) => [key, ...keysOf(child)])
  return [...own, ...(schema.item ? keysOf(schema.item) : []), ...(schema.wrapped ? keysOf(schema.wrapped) : [])]
}

function problem(schema: v.GenericSchema, input: unknown): string {
  const result = v.safeParse(schema, input, { abortEarly: true })
  if (result.success) throw new Error('expected a problem')
  return describeIssue(result.issues[0])
}

describe('describeIssue', () => {
  it('has plain words for every field a backup can hold', () => {
    const keys = new Set([...keysOf(BackupFileSchema as Node), ...keysOf(EncryptedBackupFileSchema as Node)])
    expect(keys.size).toBeGreaterThan(30)
    for (const key of keys) expect(FIELD_NAMES[key], key).toBeTruthy()
  })

  it('names the place and the problem', () => {
    const entries = v.object({ entries: v.array(v.object({ id: v.string(), text: v.pipe(v.string(), v.nonEmpty()) })) })
    expect(problem(entries, { entries: [{ id: 'a', text: 'x' }, { id: 3, text: 'x' }] })).toBe('journal entry 2 has an id that is not valid')
    expect(problem(entries, { entries: [{ id: 'a', text: '' }] })).toBe('journal entry 1 has no text')
    expect(problem(entries, { entries: [null] })).toBe('journal entry 1 is not valid')
    expect(problem(entries, { entries: 'none' })).toBe('the list of journal entries is missing or not valid')
    expect(problem(entries, 'none')).toBe('it is not in the backup format')
    const briefing = v.object({ briefings: v.array(v.object({ pointers: v.pipe(v.array(v.string()), v.minLength(1)) })) })
    expect(problem(briefing, { briefings: [{ pointers: [] }] })).toBe('briefing 1 has no prayer pointers')
    expect(problem(briefing, { briefings: [{ pointers: [1] }] })).toBe('briefing 1, pointer 1 is not valid')
  })
})
