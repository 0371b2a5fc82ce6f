/**
 * What spec/openapi.yaml is compared with. `--base` names a file or a git
 * ref; without it the base is the merge-base with the main branch. On the
 * main branch itself (merge-base = HEAD) it is the last commit before the
 * change under review: HEAD when the spec has uncommitted edits, else HEAD~1.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const SPEC = 'spec/openapi.yaml';

/** A problem with the setup, not with the spec: exit code 2. */
export class SpecDiffError extends Error {
  override readonly name = 'SpecDiffError';
}

export type Base =
  | { kind: 'spec'; label: string; text: string; packageVersion?: string }
  /** Nothing to compare with (first commit, or no spec yet): nothing can break. */
  | { kind: 'none'; reason: string };

/** Git's output (a file's bytes as they are; one-line answers trimmed), or undefined when git fails. */
function git(cwd: string, args: string[], raw = false): string | undefined {
  try {
    const out = execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
    return raw ? out : out.trim();
  } catch {
    return undefined;
  }
}

const commitOf = (cwd: string, ref: string): string | undefined =>
  git(cwd, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);

const isShallow = (cwd: string): boolean => git(cwd, ['rev-parse', '--is-shallow-repository']) === 'true';

const SHALLOW_HINT =
  'this is a shallow clone without that history: run `git fetch --unshallow` ' +
  '(in GitHub Actions, actions/checkout with `fetch-depth: 0`), or pass --base <file>';

function atCommit(cwd: string, sha: string, label: string): Base {
  // `<rev>:./path` is relative to cwd, so this works from any clone's root.
  const text = git(cwd, ['show', `${sha}:./${SPEC}`], true);
  if (text === undefined)
    return { kind: 'none', reason: `${SPEC} does not exist at ${label}: every operation in it is new` };
  const pkg = git(cwd, ['show', `${sha}:./package.json`]);
  const version: unknown = pkg === undefined ? undefined : (JSON.parse(pkg) as { version?: unknown }).version;
  return { kind: 'spec', label, text, ...(typeof version === 'string' ? { packageVersion: version } : {}) };
}

/** The main branch to compare with: the pull request's base on GitHub, else origin/main, else main. */
function mainBranch(cwd: string): string | undefined {
  const baseRef = process.env['GITHUB_BASE_REF'];
  const candidates = [...(baseRef ? [`origin/${baseRef}`] : []), 'origin/main', 'main'];
  return candidates.find((ref) => commitOf(cwd, ref) !== undefined);
}

function defaultBase(cwd: string): Base {
  const head = commitOf(cwd, 'HEAD');
  if (head === undefined) throw new SpecDiffError(`no git commit here to compare with: pass --base <file>`);
  const main = mainBranch(cwd);
  const mergeBase = main === undefined ? undefined : git(cwd, ['merge-base', 'HEAD', main]);
  if (mergeBase !== undefined && mergeBase !== head) {
    return atCommit(cwd, mergeBase, `the merge-base with ${main} (${mergeBase.slice(0, 7)})`);
  }
  // `git diff --quiet` fails (exit 1) exactly when the spec differs from HEAD.
  if (git(cwd, ['diff', '--quiet', 'HEAD', '--', SPEC]) === undefined) {
    return atCommit(cwd, head, `HEAD (${head.slice(0, 7)}), your uncommitted edits`);
  }
  const previous = commitOf(cwd, 'HEAD~1');
  if (previous !== undefined) return atCommit(cwd, previous, `the previous commit HEAD~1 (${previous.slice(0, 7)})`);
  if (isShallow(cwd)) throw new SpecDiffError(`cannot read the previous commit: ${SHALLOW_HINT}`);
  return { kind: 'none', reason: 'HEAD is the first commit: there is no earlier spec to compare with' };
}

export function resolveBase(option: string | undefined, cwd: string): Base {
  if (option === undefined) return defaultBase(cwd);
  const file = resolve(cwd, option);
  if (existsSync(file)) return { kind: 'spec', label: option, text: readFileSync(file, 'utf8') };
  const sha = commitOf(cwd, option);
  if (sha !== undefined) return atCommit(cwd, sha, `${option} (${sha.slice(0, 7)})`);
  const hint = isShallow(cwd) ? `; ${SHALLOW_HINT}` : '';
  throw new SpecDiffError(`--base ${option} is neither a file nor a git commit${hint}`);
}
