import { createRequire } from 'node:module';

/**
 * The package's version, read from its own package.json through the
 * package's self-reference (`exports["./package.json"]`), which resolves the
 * same from `src/` (tsx), `dist/` and an installed copy, where a relative
 * path would differ.
 */
export function version(): string {
  const pkg: unknown = createRequire(import.meta.url)('openai-models/package.json');
  const value = typeof pkg === 'object' && pkg !== null && 'version' in pkg ? pkg.version : undefined;
  return typeof value === 'string' ? value : 'unknown';
}
