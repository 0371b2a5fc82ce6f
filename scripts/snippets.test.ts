/**
 * Every ```ts block of the guides (scripts/guides.ts), and of the spec's
 * info.description (the "Getting started" that opens the HTML reference),
 * compiles against the package's public entry point under the project's
 * strict tsconfig: examples cannot drift from the real API. The README's
 * table of client options is held to `ClientOptions` the same way.
 *
 * Console blocks are replayed elsewhere; this file fails on one that no
 * replayer claims, so a block cannot go untested by being moved.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allBlocks, blocksOf, isCliSession, readGuide, WALKTHROUGH_MARKER } from './guides.js';
import { root, specPath } from './prism.js';

const run = promisify(execFile);
const specDescription = String(parse(readFileSync(specPath, 'utf8')).info.description);
const blocks = allBlocks();
const gettingStarted = blocksOf(specDescription, 'spec info.description').filter((block) => block.lang === 'ts');
const snippets = [...blocks.filter((block) => block.lang === 'ts'), ...gettingStarted];
const dir = join(root, '.tmp', 'guide-snippets');

/** The option names of the README's "Client options" table, in its order. */
function optionNames(): string[] {
  const readme = readGuide('README.md');
  const table = readme.slice(
    readme.indexOf('### Client options'),
    readme.indexOf('\n## ', readme.indexOf('### Client options')),
  );
  return [...table.matchAll(/^\| `(\w+)` \|/gm)].map((match) => match[1] ?? '');
}

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('TypeScript snippets of the guides', () => {
  it('has snippets in the README and the other guides', () => {
    for (const file of ['README.md', 'docs/safety.md', 'CONTRIBUTING.md']) {
      expect(snippets.filter((block) => block.file === file).length, file).toBeGreaterThan(0);
    }
  });

  it("include the spec's Getting started example, which imports the package by its published name", () => {
    expect(gettingStarted).toHaveLength(1);
    expect(gettingStarted[0]?.code).toContain("from 'openai-models'");
  });

  it('leave no console block unreplayed: each is a CLI session or the spec walk-through', () => {
    const walkthrough = blocks.findIndex((block) => block.marker === WALKTHROUGH_MARKER);
    const stray = blocks
      .filter((block, i) => block.lang === 'console' && !isCliSession(block) && i !== walkthrough + 1)
      .map((block) => `${block.file}:${block.line}`);
    expect(stray).toEqual([]);
  });

  it('all type-check against the public API, and the options table names every client option', async () => {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    snippets.forEach((block, i) => {
      // Each snippet is its own module; `openai-models` resolves to src/index.ts. The name says where it came from.
      const name = `${String(i + 1).padStart(2, '0')}-${block.file.replace(/\W+/g, '-')}-line-${block.line}.ts`;
      writeFileSync(join(dir, name), `${block.code}\nexport {};\n`);
    });
    // Both ways: a name the table lacks and a name ClientOptions lacks are each a compile error.
    const names = optionNames();
    expect(names.length).toBeGreaterThan(5);
    writeFileSync(
      join(dir, 'options-table.ts'),
      [
        "import type { ClientOptions } from 'openai-models';",
        `type Documented = ${names.map((name) => `'${name}'`).join(' | ')};`,
        'const undocumented: [Exclude<keyof ClientOptions, Documented>] extends [never] ? true : false = true;',
        'const unknown: [Exclude<Documented, keyof ClientOptions>] extends [never] ? true : false = true;',
        'export { undocumented, unknown };',
        '',
      ].join('\n'),
    );
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
  }, 60_000); // one compiler run: a few seconds alone, more on a busy machine
});
