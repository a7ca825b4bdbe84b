import { afterEach, beforeEach, vi } from 'vitest'
import { markAnswered } from '~/db/answers'
import { addEntry } from '~/db/entries'
import { recordPrayed } from '~/db/prayed'
import { snapshotOf } from '~/db/snapshot'
import { makeBriefing, seedBriefing } from '../helpers'

export interface Download { fileName: string, type: string, file: Blob, text: string }

/**
 * Catches the files the Settings sections hand the browser: the object URL's Blob and the <a download>
 * name, instead of a navigation happy-dom cannot do. The e2e tests download for real.
 */
export function useDownloads(): Download[] {
  const downloads: Download[] = []
  const blobs = new Map<string, Blob>()
  beforeEach(() => {
    downloads.length = 0
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      const url = `blob:test/${blobs.size}`
      blobs.set(url, blob as Blob)
      return url
    })
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {})
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href)!
      void blob.text().then(text => downloads.push({ fileName: this.download, type: blob.type, file: blob, text }))
    })
  })
  afterEach(() => { vi.restoreAllMocks() })
  return downloads
}

/** A briefing with an entry, an answered note and a prayed record on its first pointer. */
export async function seedWriting(words = { entry: 'Peace for Kyiv 🙏\nand for Odesa.', answer: 'A ceasefire held.' }) {
  const briefing = await seedBriefing(makeBriefing())
  const pointer = snapshotOf(briefing, briefing.pointers[0]!)
  const entry = await addEntry(pointer, words.entry)
  const answer = await markAnswered(pointer, words.answer)
  const prayed = await recordPrayed(pointer)
  return { briefing, pointer, entry, answer, prayed }
}

/** A File as an <input type=file> would hand it over. */
export function chooseFile(input: Element, file: File) {
  Object.defineProperty(input, 'files', { value: [file], configurable: true })
  input.dispatchEvent(new Event('change'))
}
