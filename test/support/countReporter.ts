import type { Reporter, TestModule } from 'vitest/node';

/**
 * Prints the run's closing line, `N passed, N failed` (`, N skipped` when any were),
 * which the project's CI reads. A test file that could not even be loaded, and any
 * unhandled error, count as failures so that they can never pass silently. Tests marked
 * `it.fails` (a known shortfall, such as a budget not met yet) are named above that line,
 * so a green run still says what is owed.
 */
export default class CountReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>) {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const owed: string[] = [];
    for (const mod of testModules) {
      let tests = 0;
      for (const test of mod.children.allTests()) {
        tests++;
        const state = test.result().state;
        if (state === 'passed' && test.options.fails) owed.push(test.fullName);
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else skipped++;
      }
      if (tests === 0 && mod.state() === 'failed') failed++;
    }
    failed += unhandledErrors.length;
    const line = `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`;
    // Written after vitest's own summary so it stays the last line of the run.
    const known = owed.map((name) => `known to fail, not met yet: ${name}\n`).join('');
    process.stdout.write(`\n${known}${line}\n`);
  }
}
