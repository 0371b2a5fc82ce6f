/**
 * The reference's code samples (scripts/docs-spec.ts): one TypeScript, one
 * CLI and one curl sample per operation, each a block of the guides that a
 * test runs. The TypeScript ones are type-checked (snippets.test.ts) and the
 * CLI ones replayed (cli-examples.test.ts) with the other blocks; the curl
 * ones are run here, with the real curl, against Prism on a free port, and
 * must get what the same request gets from the mock: a 200 of the operation
 * they name.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { codeSamples, docsSpec, operationsOf } from './docs-spec.js';
import { blocksOf } from './guides.js';
import { specPath, startPrism, type Prism } from './prism.js';

const spec = parse(readFileSync(specPath, 'utf8'));
const operations = operationsOf(spec);
const samples = codeSamples(operations.map(([id]) => id));
const API = 'https://api.openai.com/v1';
const KEY = 'sk-code-samples';

let prism: Prism | undefined;
beforeAll(async () => {
  prism = await startPrism();
}, 60_000);
afterAll(() => prism?.stop());

describe('code samples of the reference', () => {
  it('are a TypeScript, a CLI and a curl sample for each operation, in a copy of the spec', () => {
    expect(operations).toHaveLength(3);
    const built = docsSpec();
    for (const [id, path, method] of operations) {
      expect(samples.get(id)?.map((sample) => sample.label)).toEqual(['TypeScript', 'CLI', 'curl']);
      expect(built.paths[path][method]['x-codeSamples']).toEqual(samples.get(id));
      // The API contract itself carries none.
      expect(spec.paths[path][method]['x-codeSamples']).toBeUndefined();
    }
  });

  it('refuse a marked block that is not a sample, a second sample of a kind, and a missing one', () => {
    const text = (id: string, lang: string, code: string): string =>
      `<!-- sample: ${id} -->\n\`\`\`${lang}\n${code}\`\`\`\n`;
    const ts = text('listModels', 'ts', 'x;\n');
    expect(() => codeSamples(['listModels'], blocksOf(text('listModels', 'sh', 'npm test\n')))).toThrow(/must be/);
    expect(() => codeSamples(['listModels'], blocksOf(ts + ts))).toThrow(/a second TypeScript sample/);
    expect(() => codeSamples(['listModels'], blocksOf(ts))).toThrow(/no CLI sample of listModels/);
    expect(() => codeSamples(['listModels'], blocksOf(text('listModelz', 'ts', 'x;\n')))).toThrow(/no operation/);
  });

  it.each(operations)('%s: the curl sample gets from Prism what the same request gets', async (id, path, method) => {
    const curl = samples.get(id)?.find((sample) => sample.label === 'curl')?.source ?? '';
    expect(curl).toContain(API);
    const url = new URL(/https:\/\/\S+/.exec(curl)?.[0] ?? '');
    // It calls the operation it is shown for.
    expect(/-X (\w+)/.exec(curl)?.[1] ?? 'GET').toBe(method.toUpperCase());
    const template = new RegExp(`^/v1${path.replace(/\{\w+\}/g, '[^/]+')}$`);
    expect(url.pathname).toMatch(template);

    const base = prism?.url ?? '';
    const { stdout } = await promisify(execFile)('bash', ['-c', curl.replaceAll(API, base)], {
      env: { ...process.env, OPENAI_API_KEY: KEY },
    });
    const expected = await fetch(`${base}${url.pathname.replace(/^\/v1/, '')}`, {
      method: method.toUpperCase(),
      headers: { Authorization: `Bearer ${KEY}` },
    });
    expect(expected.status).toBe(200);
    expect(JSON.parse(stdout)).toEqual(await expected.json());
  });
});
