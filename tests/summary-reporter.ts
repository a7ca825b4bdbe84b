import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node'

/** Prints the one closing line CI reads: "N passed, N failed" over every project. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: TestRunEndReason) {
    let passed = 0
    let failed = unhandledErrors.length
    let skipped = 0
    for (const module of testModules) {
      if (module.state() === 'failed' && [...module.children.allTests()].length === 0) failed++
      for (const test of module.children.allTests()) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
    }
    // A run that failed before any test could (a global setup error: no Chromium, a broken
    // build) must not read as a clean "0 failed".
    if (reason === 'failed' && failed === 0) failed = 1
    const tail = skipped ? `, ${skipped} skipped` : ''
    process.stdout.write(`\n${passed} passed, ${failed} failed${tail}\n`)
  }
}
