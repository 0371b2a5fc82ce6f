/**
 * Section 3: what users download. The min+gzip bundle of a models-only
 * program (see bundle.ts), ours also with strict mode on, and the unpacked install size: our tarball
 * (`npm pack --dry-run`) plus its runtime dependencies as installed, against
 * the official package's installed folders (6.x and 7.x; neither has
 * runtime dependencies).
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { OFFICIAL, ROOT } from './contenders.js';
import { bundleSize, modelsOnlyProgram, type BundleSize } from './bundle.js';

export type SizeName = 'openapi-fetch' | 'openai-models' | keyof typeof OFFICIAL;

export interface SizeResult {
  bundle: Record<SizeName, BundleSize>;
  /** openai-models' models-only program with strict mode on (its entry, `openai-models/strict`). */
  strictBundle: BundleSize;
  /** Unpacked bytes, runtime dependencies included. */
  install: Record<SizeName, number>;
}

/** The same call with bare openapi-fetch, for reference: what our client adds is the difference. */
const BARE_PROGRAM = [
  `import createClient from 'openapi-fetch';`,
  `const client = createClient({ baseUrl: 'https://api.openai.com/v1', headers: { Authorization: 'Bearer sk-bench' } });`,
  `console.log(await client.GET('/models/{model}', { params: { path: { model: 'x' } } }));`,
].join('\n');

export async function measureSize(): Promise<SizeResult> {
  const bundle = {
    'openapi-fetch': await bundleSize(BARE_PROGRAM, ROOT),
    'openai-models': await bundleSize(modelsOnlyProgram('./dist/src/index.js'), ROOT),
    'openai 6.x': await bundleSize(modelsOnlyProgram(OFFICIAL['openai 6.x']), ROOT),
    'openai 7.x': await bundleSize(modelsOnlyProgram(OFFICIAL['openai 7.x']), ROOT),
  };
  const strictBundle = await bundleSize(modelsOnlyProgram('./dist/src/index.js', './dist/src/strict.js'), ROOT);
  const ownDeps = Object.keys(readJson(join(ROOT, 'package.json')).dependencies ?? {});
  return {
    bundle,
    strictBundle,
    install: {
      'openapi-fetch': installedSize(['openapi-fetch']),
      'openai-models': packedSize() + installedSize(ownDeps),
      'openai 6.x': installedSize([OFFICIAL['openai 6.x']]),
      'openai 7.x': installedSize([OFFICIAL['openai 7.x']]),
    },
  };
}

/** `unpackedSize` of the tarball `npm publish` would upload (needs a build; scripts are not rerun). */
function packedSize(): number {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const [info] = JSON.parse(out) as { unpackedSize: number }[];
  if (!info) throw new Error('npm pack printed nothing');
  return info.unpackedSize;
}

/** Bytes of the installed folders of `names` and of everything they depend on, each counted once. */
function installedSize(names: string[]): number {
  const seen = new Set<string>();
  const visit = (name: string): number => {
    if (seen.has(name)) return 0;
    seen.add(name);
    const dir = join(ROOT, 'node_modules', name);
    const deps = Object.keys(readJson(join(dir, 'package.json')).dependencies ?? {});
    return folderSize(dir) + deps.reduce((sum, dep) => sum + visit(dep), 0);
  };
  return names.reduce((sum, name) => sum + visit(name), 0);
}

function folderSize(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) total += entry.name === 'node_modules' ? 0 : folderSize(path);
    else if (entry.isFile()) total += statSync(path).size;
  }
  return total;
}

function readJson(path: string): { dependencies?: Record<string, string> } {
  return JSON.parse(readFileSync(path, 'utf8')) as { dependencies?: Record<string, string> };
}
