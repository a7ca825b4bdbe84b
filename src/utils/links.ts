import type { RouteLocationRaw } from 'vue-router'

/** A briefing's page by its route name, opened at one pointer's card when `pointerId` is given. */
export function briefingLink(briefingId: string, pointerId?: string): RouteLocationRaw {
  // The person's own requests (briefings/my-prayers.ts) live on My prayers, not on a briefing page.
  if (briefingId === 'my-prayers') return { name: 'prayers', hash: pointerId ? `#${pointerId}` : '' }
  return { name: 'briefing', params: { id: briefingId }, hash: pointerId ? `#${pointerId}` : '' }
}

/** A pointer's thread: its words, then everything written, prayed and answered for it, in order. */
export function threadLink(pointerId: string): RouteLocationRaw {
  return { name: 'thread', params: { pointerId } }
}
