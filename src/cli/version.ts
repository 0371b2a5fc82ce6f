import { createRequire } from 'node:module';

/**
 * The package's version, read from its own package.json through the
 * package's self-reference (`exports["./package.json"]`), which resolves the
 * same from `src/` (tsx), `dist/` and an installed copy, where a relative
 * path would differ.
 */
export function version(): string {
  // Our own package.json, which always has a version: no check needed.
  return (createRequire(import.meta.url)('openai-models/package.json') as { version: string }).version;
}
