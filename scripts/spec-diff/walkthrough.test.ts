/**
 * CONTRIBUTING.md "Changing the spec" walks through one change end to end.
 * This test does the same on a copy of the repository (the working tree's
 * files, node_modules linked, committed once so spec:diff has a base): it
 * applies the guide's diff, runs the guide's commands in one shell, and
 * checks that every output line shown there appears, in order (`…` stands
 * for whatever the guide leaves out). About a minute: tsc dominates.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { blocksOf, readGuide, WALKTHROUGH_MARKER } from '../guides.js';
import { root } from '../prism.js';

const blocks = blocksOf(readGuide('CONTRIBUTING.md'), 'CONTRIBUTING.md');
const at = blocks.findIndex((block) => block.marker === WALKTHROUGH_MARKER);
const diff = blocks[at]?.code ?? '';
const consoleLines = (blocks.slice(at).find((block) => block.lang === 'console')?.code ?? '').trimEnd().split('\n');
const commands = consoleLines.filter((l) => l.startsWith('$ ')).map((l) => l.slice(2));
const shown = consoleLines.filter((l) => !l.startsWith('$ ') && l.trim() !== '' && l.trim() !== '…');

const dir = mkdtempSync(join(tmpdir(), 'spec-walkthrough-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
};
const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });

function copyRepository(): void {
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const file of files.split('\0')) {
    if (file === '' || !existsSync(join(root, file))) continue;
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    cpSync(join(root, file), join(dir, file));
  }
  symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
  git('init', '-q', '-b', 'main');
  git('add', '-A', '--', '.', ':!node_modules');
  git('commit', '-q', '-m', 'copy');
}

/** `…` stands for anything; the rest of a shown line must match a whole output line. */
const pattern = (shownLine: string): RegExp =>
  new RegExp(
    `^${shownLine
      .split('…')
      .map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/** The shown lines that do not appear in the output in the guide's order. */
function missingLines(output: string): string[] {
  const lines = output.split('\n').map((line) => line.trimEnd());
  let at = 0;
  const missing: string[] = [];
  for (const want of shown) {
    const re = pattern(want);
    const found = lines.findIndex((line, i) => i >= at && re.test(line));
    if (found < 0) missing.push(want);
    else at = found + 1;
  }
  return missing;
}

describe('CONTRIBUTING.md "Changing the spec" walk-through', () => {
  it('has a diff and commands to run', () => {
    expect(diff).toContain('+  /models/{id}:');
    expect(commands).toEqual(
      expect.arrayContaining([
        'npm run -s lint:spec',
        'npm run -s spec:diff',
        'npm run -s generate',
        'npx tsc -p tsconfig.json',
      ]),
    );
  });

  it('runs as shown on a copy of the repository', { timeout: 240_000 }, () => {
    copyRepository();
    writeFileSync(join(dir, 'walkthrough.diff'), diff);
    git('apply', 'walkthrough.diff');
    const result = spawnSync('bash', ['-c', ['exec 2>&1', ...commands].join('\n')], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
    expect(missingLines(result.stdout), result.stdout).toEqual([]);
    // The last command is the type-check, and it must fail: the wrapper has to change.
    expect(result.status).not.toBe(0);
  });
});
