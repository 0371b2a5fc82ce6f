/**
 * The client runs on any runtime with a standard fetch: bundling
 * src/index.ts for the browser must not pull in any Node built-in.
 */
import { build } from 'esbuild';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { root } from './prism.js';

describe('portability', () => {
  it('bundles for the browser with no Node built-in in the client path', async () => {
    const result = await build({
      entryPoints: [join(root, 'src', 'index.ts')],
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((path) => path.includes('openapi-fetch'))).toBe(true);
    expect(inputs.filter((path) => /^node:|^(fs|http|https|net|util|stream|events|crypto)$/.test(path))).toEqual([]);
    expect(result.errors).toEqual([]);
  });
});
