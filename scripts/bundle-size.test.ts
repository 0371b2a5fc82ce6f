import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLE_LIMIT_BYTES, STRICT_LIMIT_BYTES, bundled, bundleSize, modelsOnlyProgram } from './bench/bundle.js';

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

// Issue 29: strict mode is paid for only by a program that turns it on.
describe('strict mode in the models-only program', () => {
  const root = resolve(import.meta.dirname, '..');
  const strictProgram = modelsOnlyProgram('./src/index.ts', './src/strict.ts');

  it(`adds at most ${STRICT_LIMIT_BYTES.toLocaleString('en-US')} bytes min+gzip when turned on`, async () => {
    const [off, on] = await Promise.all([
      bundleSize(modelsOnlyProgram('./src/index.ts'), root),
      bundleSize(strictProgram, root),
    ]);
    const delta = on.gzip - off.gzip;
    expect(
      delta,
      `strict adds ${delta} bytes (${off.gzip} → ${on.gzip}; guard: ${STRICT_LIMIT_BYTES})`,
    ).toBeLessThanOrEqual(STRICT_LIMIT_BYTES);
    // A delta near zero would mean the validators were not bundled, and the guard proved nothing.
    expect(delta).toBeGreaterThan(256);
  });

  // A property name of the validators' errors: minifiers keep property names, and nothing else in the
  // client or openapi-fetch says it, so its presence means validator code was bundled.
  const MARKER = 'keywordLocation';

  it(`bundles no validator code by default: "${MARKER}" is in the strict bundle only`, async () => {
    const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
    expect(readFileSync(join(root, 'generated/validators.ts'), 'utf8')).toContain(MARKER);
    const elsewhere = [
      ...readdirSync(join(root, 'src'), { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.ts') && !/\.test(-d)?\.ts$/.test(f))
        .map((f) => join('src', f)),
      'node_modules/openapi-fetch/dist/index.mjs',
    ].filter((f) => readFileSync(join(root, f), 'utf8').includes(MARKER));
    expect(elsewhere, 'the marker must be unique to generated/validators.ts').toEqual([]);
    expect(text(await bundled(strictProgram, root))).toContain(MARKER);
    expect(text(await bundled(modelsOnlyProgram('./src/index.ts'), root))).not.toContain(MARKER);
  });
});
