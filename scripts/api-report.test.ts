/**
 * reports/api pins the public types of every entry point (scripts/api-report.ts):
 * the declarations are built afresh into .tmp/ (not dist/, which other tests
 * read), each report regenerated and compared with the committed one; and a new
 * export really does change a report.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTypes, committed, differences, generate } from './api-report.js';

const fix = 'run `npm run api:report` and commit the report';
let out: string;
let actual: Map<string, string>;

beforeAll(async () => {
  out = await buildTypes();
  actual = generate(out);
}, 60_000);

afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('api:check', () => {
  it('reports/api matches the public types of every entry of "exports"', () => {
    const saved = committed();
    expect([...actual.keys()].sort(), `one report per entry file of "exports": ${fix}`).toEqual(
      [...saved.keys()].sort(),
    );
    // The diff's + lines are what the types say now.
    for (const [name, text] of actual)
      expect(text, `the public API of reports/api/${name}.api.md changed: ${fix}`).toBe(saved.get(name));
  });

  it('sees a new export of the main entry', () => {
    appendFileSync(join(out, 'src', 'index.d.ts'), 'export declare const addedByTheTest = 1;\n');
    expect(differences(generate(out), actual)).toEqual(['index']);
  });
});
