/**
 * The size a browser/edge user pays for a models-only program: esbuild
 * bundles it (every dependency included), minifies it and gzips the result.
 * Deterministic, so `scripts/bundle-size.test.ts` can guard it in `npm test`.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

/** The target of issue 6: at most 5 KB minified + gzip, openapi-fetch included. */
export const BUNDLE_BUDGET_BYTES = 5 * 1024;

/**
 * What `npm test` enforces today: a ratchet a little above the measured size,
 * because the client does not fit the 5 KB target yet (openapi-fetch alone is
 * 2.6 KB; BENCHMARKS.md says where the rest goes). Lower it whenever the
 * bundle shrinks, down to BUNDLE_BUDGET_BYTES; never raise it silently.
 *
 * Raised from 7.25 KB (7,312 bytes measured) to 7.75 KB for issue 14: the
 * official SDK's browser guard costs 426 bytes (its error message about 230,
 * the browser Web Worker check about 110, the OpenAI.Models/OpenAI.Page
 * statics the rest). Measured after: 7,738 bytes.
 * Raised again to 8.25 KB for issue 13: reading every body through a byte
 * limit (internal/body.ts, APIResponseTooLargeError, the option) costs about
 * 490 bytes (7,846 → 8,339 bytes, on the openapi-fetch transport).
 * Raised again to 8.5 KB for issue 13's CPU budget: the shared interval for
 * long timeouts (internal/timeouts.ts) costs about 292 bytes and decoding a
 * one-chunk body with a shared decoder about 48 (8,235 → 8,575 bytes); they
 * take a retrieve from 1.20× to 1.11× bare openapi-fetch.
 * Raised again to 8.75 KB for issue 13's review, which tried the roads as a
 * user would: a typed error instead of a bare RangeError for JSON too deep to
 * stringify (errors.ts, call.ts, about 90 bytes), a page that keeps its
 * methods whatever keys a list body has (about 15), a typed error when the
 * caller already read the body of `.asResponse()` (about 60), and the rest
 * in the readBody fixes (8,573 → 8,736 bytes).
 * Lowered to 8.6 KB once that round was over (8,727 bytes measured), so that
 * the guard sits about 80 bytes above the bundle instead of 230.
 * Raised to 8.9 KB for the fixes of a black-box review of the packed
 * package (8,727 → 9,092 bytes): the key scrubbed from the headers an error
 * keeps and from where a cut error body ends (about 150 bytes), a baseURL
 * holding credentials refused (about 60), a warning for an OPENAI_LOG that
 * is no level (about 55), and a typed error for a 2xx of `client.api` that
 * is not JSON (about 100).
 * Raised to 9.05 KB for the fixes of the review of those fixes (9,096 →
 * 9,220 bytes, +124): a key or header value no request could carry refused
 * without quoting it (about 60), the key trimmed as the header is, every
 * set-cookie line kept when headers are scrubbed, a chunked 2xx of
 * `client.api` told apart from one with a content-length, and a URL's
 * credentials detected by the URL parser rather than a pattern.
 * Raised to 9.1 KB for the third review's (9,220 → 9,259 bytes, +39; 9,265 after the tidy-up that followed): a
 * connection error's cause that quotes the key replaced by a scrubbed copy,
 * the content-length of a chunked copy counted from its text, a URL masked
 * up to its last `@` with no scheme as well, a key that is no string refused.
 */
export const BUNDLE_LIMIT_BYTES = 9.1 * 1024;

export interface BundleSize {
  minified: number;
  gzip: number;
}

/** A program that constructs a client and retrieves one model, importing the default export of `specifier`. */
export function modelsOnlyProgram(specifier: string): string {
  return [
    `import OpenAI from ${JSON.stringify(specifier)};`,
    `const client = new OpenAI({ apiKey: 'sk-bench' });`,
    `console.log(await client.models.retrieve('x'));`,
  ].join('\n');
}

/** Bundles `source` (resolved from `resolveDir`) for the browser, minified; gzip at level 9. */
export async function bundleSize(source: string, resolveDir: string): Promise<BundleSize> {
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
  return { minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength };
}
