import { describe, expect, it } from 'vitest'
import { addEntry } from '~/db/entries'
import { buildSearchIndex, type SearchIndexProgress } from '~/db/search-index'
import { noReadsRunning, timed } from '~/db/timing'
import { firstPointer, useFreshDatabase } from './helpers'

useFreshDatabase()

/** A timed read that ends when the test says so. */
function heldRead(outcome: 'done' | 'failed' = 'done') {
  let release!: () => void
  const read = timed('held', () => new Promise<void>((resolve, reject) => {
    release = () => (outcome === 'done' ? resolve() : reject(new Error('refused')))
  }))
  read.catch(() => {})
  return { read, release: () => release() }
}

const turns = async (count = 20) => {
  for (let i = 0; i < count; i++) await new Promise(resolve => setTimeout(resolve, 0))
}

describe('noReadsRunning', () => {
  it('resolves at once when no timed work is under way', async () => {
    await expect(noReadsRunning()).resolves.toBeUndefined()
  })

  it('waits for every timed read, one that fails included', async () => {
    const first = heldRead()
    const second = heldRead('failed')
    let settled = false
    void noReadsRunning().then(() => { settled = true })
    first.release()
    await turns(3)
    expect(settled).toBe(false)
    second.release()
    await turns(3)
    expect(settled).toBe(true)
  })
})

describe('the search index build beside a view\'s read', () => {
  it('reads no page of the journal while a view is reading, and goes on after', async () => {
    await addEntry(firstPointer(), 'A word about lanterns.')
    const view = heldRead()
    const seen: SearchIndexProgress[] = []
    const build = buildSearchIndex(progress => seen.push(progress))
    await turns()
    expect(seen).toEqual([{ done: 0, total: 1, finished: false }])
    view.release()
    await build
    expect(seen.at(-1)).toEqual({ done: 1, total: 1, finished: true })
  })
})
