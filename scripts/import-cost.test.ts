/**
 * Importing the package must not make Node 20 load its fetch implementation
 * (undici, ~100 ms): `Response`, `Request` and `Headers` are lazy globals
 * there, and naming one at module load (e.g. `class X extends Response`)
 * loads it on `import`, before any request (issue 12's import() budget).
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

it('leaves the lazy fetch globals (Response, Request, Headers) as lazy as it found them', () => {
  const probe = `
    const lazy = () => ['Response', 'Request', 'Headers'].map((name) => typeof Object.getOwnPropertyDescriptor(globalThis, name)?.get === 'function');
    const before = lazy();
    await import('./src/index.ts');
    console.log(JSON.stringify({ node: process.versions.node, before, after: lazy() }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
  });
  const { node, before, after } = JSON.parse(out) as { node: string; before: boolean[]; after: boolean[] };
  if (node.startsWith('20.')) expect(before).toEqual([true, true, true]);
  expect(after).toEqual(before);
}, 30_000);
