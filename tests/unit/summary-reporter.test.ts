import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { TestModule, TestRunEndReason } from 'vitest/node'
import SummaryReporter from '../summary-reporter'

type TestState = 'passed' | 'failed' | 'skipped' | 'pending'

/** Only what the reporter reads of a Vitest TestModule: its state and its tests' result states. */
function fakeModule(states: TestState[], state = states.includes('failed') ? 'failed' : 'passed'): TestModule {
  const tests = states.map(testState => ({ result: () => ({ state: testState }) }))
  return { state: () => state, children: { allTests: () => tests.values() } } as unknown as TestModule
}

const savedCi = process.env.CI
let written: string

beforeEach(() => {
  written = ''
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written += String(chunk)
    return true
  })
  delete process.env.CI
})
afterEach(() => {
  vi.restoreAllMocks()
  if (savedCi === undefined) delete process.env.CI
  else process.env.CI = savedCi
})

function summary(modules: TestModule[], reason: TestRunEndReason = 'passed', unhandledErrors: unknown[] = []): string[] {
  new SummaryReporter().onTestRunEnd(modules, unhandledErrors, reason)
  expect(written.startsWith('\n') && written.endsWith('\n'), JSON.stringify(written)).toBe(true)
  return written.slice(1, -1).split('\n')
}

describe('the closing line CI reads', () => {
  it('counts every test that passed', () => {
    expect(summary([fakeModule(['passed', 'passed']), fakeModule(['passed'])])).toEqual(['3 passed, 0 failed'])
  })

  it('counts a failed test', () => {
    expect(summary([fakeModule(['passed', 'failed', 'passed'])], 'failed')).toEqual(['2 passed, 1 failed'])
  })

  it('counts a file that failed before it had tests (an import error)', () => {
    expect(summary([fakeModule(['passed']), fakeModule([], 'failed')], 'failed')).toEqual(['1 passed, 1 failed'])
  })

  it('counts an error no test caught', () => {
    expect(summary([fakeModule(['passed'])], 'failed', [new Error('unhandled')])).toEqual(['1 passed, 1 failed'])
  })

  it('never says "0 failed" of an interrupted run, and says why on the line before', () => {
    expect(summary([fakeModule(['passed', 'pending'])], 'interrupted')).toEqual([
      'The test run was interrupted: not every test ran.',
      '1 passed, 1 failed, 1 skipped',
    ])
  })

  it('does not add to the failures of an interrupted run that has some', () => {
    expect(summary([fakeModule(['failed', 'failed'])], 'interrupted')).toEqual([
      'The test run was interrupted: not every test ran.',
      '0 passed, 2 failed',
    ])
  })

  it('never says "0 failed" of a run that failed without a failed test (a global setup error)', () => {
    expect(summary([], 'failed')).toEqual(['0 passed, 1 failed'])
  })

  it('lists skipped and todo tests apart outside CI', () => {
    expect(summary([fakeModule(['passed', 'skipped', 'skipped'])])).toEqual(['1 passed, 0 failed, 2 skipped'])
    written = ''
    process.env.CI = 'false'
    expect(summary([fakeModule(['passed', 'skipped'])])).toEqual(['1 passed, 0 failed, 1 skipped'])
  })

  it('counts skipped and todo tests as failed on CI', () => {
    process.env.CI = 'true'
    const modules = [fakeModule(['passed', 'passed', 'skipped']), fakeModule(['failed', 'skipped', 'passed'])]
    expect(summary(modules, 'failed')).toEqual(['3 passed, 3 failed'])
    written = ''
    expect(summary([fakeModule(['passed', 'skipped'])])).toEqual(['1 passed, 1 failed'])
  })
})
