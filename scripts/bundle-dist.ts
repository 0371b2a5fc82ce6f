/**
 * Second step of `npm run build`, after tsc: replaces dist/src/index.js with
 * one bundled file and removes the per-module .js files it inlines (their
 * .d.ts stay, for the types).
 *
 * Why: Node resolves and loads each ESM file separately; the client's 13
 * files cost ~28 ms of `import()` against ~18 ms as one file (issue 6,
 * BENCHMARKS.md). The CLI reaches the client only through `../index.js`, so
 * it shares this one copy of every class (instanceof keeps working); the
 * CLI is bundled the same way into dist/src/cli/bin.js, and the deep entry
 * points of src/compat/ stay one-line re-exports of index.js.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { root } from './prism.js';

const dist = join(root, 'dist');
const entry = join(dist, 'src', 'index.js');

await build({
  entryPoints: [join(root, 'src', 'index.ts')],
  outfile: entry,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  external: ['openapi-fetch'],
  legalComments: 'none',
  logLevel: 'warning',
});

// The CLI, as one file too; it reaches the client only through '../index.js',
// which stays an import so both share one copy of every class.
await build({
  entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
  outfile: join(dist, 'src', 'cli', 'bin.js'),
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [
    {
      name: 'client-stays-external',
      setup(b) {
        b.onResolve({ filter: /^\.\.\// }, (args) => {
          if (args.path === '../index.js' && args.importer.startsWith(join(root, 'src', 'cli'))) return { path: '../index.js', external: true };
          throw new Error(`${relative(root, args.importer)} imports ${args.path}; import the client from '../index.js'`);
        });
      },
    },
  ],
});

// index.js and cli/bin.js now hold all the code: drop the other compiled modules (their .d.ts stay).
// Kept as tsc wrote them: the deep entry points of src/compat/ (`openai-models/error`...), each a
// one-line re-export of '../index.js', so they share its one copy of every class.
for (const file of walk(dist)) {
  const path = relative(dist, file);
  const kept = path === 'src/index.js' || path === 'src/cli/bin.js' || /^src\/compat\/.*\.js$/.test(path);
  if (/\.js(\.map)?$/.test(path) && !kept) rmSync(file);
  // Their .js.map is not published (package.json "files"): drop the comment pointing at it.
  else if (kept && path.startsWith('src/compat/')) writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '\n'));
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
