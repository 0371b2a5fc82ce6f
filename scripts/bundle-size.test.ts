import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMIT_BYTES, bundleSize, modelsOnlyProgram } from './bench/bundle.js';

// Size is deterministic (same sources, same esbuild), so it can gate `npm test`;
// time is not, so nothing here is timed. `npm run bench` reports the same figure
// for the built package.
describe('bundle size of a models-only program (esbuild, browser, minified, gzip -9)', () => {
  const root = resolve(import.meta.dirname, '..');

  it(`stays within ${(BUNDLE_LIMIT_BYTES / 1024).toFixed(2)} KB min+gzip, openapi-fetch included`, async () => {
    const size = await bundleSize(modelsOnlyProgram('./src/index.ts'), root);
    expect(size.gzip, `min+gzip is ${size.gzip} bytes (guard: ${BUNDLE_LIMIT_BYTES})`).toBeLessThanOrEqual(
      BUNDLE_LIMIT_BYTES,
    );
  });

  it('really bundles openapi-fetch (the figure would be meaningless without it)', async () => {
    const withClient = await bundleSize(modelsOnlyProgram('./src/index.ts'), root);
    const bare = await bundleSize(`import createClient from 'openapi-fetch'; console.log(createClient({}));`, root);
    expect(bare.gzip).toBeGreaterThan(2_000);
    expect(withClient.gzip).toBeGreaterThan(bare.gzip);
  });
});
