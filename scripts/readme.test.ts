/**
 * Every ```ts snippet of README.md, and of the spec's info.description (the
 * "Getting started" that opens the HTML reference), compiles against the
 * package's public entry point, under the project's strict tsconfig:
 * examples cannot drift from the real API.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { root, specPath } from './prism.js';

const run = promisify(execFile);
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const specDescription = String(parse(readFileSync(specPath, 'utf8')).info.description);
const tsBlocks = (text: string): string[] => [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const snippets = [...tsBlocks(readme), ...tsBlocks(specDescription)];
const dir = join(root, '.tmp', 'readme-snippets');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README.md TypeScript snippets', () => {
  it('has snippets to check', () => {
    expect(snippets.length).toBeGreaterThan(0);
  });

  it("include the spec's Getting started example, which imports the package by its published name", () => {
    expect(tsBlocks(specDescription)).toHaveLength(1);
    expect(tsBlocks(specDescription)[0]).toContain("from 'openai-models'");
  });

  it('all type-check against the public API', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    snippets.forEach((code, i) => {
      // Each snippet is its own module; `openai-models` resolves to src/index.ts.
      writeFileSync(join(dir, `snippet-${i + 1}.ts`), `${code}\nexport {};\n`);
    });
    writeFileSync(
      join(dir, 'tsconfig.json'),
      JSON.stringify({
        extends: '../../tsconfig.json',
        compilerOptions: { noEmit: true, paths: { 'openai-models': ['../../src/index.ts'] }, noUnusedLocals: false },
        include: ['*.ts'],
      }),
    );
    // tsgo (TypeScript 7's native compiler) reports what tsc 5.9 does here, in a quarter of the time.
    const tsgo = join(root, 'node_modules', '.bin', 'tsgo');
    const result = await run(tsgo, ['-p', dir]).then(
      () => '',
      (error: { stdout?: string }) => error.stdout ?? String(error),
    );
    expect(result).toBe('');
  }, 60_000); // one tsc run: ~12 s alone, over the 20 s default on a busy machine
});
