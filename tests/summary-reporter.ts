import type { Reporter, TestModule, TestRunEndReason } from 'vitest/node'

/** Prints the one closing line CI reads: "N passed, N failed" over every project. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>, reason: TestRunEndReason) {
    // On CI a test that did not run (skip, todo, an `.only` elsewhere) is a failure, not a footnote.
    const ci = Boolean(process.env.CI) && process.env.CI !== 'false'
    let passed = 0
    let failed = unhandledErrors.length
    let skipped = 0
    for (const module of testModules) {
      const tests = [...module.children.allTests()]
      // A file that could not even be imported has no tests, only its failure.
      if (module.state() === 'failed' && tests.length === 0) failed++
      for (const test of tests) {
        const state = test.result().state
        if (state === 'passed') passed++
        else if (state === 'failed') failed++
        else skipped++
      }
    }
    if (ci) [failed, skipped] = [failed + skipped, 0]
    // A run that failed before any test could (a global setup error: no Chromium, a broken build),
    // or was stopped part way (Ctrl-C, bail), must not read as a clean "0 failed".
    if (reason !== 'passed' && failed === 0) failed = 1
    const note = reason === 'interrupted' ? 'The test run was interrupted: not every test ran.\n' : ''
    const tail = skipped ? `, ${skipped} skipped` : ''
    process.stdout.write(`\n${note}${passed} passed, ${failed} failed${tail}\n`)
  }
}
