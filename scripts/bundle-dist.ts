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
 *
 * The CLI's own libraries (`CLI_PACKAGES`) are devDependencies bundled into
 * bin.js, so a library user installs openapi-fetch alone; their licence
 * texts go beside it, in dist/src/cli/THIRD-PARTY-LICENSES.
 */
import { build } from 'esbuild';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

// openai-models/strict, as one file too: the generated validators and what only strict mode does. It shares
// no class with the client (it only returns text), so its own copy of the small helpers it uses is harmless.
await build({
  entryPoints: [join(root, 'src', 'strict.ts')],
  outfile: join(dist, 'src', 'strict.js'),
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});

/** The client's modules the CLI bundles: modules with no imports, so the bundle holds no second copy of a class. */
const SHARED = ['../internal/defaults.js', '../internal/json.js', '../internal/logger.js', '../internal/retry.js'];
/**
 * Generated code the CLI imports and leaves out of bin.js: the all-errors validators, which only
 * `conformance` loads (an `import()`), so other commands do not parse them; kept in dist/generated/.
 */
const CLI_EXTERNAL = ['../../generated/validators-all-errors.js'];
/** The packages the CLI may import, bundled with their own dependencies; each must be a devDependency. */
const CLI_PACKAGES = ['string-width', 'yaml'];
/** Licences whose text THIRD-PARTY-LICENSES carries; any other stops the build, to be looked at first. */
const LICENCES = ['MIT', 'ISC'];
const cli = join(root, 'src', 'cli');

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<
  'dependencies' | 'devDependencies',
  Record<string, string>
>;
for (const name of CLI_PACKAGES) {
  // Bundled, so no runtime dependency of library users; pinned, so every build bundles the code that was reviewed.
  if (name in manifest.dependencies || !/^\d+\.\d+\.\d+$/.test(manifest.devDependencies[name] ?? '')) {
    throw new Error(`${name} is bundled into the CLI: make it an exactly pinned devDependency, not a dependency`);
  }
}

// The CLI, as one file too; it reaches the client only through '../index.js',
// which stays an import so both share one copy of every class.
const { metafile } = await build({
  entryPoints: [join(cli, 'bin.ts')],
  outfile: join(dist, 'src', 'cli', 'bin.js'),
  absWorkingDir: root,
  metafile: true,
  allowOverwrite: true,
  bundle: true,
  format: 'esm',
  // 'neutral', not 'node': packages resolve to their ES module builds, not the CommonJS one yaml gives
  // Node, which esbuild cannot tree-shake (2.5 times the size) and whose require('process') fails in an
  // ES module bundle. Node's own modules stay imports (the plugin below).
  platform: 'neutral',
  target: 'node20',
  // The bundled packages carry no licence comments; their licences are in a file of their own.
  legalComments: 'none',
  banner: { js: '// Bundles third-party packages: their licences are in THIRD-PARTY-LICENSES, beside this file.' },
  logLevel: 'warning',
  plugins: [
    {
      name: 'cli-imports',
      setup(b) {
        // What the CLI's own files import from outside src/cli (not what the packages it bundles import):
        // the client, Node's modules, CLI_PACKAGES.
        b.onResolve({ filter: /^(\.\.\/|[^./])/ }, (args) => {
          if (!args.importer.startsWith(cli)) return undefined;
          if (['../index.js', '../strict.js', ...CLI_EXTERNAL].includes(args.path) || isBuiltin(args.path))
            return { path: args.path, external: true };
          if (CLI_PACKAGES.includes(args.path) || SHARED.includes(args.path)) return undefined;
          throw new Error(
            `${relative(root, args.importer)} imports ${args.path}; the CLI imports the client from '../index.js' and bundles only ${[...SHARED, ...CLI_PACKAGES].join(', ')} (scripts/bundle-dist.ts)`,
          );
        });
      },
    },
  ],
});
writeFileSync(join(dist, 'src', 'cli', 'THIRD-PARTY-LICENSES'), thirdPartyLicences(Object.keys(metafile.inputs)));

// index.js and cli/bin.js now hold all the code: drop the other compiled modules (their .d.ts stay).
// Kept as tsc wrote them: the deep entry points of src/compat/ (`openai-models/error`...), each a
// one-line re-export of '../index.js', so they share its one copy of every class; and the all-errors
// validators, loaded only by `openai-models conformance`.
for (const file of walk(dist)) {
  const path = relative(dist, file);
  const kept =
    ['src/index.js', 'src/cli/bin.js', 'src/strict.js', 'generated/validators-all-errors.js'].includes(path) ||
    /^src\/compat\/.*\.js$/.test(path);
  if (/\.js(\.map)?$/.test(path) && !kept) rmSync(file);
  // Their .js.map is not published (package.json "files"): drop the comment pointing at it.
  else if (kept) writeFileSync(file, readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=.*$/, '\n'));
}

/**
 * The name, version, licence and licence text of every package with a file
 * in the bundle (`inputs`, relative to the root), one after the other.
 */
function thirdPartyLicences(inputs: readonly string[]): string {
  const folders = new Set(inputs.flatMap((input) => /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []));
  const sections = [...folders].sort().map((folder) => {
    const { name, version, license } = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as Record<
      string,
      string
    >;
    if (!LICENCES.includes(license ?? ''))
      throw new Error(`${name} is under ${license}; scripts/bundle-dist.ts bundles only ${LICENCES.join(', ')}`);
    const file = readdirSync(join(root, folder)).find((entry) => /^licen[cs]e(\.(md|txt))?$/i.test(entry));
    if (file === undefined) throw new Error(`${name} has no licence file to ship with the CLI`);
    return `${name} ${version} (${license})\n\n${readFileSync(join(root, folder, file), 'utf8').trim()}\n`;
  });
  return `The openai-models CLI (bin.js) bundles these packages:\n\n${sections.join(`\n${'-'.repeat(72)}\n\n`)}`;
}

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}
