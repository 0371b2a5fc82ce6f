/**
 * Two builds of openai-models side by side: this checkout ("after") and
 * another one ("before"), both with dist/ built, e.g.
 *   git worktree add /tmp/before <commit> && (cd /tmp/before && npm ci)
 *   npm run build && npx tsx scripts/bench/compare.ts /tmp/before [--runs 5]
 * Each run is a fresh process (on the bench's Node) that interleaves the CPU
 * per call of both builds, bare openapi-fetch and the official SDK 7.x as
 * the bench does, then the import() of both builds and of openapi-fetch in
 * fresh processes, interleaved. Bundle and code lines are measured once.
 * Prints a Markdown table: medians over runs, min–max in brackets.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath, pathToFileURL } from 'node:url';
import createClient from 'openapi-fetch';
import OfficialV7 from 'openai-v7';
import type { paths } from '../../generated/openapi.js';
import { countLibrary } from '../count-lines.js';
import { bundleSize, modelsOnlyProgram } from './bundle.js';
import { importing } from './coldstart.js';
import { API_KEY, ROOT } from './contenders.js';
import { cpuSamples, SCENARIOS, stubFor, type Scenario } from './cpu.js';
import { MODEL_ID } from './fixtures.js';
import { benchNode } from './node.js';
import { int, kb, ranged } from './report.js';
import { median, shuffled, spread, type Spread } from './stats.js';

const BUILDS = ['before', 'after'] as const;
type Build = (typeof BUILDS)[number];
const NAMES = ['openapi-fetch', 'openai 7.x', ...BUILDS] as const;
type Name = (typeof NAMES)[number];

interface Run {
  us: Record<Scenario, Record<Name, number>>;
  /** Median over rounds of build ÷ other in the same round. */
  ratio: Record<Scenario, Record<Build, Record<Name, number>>>;
  importMs: Record<'openapi-fetch' | Build, number>;
}

const BASE_URL = 'http://bench.invalid/v1';
const CPU_ROUNDS = 15;
const IMPORTS = 8;

async function oneRun(roots: Record<Build, string>): Promise<Run> {
  const us = {} as Run['us'];
  const ratio = {} as Run['ratio'];
  for (const scenario of ['retrieve', 'list'] as const) {
    const fetch = stubFor(scenario);
    const bare = createClient<paths>({ baseUrl: BASE_URL, headers: { Authorization: `Bearer ${API_KEY}` }, fetch });
    const v7 = new OfficialV7({ apiKey: API_KEY, baseURL: BASE_URL, fetch });
    const builds = {} as Record<
      Build,
      { models: { retrieve(id: string): Promise<unknown>; list(): Promise<unknown> } }
    >;
    for (const build of BUILDS) {
      const { OpenAI } = (await import(
        pathToFileURL(join(roots[build], 'dist/src/index.js')).href
      )) as typeof import('../../src/index.js');
      builds[build] = new OpenAI({ apiKey: API_KEY, baseURL: BASE_URL, fetch });
    }
    const calls: Record<Name, () => Promise<unknown>> =
      scenario === 'retrieve'
        ? {
            'openapi-fetch': () => bare.GET('/models/{model}', { params: { path: { model: MODEL_ID } } }),
            'openai 7.x': () => v7.models.retrieve(MODEL_ID),
            before: () => builds.before.models.retrieve(MODEL_ID),
            after: () => builds.after.models.retrieve(MODEL_ID),
          }
        : {
            'openapi-fetch': () => bare.GET('/models'),
            'openai 7.x': () => v7.models.list(),
            before: () => builds.before.models.list(),
            after: () => builds.after.models.list(),
          };
    const samples = await cpuSamples(calls, SCENARIOS[scenario].batch, CPU_ROUNDS);
    us[scenario] = Object.fromEntries(NAMES.map((n) => [n, median(samples[n])])) as Record<Name, number>;
    const over = (build: Build): Record<Name, number> =>
      Object.fromEntries(NAMES.map((n) => [n, median(samples[build].map((v, i) => v / samples[n][i]!))])) as Record<
        Name,
        number
      >;
    ratio[scenario] = { before: over('before'), after: over('after') };
  }
  const specifiers = {
    'openapi-fetch': 'openapi-fetch',
    before: pathToFileURL(join(roots.before, 'dist/src/index.js')).href,
    after: pathToFileURL(join(roots.after, 'dist/src/index.js')).href,
  };
  const ms = { 'openapi-fetch': [] as number[], before: [] as number[], after: [] as number[] };
  for (let round = 0; round <= IMPORTS; round++) {
    for (const name of shuffled(Object.keys(specifiers) as (keyof typeof specifiers)[])) {
      const run = spawnSync(process.execPath, importing(specifiers[name]), {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
      });
      if (run.status !== 0) throw new Error(`import of ${name} failed: ${run.stderr}`);
      if (round > 0) ms[name].push(Number(run.stdout.trim().split(' ')[0])); // round 0 warms the disk cache
    }
  }
  return {
    us,
    ratio,
    importMs: { 'openapi-fetch': median(ms['openapi-fetch']), before: median(ms.before), after: median(ms.after) },
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '5' }, run: { type: 'string' } },
  });
  const before = resolve(positionals[0] ?? '');
  const roots = { before, after: ROOT };
  for (const root of Object.values(roots)) {
    if (!existsSync(join(root, 'dist/src/index.js')))
      throw new Error(`${root} has no dist/src/index.js: npm run build there first`);
  }
  if (values.run) {
    process.stdout.write(`${JSON.stringify(await oneRun(roots))}\n`);
    return;
  }
  const node = benchNode();
  const runs: Run[] = [];
  for (let i = 1; i <= Number(values.runs); i++) {
    process.stderr.write(`compare: run ${i}/${values.runs} on Node ${node.version}\n`);
    const out = execFileSync(
      node.path,
      ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), before, '--run', 'yes'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: '' },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    runs.push(JSON.parse(out.trim().split('\n').at(-1)!) as Run);
  }
  const git = (root: string): string =>
    execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const bundle = Object.fromEntries(
    await Promise.all(
      BUILDS.map(async (b) => [b, (await bundleSize(modelsOnlyProgram('./dist/src/index.js'), roots[b])).gzip]),
    ),
  ) as Record<Build, number>;
  const lines = Object.fromEntries(
    await Promise.all(BUILDS.map(async (b) => [b, (await countLibrary(roots[b])).total])),
  ) as Record<Build, { code: number; comments: number }>;

  const of = (pick: (run: Run) => number): Spread => spread(runs.map(pick));
  const value = (s: Spread, digits = 1): string =>
    `${s.median.toFixed(digits)} (${s.min.toFixed(digits)}–${s.max.toFixed(digits)})`;
  const rows: string[][] = [];
  for (const scenario of ['retrieve', 'list'] as const) {
    const label = scenario === 'retrieve' ? 'retrieve' : 'list of 100';
    rows.push([
      `CPU per ${label} (µs)`,
      ...BUILDS.map((b) => value(of((r) => r.us[scenario][b]))),
      ranged(of((r) => r.ratio[scenario].after.before)),
    ]);
    for (const other of ['openapi-fetch', 'openai 7.x'] as const) {
      rows.push([
        `CPU per ${label} ÷ ${other === 'openai 7.x' ? 'official SDK 7.x' : 'bare openapi-fetch'}`,
        ...BUILDS.map((b) => ranged(of((r) => r.ratio[scenario][b][other]))),
        '',
      ]);
    }
  }
  rows.push([
    'bundle of a models-only program, min+gzip (bytes)',
    ...BUILDS.map((b) => `${int(bundle[b])} (${kb(bundle[b])} KB)`),
    `${(bundle.after - bundle.before).toString()} bytes`,
  ]);
  rows.push([
    `import() itself, wall (ms; openapi-fetch alone ${value(of((r) => r.importMs['openapi-fetch']))})`,
    ...BUILDS.map((b) => value(of((r) => r.importMs[b]))),
    ranged(of((r) => r.importMs.after / r.importMs.before)),
  ]);
  rows.push([
    'code lines, formatted (comment lines per code line)',
    ...BUILDS.map((b) => `${int(lines[b].code)} (${(lines[b].comments / lines[b].code).toFixed(2)})`),
    `${lines.after.code - lines.before.code} lines`,
  ]);
  const header = [
    `measure (median, min–max of ${runs.length} runs, Node ${node.version})`,
    `before (${git(before)})`,
    `after (${git(ROOT)})`,
    'after ÷ before',
  ];
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  process.stdout.write(`${[row(header), row(header.map(() => '---')), ...rows.map(row)].join('\n')}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
