/**
 * Which base spec:diff picks in a git repository, and how it fails when it
 * cannot pick one: scratch repositories with two or three commits each.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { baseSpec, edited, type Outcome } from './pairs.js';
import { specDiff } from './run.js';

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@example.com',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@example.com',
};

function repo(): {
  dir: string;
  git: (...args: string[]) => string;
  commit: (spec: string, pkgVersion?: string) => void;
} {
  const dir = mkdtempSync(join(tmpdir(), 'spec-diff-git-'));
  dirs.push(dir);
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
  git('init', '-q', '-b', 'main');
  const commit = (spec: string, pkgVersion = '0.1.0') => {
    mkdirSync(join(dir, 'spec'), { recursive: true });
    writeFileSync(join(dir, 'spec', 'openapi.yaml'), spec);
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'scratch', version: pkgVersion }));
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', 'change');
  };
  return { dir, git, commit };
}

async function run(cwd: string, args: string[] = []): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await specDiff(args, { cwd, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const ownedOptional = edited((d: Document) =>
  d.setIn(['components', 'schemas', 'Model', 'required'], d.createNode(['id', 'object', 'created'])),
);
const shorter = (d: Document) => d.setIn(['info', 'description'], 'Shorter.');
const described = edited(shorter);
/** Breaks, then a later commit only edits a description. */
const brokenThenDescribed = edited(shorter, ownedOptional);

describe.concurrent('the default base', () => {
  it('on main, a clean tree: the previous commit', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    commit(ownedOptional);
    const out = await run(dir);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(
      /^spec:diff: spec\/openapi\.yaml \(info\.version 2\.3\.0\) against the previous commit HEAD~1 \([0-9a-f]{7}\) \(info\.version 2\.3\.0\)$/m,
    );
  });

  it('on main, a clean tree whose last commit kept every promise: passes', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    commit(described);
    const out = await run(dir);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toMatch(/^OK: no change callers can see, no breaking change\.$/m);
  });

  it('on main, a last commit that left the spec alone: says the spec is the same', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    commit(baseSpec, '0.1.1');
    const out = await run(dir);
    expect(out).toMatchObject({ code: 0, stderr: '' });
    expect(out.stdout).toMatch(/^OK: spec\/openapi\.yaml is the same as the base\.$/m);
  });

  it('on main with uncommitted edits to the spec: HEAD', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    commit(described);
    writeFileSync(join(dir, 'spec', 'openapi.yaml'), ownedOptional);
    const out = await run(dir);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/ against HEAD \([0-9a-f]{7}\), your uncommitted edits /);
  });

  it('on a branch: the merge-base with main, so an earlier commit of the branch still counts', async () => {
    const { dir, git, commit } = repo();
    commit(baseSpec);
    git('checkout', '-q', '-b', 'feature');
    commit(ownedOptional);
    commit(brokenThenDescribed);
    const out = await run(dir);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/ against the merge-base with main \([0-9a-f]{7}\) /);
    expect(out.stdout).toContain('[response-property-became-optional]');
  });

  it('the first commit: nothing to compare with, exit 0', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    expect(await run(dir)).toEqual({
      code: 0,
      stdout: 'spec:diff: HEAD is the first commit: there is no earlier spec to compare with. Nothing to check.\n',
      stderr: '',
    });
  });

  it('a shallow clone: exit 2, saying how to get the history', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    commit(described);
    const clone = mkdtempSync(join(tmpdir(), 'spec-diff-shallow-'));
    dirs.push(clone);
    execFileSync('git', ['clone', '-q', '--depth', '1', `file://${dir}`, clone], { env });
    const out = await run(clone);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(
      'spec:diff: cannot read the previous commit: this is a shallow clone without that history: run `git fetch --unshallow` (in GitHub Actions, actions/checkout with `fetch-depth: 0`), or pass --base <file>\n',
    );
  });

  it('a base commit without the spec: everything is new, exit 0', async () => {
    const { dir, git, commit } = repo();
    commit(baseSpec);
    git('rm', '-q', 'spec/openapi.yaml');
    git('commit', '-q', '-m', 'no spec');
    commit(ownedOptional);
    const out = await run(dir);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^spec:diff: spec\/openapi\.yaml does not exist at the previous commit HEAD~1 \([0-9a-f]{7}\): every operation in it is new\. Nothing to check\.$/m,
    );
  });
});

describe.concurrent('--base', () => {
  it('a git ref', async () => {
    const { dir, git, commit } = repo();
    commit(baseSpec);
    git('tag', 'v0.1.0');
    commit(ownedOptional);
    commit(brokenThenDescribed);
    const out = await run(dir, ['--base', 'v0.1.0']);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(/ against v0\.1\.0 \([0-9a-f]{7}\) /);
  });

  it('neither a file nor a commit: exit 2', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    expect(await run(dir, ['--base', 'no-such-ref'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'spec:diff: --base no-such-ref is neither a file nor a git commit\n',
    });
  });
});

describe.concurrent('the package version follows a breaking spec change', () => {
  const broken3 = edited((d) => d.setIn(['info', 'version'], '3.0.0'), ownedOptional);

  it('info.version 3.0.0 but package.json still 0.1.0: fails and names the version to take', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    commit(broken3);
    const out = await run(dir);
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(
      /^FAIL: 2 breaking change\(s\); info\.version raised its major \(2\.3\.0 → 3\.0\.0\), but package\.json's version did not take a breaking bump \(0\.1\.0 → 0\.1\.0\): make it 0\.2\.0\.$/m,
    );
  });

  it('both bumped: passes', async () => {
    const { dir, commit } = repo();
    commit(baseSpec);
    commit(broken3, '0.2.0');
    const out = await run(dir);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(
      /^OK: 2 breaking change\(s\) allowed, because info\.version raised its major \(2\.3\.0 → 3\.0\.0\)\.$/m,
    );
  });
});
