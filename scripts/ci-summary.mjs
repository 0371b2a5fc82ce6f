// Prints .ci/run's summary: one line per Node version and per extra check,
// then one plain "N passed, N failed" line over all of them.
//
// Arguments: `<name>=<exit status>`, e.g. `v24.21.0=0 spec:diff=1`, or
// `v26.10.0=install-failed`. A name starting with `v` is a Node version
// whose vitest runs wrote JSON reports under .reports/<version>/ (see
// vitest.config.ts): their tests are counted. A failing step that is not a
// vitest test (spec lint, tsc, an install) counts as one failed check, so a
// red step never prints "0 failed"; a Node version without any report
// (it never ran, or another Node did) is a failure too. The check named
// `mutation` also prints the score of Stryker's JSON report.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

function reports(version) {
  try {
    return readdirSync(join('.reports', version))
      .filter((name) => name.endsWith('.json'))
      .map((name) => JSON.parse(readFileSync(join('.reports', version, name), 'utf8')));
  } catch {
    return [];
  }
}

/** `score 91.2 % (1047 of 1148 mutants killed)`, counted as Stryker does: no coverage counts as survived. */
function mutationScore() {
  try {
    const { files } = JSON.parse(readFileSync(join('reports', 'mutation', 'mutation.json'), 'utf8'));
    let killed = 0;
    let valid = 0;
    for (const file of Object.values(files)) {
      for (const { status } of file.mutants) {
        if (status === 'Killed' || status === 'Timeout') killed += 1;
        if (status === 'Killed' || status === 'Timeout' || status === 'Survived' || status === 'NoCoverage') valid += 1;
      }
    }
    return `score ${((100 * killed) / valid).toFixed(2)} % (${killed} of ${valid} mutants killed)`;
  } catch {
    return 'no score (no reports/mutation/mutation.json)';
  }
}

let passed = 0;
let failed = 0;
for (const arg of process.argv.slice(2)) {
  const [name, status] = [arg.slice(0, arg.lastIndexOf('=')), arg.slice(arg.lastIndexOf('=') + 1)];
  let line;
  if (status === 'install-failed') {
    line = `${name}: could not install Node ${name}, 0 passed, 1 failed`;
    failed += 1;
  } else if (name.startsWith('v')) {
    const runs = reports(name);
    let p = 0;
    let f = 0;
    for (const report of runs) {
      p += report.numPassedTests ?? 0;
      f += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
    }
    if ((status !== '0' || runs.length === 0) && f === 0) f = 1;
    line = `${name}: ${p} passed, ${f} failed${runs.length === 0 ? ' (no test report from this Node)' : ''}`;
    passed += p;
    failed += f;
  } else {
    const ok = status === '0';
    const score = name === 'mutation' ? ` ${mutationScore()},` : '';
    line = `${name}:${score} ${ok ? '1 passed, 0 failed' : '0 passed, 1 failed'}`;
    if (ok) passed += 1;
    else failed += 1;
  }
  console.log(line);
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
