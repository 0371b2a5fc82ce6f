/**
 * The size a browser/edge user pays for a models-only program: esbuild
 * bundles it (every dependency included), minifies it and gzips the result.
 * Deterministic, so `scripts/bundle-size.test.ts` can guard it in `npm test`.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/**
 * The guard on the min+gzip bundle, openapi-fetch included: 9.1 KB
 * (9.1 × 1024 = 9,318.4 bytes). The bundle is expected to fall under it;
 * never raise it without saying why in the commit.
 */
export const BUNDLE_LIMIT_BYTES = 9_318;

/** The guard on what strict mode on adds to the same program, min+gzip: 2 KB (issue 29). */
export const STRICT_LIMIT_BYTES = 2_048;

export interface BundleSize {
  minified: number;
  gzip: number;
}

/**
 * A program that constructs a client and retrieves one model, importing the default export of `specifier`;
 * given `strict` (the strict entry), the same program with strict mode on, as its docs say to turn it on.
 */
export function modelsOnlyProgram(specifier: string, strict?: string): string {
  return [
    `import OpenAI from ${JSON.stringify(specifier)};`,
    ...(strict ? [`import { strictResponseValidation } from ${JSON.stringify(strict)};`] : []),
    `const client = new OpenAI({ apiKey: 'sk-bench'${strict ? ', strictResponseValidation' : ''} });`,
    `console.log(await client.models.retrieve('x'));`,
  ].join('\n');
}

/** Bundles `source` (resolved from `resolveDir`) for the browser, minified; gzip at level 9. */
export async function bundleSize(source: string, resolveDir: string): Promise<BundleSize> {
  const code = await bundled(source, resolveDir);
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}

/** The minified bundle itself, so a test can tell what went into it, not only how much. */
export async function bundled(source: string, resolveDir: string): Promise<Uint8Array> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: 'ts', sourcefile: 'models-only.ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
    legalComments: 'none',
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error('esbuild produced no output');
  return code;
}
