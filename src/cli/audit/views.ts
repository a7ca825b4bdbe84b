/** The views `npm run audit` scores, each at a URL a person can open directly (a deep link). */

export interface View {
  label: string
  path: string
}

/** The shipped briefing (src/content/briefings): the app mirrors it on a first load, so it is there in every run. */
export const BRIEFING_ID = '2025-09-05-ukraine-putin-rejects-peace-force'

export const VIEWS: readonly View[] = [
  { label: 'Today', path: '/' },
  { label: 'Briefing', path: `/briefings/${BRIEFING_ID}` },
  { label: 'Journal search', path: '/journal?q=peace' },
  { label: 'Thread', path: `/pointers/${BRIEFING_ID}-p1` },
  { label: 'Answered', path: '/answered' },
  { label: 'My prayers', path: '/prayers' },
  { label: 'Settings', path: '/settings' },
  { label: 'Add', path: '/add' },
  { label: 'Briefings', path: '/briefings' },
  { label: 'Pray-through', path: `/pray/${BRIEFING_ID}` },
]
