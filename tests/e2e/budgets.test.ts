import { describe, expect, inject, it } from 'vitest'
import { firstScreenSize, FIRST_SCREEN_BUDGET, kib } from '../../src/build/first-screen-size'

// The production build the e2e project made (global-setup.ts), read the way `npm run bench` reads it.
// No browser: the sizes are the files' own.
describe('the first screen stays within its budgets (issue 11)', () => {
  const size = firstScreenSize(inject('dist'))
  const listing = size.files.map(file => `${file.file} ${kib(file.gzip)}`).join(', ')

  it(`downloads at most ${kib(FIRST_SCREEN_BUDGET.js)} of JavaScript, gzip`, () => {
    expect(size.js, `JavaScript ${kib(size.js)}: ${listing}`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET.js)
  })

  it(`downloads at most ${kib(FIRST_SCREEN_BUDGET.css)} of CSS, gzip`, () => {
    expect(size.css, `CSS ${kib(size.css)}: ${listing}`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET.css)
  })

  it('counts the app and its stylesheet, not only the entry', () => {
    expect(size.files.filter(file => file.kind === 'js').length).toBeGreaterThan(1)
    expect(size.files.filter(file => file.kind === 'css')).toHaveLength(1)
  })
})
