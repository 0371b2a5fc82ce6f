/**
 * `npm run spec:diff [-- --base <git ref or file>] [--format text|githubactions|markdown]`
 *
 * Compares spec/openapi.yaml with a base (see base.ts) and prints a
 * changelog, breaking changes first. Exit codes: 0 no breaking change (or
 * every one announced by a breaking version bump), 1 a breaking change
 * without one, 2 it could not compare (bad --base, shallow clone, bad YAML).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { resolveBase, SPEC, SpecDiffError, type Base } from './base.js';
import { diffSpecs, type Change } from './changes.js';
import { formatGitHub, formatMarkdown, formatText, type Verdict } from './report.js';
import { isBreakingBump, nextBreaking } from './version.js';

export interface IO {
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const FORMATS = { text: formatText, githubactions: formatGitHub, markdown: formatMarkdown } as const;
const isFormat = (f: string): f is keyof typeof FORMATS => Object.hasOwn(FORMATS, f);

function infoVersion(specText: string): string {
  const doc: unknown = parse(specText);
  const version = (doc as { info?: { version?: unknown } } | null)?.info?.version;
  return typeof version === 'string' ? version : '(none)';
}

function judge(
  changes: Change[],
  from: string,
  to: string,
  base: Base,
  cwd: string,
): Pick<Verdict, 'summary' | 'failed'> {
  const breaking = changes.filter((c) => c.breaking).length;
  if (breaking === 0) {
    const what = changes.length > 0 ? `${changes.length} compatible change(s)` : 'no change callers can see';
    return { failed: false, summary: `OK: ${what}, no breaking change.` };
  }
  const count = `${breaking} breaking change(s)`;
  const pkgFrom = base.kind === 'spec' ? base.packageVersion : undefined;
  if (!isBreakingBump(from, to)) {
    const pkg = pkgFrom === undefined ? 'a breaking bump of' : `${nextBreaking(pkgFrom)} as`;
    return {
      failed: true,
      summary: `FAIL: ${count}, and info.version did not raise its major (${from} → ${to}). Undo them, or announce them: info.version ${nextBreaking(from)} and ${pkg} package.json's version (CONTRIBUTING.md, "Changing the spec").`,
    };
  }
  if (pkgFrom !== undefined) {
    const pkgTo = (JSON.parse(readFileSync(join(cwd, 'package.json'), 'utf8')) as { version?: string }).version;
    if (!isBreakingBump(pkgFrom, pkgTo)) {
      return {
        failed: true,
        summary: `FAIL: ${count}; info.version raised its major (${from} → ${to}), but package.json's version did not take a breaking bump (${pkgFrom} → ${pkgTo ?? '(none)'}): make it ${nextBreaking(pkgFrom)}.`,
      };
    }
  }
  return { failed: false, summary: `OK: ${count} allowed, because info.version raised its major (${from} → ${to}).` };
}

export async function specDiff(argv: string[], io: IO): Promise<number> {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { base: { type: 'string' }, format: { type: 'string', default: 'text' } },
    });
    if (!isFormat(values.format)) throw new SpecDiffError(`--format must be one of ${Object.keys(FORMATS).join(', ')}`);
    const base = resolveBase(values.base, io.cwd);
    if (base.kind === 'none') {
      io.stdout(`spec:diff: ${base.reason}. Nothing to check.\n`);
      return 0;
    }
    const revision = resolve(io.cwd, SPEC);
    const dir = mkdtempSync(join(tmpdir(), 'spec-diff-'));
    try {
      const basePath = join(dir, 'base.yaml');
      writeFileSync(basePath, base.text);
      const changes = await diffSpecs(basePath, revision);
      const from = infoVersion(base.text);
      const revisionText = readFileSync(revision, 'utf8');
      const to = infoVersion(revisionText);
      const verdict: Verdict =
        revisionText === base.text
          ? { baseLabel: base.label, from, to, changes, failed: false, summary: `OK: ${SPEC} is the same as the base.` }
          : { baseLabel: base.label, from, to, changes, ...judge(changes, from, to, base, io.cwd) };
      io.stdout(FORMATS[values.format](verdict));
      return verdict.failed ? 1 : 0;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } catch (error) {
    if (!(error instanceof SpecDiffError || (error instanceof TypeError && 'code' in error))) throw error;
    io.stderr(`spec:diff: ${error.message}\n`);
    return 2;
  }
}
