// Prints "N passed, N failed" for .ci/run from the vitest JSON reports in
// .reports/. A failing step that is not a vitest run (spec lint, the drift
// check, tsc) counts as one failed check, so a red `npm test` never prints
// "0 failed".
import { readdirSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let files = [];
try {
  files = readdirSync('.reports').filter((name) => name.endsWith('.json'));
} catch {
  // no vitest run happened
}
for (const name of files) {
  const report = JSON.parse(readFileSync(`.reports/${name}`, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
