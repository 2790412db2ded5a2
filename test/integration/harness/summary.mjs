// Prints the suite's results.json like mocha's spec reporter, ending with the line `N passed, M failed`.
export function printSummary(results, { header } = {}) {
  if (header) console.log(`\n${header}`);
  let lastFile;
  for (const test of results.tests) {
    if (test.file !== lastFile) {
      console.log(`\n  ${test.file ?? ''}`);
      lastFile = test.file;
    }
    const duration = test.durationMs !== undefined ? ` (${test.durationMs} ms)` : '';
    if (test.state === 'passed') console.log(`    ✔ ${test.fullTitle}${duration}`);
    else if (test.state === 'pending') console.log(`    - ${test.fullTitle} (skipped)`);
    else console.log(`    ✖ ${test.fullTitle}${duration}`);
  }
  const failures = results.tests.filter((test) => test.state === 'failed');
  failures.forEach((test, index) => {
    console.log(`\n  ${index + 1}) ${test.fullTitle}:`);
    console.log(indent(test.error?.stack || test.error?.message || 'failed', '     '));
  });
  if (results.notes?.length) {
    console.log('\n  Reported (not asserted):');
    for (const note of results.notes) console.log(`    ${note.test}: ${note.name} = ${note.value}`);
  }
  console.log(`\n  VS Code ${results.vscodeVersion}, suite ran in ${results.durationMs} ms`);
  const skipped = results.pending > 0 ? `, ${results.pending} skipped` : '';
  console.log(`${results.passed} passed, ${results.failed} failed${skipped}`);
}

function indent(text, prefix) {
  return String(text)
    .split('\n')
    .map((line) => prefix + line)
    .join('\n');
}

/** The process exit code for these results: failures, or no test at all, fail the run. */
export function exitCodeFor(results) {
  if (results.failed > 0) return 1;
  if (results.passed === 0) {
    console.error('No integration test passed (none ran?)');
    return 1;
  }
  return 0;
}
