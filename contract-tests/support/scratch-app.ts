/**
 * Scratch apps that install the packed package as a user would, offline.
 *
 * `npm install --offline` can only resolve a registry dependency such as
 * `openapi-fetch@0.17.0` from npm's cache, and `npm ci` does not put the
 * registry's package documents there: on a new machine (empty cache) the
 * install failed with ENOTCACHED. Tests never need the internet, so instead
 * of letting the install reach the registry, every runtime dependency is
 * packed from the repository's own node_modules (the lockfile's exact
 * versions, checked by `npm ci`) and the scratch app's `overrides` point
 * those names at the tarballs. The app's `dependencies` stay what a user's
 * are (`openai-models`, and `openai` where a test adds it): openapi-fetch
 * is installed only because the packed package declares it, so a missing
 * or wrong dependency in package.json still fails the test.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from '../../scripts/prism.js';
import { cleanEnv, spawnProcess, type Ran } from './cli.js';
import { builtDist } from './dist.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

async function npmChecked(args: string[], cwd: string): Promise<Ran> {
  const ran = await spawnProcess(npm, args, { env: cleanEnv(), cwd, timeoutMs: 180_000 });
  if (ran.code !== 0) throw new Error(`npm ${args.join(' ')} failed in ${cwd}:\n${ran.stdout}${ran.stderr}`);
  return ran;
}

/** `npm pack` of `from` into `folder`; returns the tarball's file name. */
async function pack(folder: string, from: string, args: string[] = []): Promise<string> {
  const ran = await npmChecked(['pack', ...args, '--json', '--pack-destination', folder, from], root);
  // The JSON follows whatever a prepare script printed.
  const [made] = JSON.parse(ran.stdout.slice(ran.stdout.search(/^\[/m))) as { filename: string }[];
  if (made === undefined) throw new Error(`npm pack ${from} made no tarball:\n${ran.stdout}`);
  return made.filename;
}

/** The names of the package's runtime dependencies, transitively, from package-lock.json. */
async function runtimeDependencies(): Promise<string[]> {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; optional?: boolean }>;
  };
  const names = Object.entries(lock.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.devOptional && !entry.optional)
    .map(([path]) => path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length));
  if (new Set(names).size !== names.length)
    throw new Error(`two versions of one runtime dependency: ${names.join(', ')}`);
  return names;
}

export interface Packed {
  folder: string;
  /** `file:` spec of this repository's tarball, of the dist/ that support/dist.ts built. */
  ours: string;
  /** `overrides` that take every runtime dependency from its tarball. */
  overrides: Record<string, string>;
  /** `file:` spec of a devDependency packed as installed, e.g. the official `openai`. */
  installed: Record<string, string>;
}

/** Packs the repository, its runtime dependencies and the named installed packages into `folder`. */
export async function packAll(folder: string, installed: string[]): Promise<Packed> {
  const deps = join(folder, 'deps');
  await mkdir(deps, { recursive: true });
  // --ignore-scripts: these are installed packages, their build scripts need their own dev tools.
  const packInstalled = async (name: string): Promise<[string, string]> => [
    name,
    `file:${join(deps, await pack(deps, join(root, 'node_modules', name), ['--ignore-scripts']))}`,
  ];
  const [ours, overrides, extra] = await Promise.all([
    // --ignore-scripts: its prepare script (`npm run build`) already ran in builtDist().
    builtDist().then(() => pack(folder, root, ['--ignore-scripts'])),
    runtimeDependencies().then((names) => Promise.all(names.map(packInstalled))),
    Promise.all(installed.map(packInstalled)),
  ]);
  return {
    folder,
    ours: `file:${join(folder, ours)}`,
    overrides: Object.fromEntries(overrides),
    installed: Object.fromEntries(extra),
  };
}

/** An empty app in `folder/name` that installs `specs` one `npm install --offline` after the other. */
export async function scratchApp(packed: Packed, name: string, specs: string[]): Promise<string> {
  const app = join(packed.folder, name);
  await mkdir(app);
  await writeFile(join(app, 'package.json'), JSON.stringify({ name, private: true, overrides: packed.overrides }));
  for (const spec of specs) await npmChecked(['install', '--offline', '--no-audit', '--no-fund', spec], app);
  return app;
}
