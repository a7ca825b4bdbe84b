import { defineStore } from 'pinia'
import type { VirtualItem } from '@tanstack/vue-virtual'
import type { TimelineItem, TimelineRange } from '~/db/timeline'

export interface TimelinePage {
  /** The fixed part of the timeline this page covers; a live change inside it shows here. */
  range: TimelineRange
  /** Held while near the screen; null once let go (read again when scrolled back to). */
  items: TimelineItem[] | null
  /** Its items' local days, run-length: what the list needs to keep its shape without the records. */
  runs: { day: string, count: number }[]
}

export interface TimelineState {
  pages: TimelinePage[]
  done: boolean
}

export interface TimelineMemory {
  /** The filter it was read for, as its URL query. */
  key: string
  state: TimelineState
  measurements: VirtualItem[]
  /** The row at the top of the screen (by index) and its top's distance from the window's top. */
  anchor: { index: number, offset: number } | null
}

/**
 * Where the journal was when the person left it for a pointer or a thread: its pages, row heights
 * and the row at the top of the screen, so Back lands on the same entry instead of the top of thirty years.
 */
export const useTimelineStore = defineStore('timeline', () => {
  let memory: TimelineMemory | null = null
  return {
    remember(value: TimelineMemory) { memory = value },
    recall(key: string): TimelineMemory | null { return memory?.key === key ? memory : null },
  }
})
