/**
 * Test support: run spec:diff on a pair of specs, the revision as
 * spec/openapi.yaml of a scratch directory and the base as a file beside it,
 * so each pair is independent and pairs can run concurrently.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseDocument, type Document } from 'yaml';
import { specPath } from '../prism.js';
import { specDiff } from './run.js';

export const baseSpec = readFileSync(specPath, 'utf8');

/** The spec with `edit` applied through the yaml package (comments kept). */
export function edited(edit: (doc: Document) => void, from = baseSpec): string {
  const doc = parseDocument(from);
  edit(doc);
  return doc.toString();
}

export interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

export async function compare(base: string, revision: string, args: string[] = []): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'spec-diff-pair-'));
  let stdout = '';
  let stderr = '';
  try {
    mkdirSync(join(dir, 'spec'));
    writeFileSync(join(dir, 'spec', 'openapi.yaml'), revision);
    writeFileSync(join(dir, 'base.yaml'), base);
    const code = await specDiff(['--base', 'base.yaml', ...args], {
      cwd: dir,
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
    });
    return { code, stdout, stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
