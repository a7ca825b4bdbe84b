import type { Briefing } from '~/briefings/types'

/** A small, realistic briefing for tests: two pointers, one with a label and scripture. */
export function makeBriefing(overrides: Partial<Briefing> = {}): Briefing {
  const id = overrides.id ?? '2025-09-05-peace-in-ukraine'
  return {
    id,
    title: 'Peace in Ukraine',
    date: '2025-09-05',
    paragraphs: ['First paragraph of the article.', 'Second paragraph.'],
    pointers: [
      { id: `${id}-p1`, label: 'Pray', text: 'for the leaders to seek peace.', scripture: { quote: 'Blessed are the peacemakers', reference: 'Matthew 5:9' } },
      { id: `${id}-p2`, label: null, text: 'for families kept apart.', scripture: null },
    ],
    prayer: { title: 'Prayer for Ukraine', text: 'Lord, bring peace.' },
    ...overrides,
  }
}
