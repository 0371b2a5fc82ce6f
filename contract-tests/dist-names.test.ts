/**
 * The built package (dist/, what `npm pack` ships) keeps the names of its
 * error classes: a bundler renames a class that names itself inside its
 * body (`class _APIError`), and `err.constructor.name`, stack traces and
 * loggers that print the class then say `_APIError`.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, it } from 'vitest';
import { root } from '../scripts/prism.js';
import { builtDist } from './support/dist.js';

it('every error class of dist/src/index.js is named as it is exported', async () => {
  await builtDist();
  const built: Record<string, unknown> = await import(pathToFileURL(join(root, 'dist', 'src', 'index.js')).href);
  const classes = Object.entries(built).filter(
    ([name, value]) => name.endsWith('Error') && typeof value === 'function',
  );
  expect(classes.map(([name]) => name)).toContain('APIError');
  expect(classes.length).toBeGreaterThanOrEqual(15);
  expect(classes.filter(([name, value]) => (value as { name: string }).name !== name)).toEqual([]);
}, 300_000);
