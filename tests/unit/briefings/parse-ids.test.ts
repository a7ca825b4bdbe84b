import { describe, expect, it } from 'vitest'
import { briefingId, contentHash, pointerId, slugify } from '~/briefings/ids'
import { briefingOf, SHARED_NAME, SHARED_TEXT } from './parse-helpers'

describe('ids', () => {
  it('slugifies titles into lowercase ASCII', () => {
    expect(slugify('Ukraine: Putin Rejects Peace Force')).toBe('ukraine-putin-rejects-peace-force')
    expect(slugify('  Prayer for God’s Shield — São Tomé & Príncipe! ')).toBe('prayer-for-gods-shield-sao-tome-principe')
    expect(slugify('ﬁrst ２０２５')).toBe('first-2025')
  })

  it('keeps slugs at 80 characters at most, cut at a word boundary', () => {
    const slug = slugify('Peace '.repeat(30))
    expect(slug.length).toBeLessThanOrEqual(80)
    expect(slug).toMatch(/^peace(-peace)+$/)
    expect(slugify('x'.repeat(200))).toHaveLength(80)
  })

  it('derives the briefing id from date and title, with a stable hash for non-Latin titles', () => {
    expect(briefingId('2025-09-05', 'Ukraine')).toBe('2025-09-05-ukraine')
    expect(briefingId(null, 'Ukraine')).toBe('ukraine')
    const id = briefingId(null, 'Україна: мир')
    expect(id).toMatch(/^briefing-[0-9a-f]{8}$/)
    expect(briefingId(null, 'Україна: мир')).toBe(id)
    expect(briefingId(null, 'Україна: війна')).not.toBe(id)
    expect(pointerId('2025-09-05-ukraine', 2)).toBe('2025-09-05-ukraine-p2')
  })

  it('keeps every id when an editor fixes a typo in a pointer or the article', () => {
    const before = briefingOf(SHARED_TEXT, { fileName: SHARED_NAME })
    const edited = SHARED_TEXT.replace('prioritize genuine peace', 'prioritise genuine peace').replace('scepticism', 'skepticism')
    const after = briefingOf(edited, { fileName: SHARED_NAME })
    expect(after.pointers[0]?.text).toContain('prioritise')
    expect(after.id).toBe(before.id)
    expect(after.pointers.map((p) => p.id)).toEqual(before.pointers.map((p) => p.id))
  })

  it('changes the briefing id when the title or the date changes', () => {
    const retitled = briefingOf(SHARED_TEXT.replace('Putin Rejects', 'Putin Refuses'), { fileName: SHARED_NAME })
    expect(retitled.id).toBe('2025-09-05-ukraine-putin-refuses-peace-force')
    const redated = briefingOf(SHARED_TEXT, { fileName: '2025-09-06-x.txt' })
    expect(redated.id).toBe('2025-09-06-ukraine-putin-rejects-peace-force')
  })

  it('hashes content as 16 hex characters of SHA-256', async () => {
    // SHA-256 of '{"a":1}' is 015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862.
    expect(await contentHash({ a: 1 })).toBe('015abd7f5cc57a2d')
    expect(await contentHash({ a: 2 })).not.toBe(await contentHash({ a: 1 }))
  })
})
