/**
 * The package's public TypeScript surface, pinned: one API Extractor report per
 * entry file of package.json "exports", in reports/api/<entry>.api.md.
 *
 *   npm run api:report   rewrites the reports (commit them with the change)
 *   npm run api:check    fails when they differ from the types (so does scripts/api-report.test.ts)
 *
 * Both read the .d.ts that `tsc -p tsconfig.build.json` emits, but into a fresh
 * folder of .tmp/ rather than dist/, so they never race with the tests that read
 * dist/. That folder stays inside the project so the .d.ts resolve openapi-fetch
 * from node_modules.
 */
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type IConfigFile,
} from '@microsoft/api-extractor';
import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { root } from './prism.js';

export const reportDir = join(root, 'reports', 'api');

export interface Entry {
  /** The report's name: the shortest subpath that reaches the file (`.` is `index`). */
  name: string;
  /** The entry's .d.ts, relative to the build folder (dist/ or its stand-in). */
  dts: string;
}

/** One entry per distinct file of "exports": aliases of a file (`./error.js`, `./core/error`...) share its report. */
export function entries(): Entry[] {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    exports: Record<string, string | { types: string }>;
  };
  const names = new Map<string, string>();
  for (const [subpath, target] of Object.entries(pkg.exports)) {
    const file = typeof target === 'string' ? target : target.types;
    if (!file.startsWith('./dist/')) continue; // ./package.json
    const dts = file.slice('./dist/'.length).replace(/\.js$/, '.d.ts');
    const name = subpath === '.' ? 'index' : subpath.slice('./'.length).replaceAll('/', '-');
    const known = names.get(dts);
    if (known === undefined || name.length < known.length) names.set(dts, name);
  }
  return [...names].map(([dts, name]) => ({ name, dts }));
}

/** Emits the declarations as `npm run build` does, into a new folder of .tmp/; returns it. */
export async function buildTypes(): Promise<string> {
  await mkdir(join(root, '.tmp'), { recursive: true });
  const out = await mkdtemp(join(root, '.tmp', 'api-report-'));
  const tsc = join(root, 'node_modules', '.bin', 'tsc');
  const args = [
    '-p',
    'tsconfig.build.json',
    '--outDir',
    out,
    '--emitDeclarationOnly',
    '--declarationMap',
    'false',
    '--sourceMap',
    'false',
  ];
  await promisify(execFile)(tsc, args, { cwd: root });
  // API Extractor prints some file locations into the reports relative to the package folder:
  // a copy of package.json makes that this folder, so its random name stays out of them.
  copyFileSync(join(root, 'package.json'), join(out, 'package.json'));
  return out;
}

/** Each entry's report, as API Extractor writes it for the declarations in `out`, by name. */
export function generate(out: string): Map<string, string> {
  const all = entries();
  const reports = join(out, 'reports');
  const config = (entry: Entry): IConfigFile => ({
    projectFolder: out,
    mainEntryPointFilePath: join(out, entry.dts),
    // tsconfig.json's options, but only the entry as input.
    compiler: {
      overrideTsconfig: { extends: join(root, 'tsconfig.json'), include: [], files: [join(out, entry.dts)] },
    },
    newlineKind: 'lf',
    apiReport: {
      enabled: true,
      reportFileName: entry.name,
      // API Extractor only writes the report here; this script compares it with reports/api and copies it.
      reportFolder: reports,
      reportTempFolder: reports,
      // A type the entry uses but does not export is written out in full, so a leaked internal shows.
      includeForgottenExports: true,
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      extractorMessageReporting: {
        // Into the report rather than the console, so a reviewer sees them next to the change.
        default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        // The package uses no @public/@beta tags: everything exported is public.
        'ae-missing-release-tag': { logLevel: ExtractorLogLevel.None },
        // Each report already marks the undocumented as "(undocumented)".
        'ae-undocumented': { logLevel: ExtractorLogLevel.None },
      },
      // The doc comments are JSDoc, not checked TSDoc; the report pins types, not prose.
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  });
  const prepare = (entry: Entry) =>
    ExtractorConfig.prepare({
      configObject: config(entry),
      configObjectFullPath: undefined,
      packageJsonFullPath: join(out, 'package.json'),
    });

  // One TypeScript program for all entries: a program per entry costs a second each.
  const configs = all.map(prepare);
  if (!configs[0]) throw new Error('package.json "exports" names no entry under dist/');
  const compilerState = CompilerState.create(configs[0], {
    additionalEntryPoints: configs.map((c) => c.mainEntryPointFilePath),
  });
  const problems: string[] = [];
  for (const [i, entry] of all.entries()) {
    Extractor.invoke(configs[i]!, {
      localBuild: true,
      compilerState,
      messageCallback(message) {
        // Warnings and errors fail the run; the rest is progress chatter.
        if (message.logLevel === ExtractorLogLevel.Warning || message.logLevel === ExtractorLogLevel.Error)
          problems.push(`${entry.name}: ${message.formatMessageWithLocation(out)}`);
        message.handled = true;
      },
    });
  }
  if (problems.length > 0) throw new Error(`API Extractor:\n${problems.join('\n')}`);
  return new Map(all.map(({ name }) => [name, readFileSync(join(reports, `${name}.api.md`), 'utf8')]));
}

/** The committed reports, by name. */
export function committed(): Map<string, string> {
  const files = existsSync(reportDir) ? readdirSync(reportDir).filter((f) => f.endsWith('.api.md')) : [];
  return new Map(files.map((f) => [f.slice(0, -'.api.md'.length), readFileSync(join(reportDir, f), 'utf8')]));
}

/** Names whose committed report is missing, stale or left over from a removed entry. */
export function differences(actual: Map<string, string>, saved = committed()): string[] {
  const names = new Set([...actual.keys(), ...saved.keys()]);
  return [...names].filter((name) => actual.get(name) !== saved.get(name)).sort();
}

async function main(check: boolean): Promise<void> {
  const out = await buildTypes();
  try {
    const actual = generate(out);
    const changed = differences(actual);
    if (check) {
      if (changed.length === 0) return console.log(`reports/api: ${actual.size} reports up to date`);
      console.error(
        `The public API differs from reports/api (${changed.map((n) => `${n}.api.md`).join(', ')}): run \`npm run api:report\` and commit the report.`,
      );
      process.exitCode = 1;
      return;
    }
    await mkdir(reportDir, { recursive: true });
    for (const name of changed) {
      const text = actual.get(name);
      if (text === undefined) rmSync(join(reportDir, `${name}.api.md`));
      else writeFileSync(join(reportDir, `${name}.api.md`), text);
    }
    console.log(
      changed.length === 0
        ? 'reports/api: no change'
        : `reports/api: updated ${changed.map((n) => `${n}.api.md`).join(', ')}`,
    );
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(process.argv.includes('--check'));
