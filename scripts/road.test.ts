/**
 * The road of a call, pinned: the files whose code runs between
 * `client.models.retrieve(…)` and `fetch`, taken from V8's precise coverage
 * (functions called between the two), with and without per-call options.
 * A new hop shows up here as a file in the list.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const probe = `
  import { Session } from 'node:inspector/promises';
  const { OpenAI } = await import('./src/index.ts');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.startPreciseCoverage', { callCount: true, detailed: true });
  const ran = [];
  const fetch = async () => {
    const { result } = await session.post('Profiler.takePreciseCoverage');
    // The files of this repo, this probe ([eval1]) aside.
    const ours = result.filter((script) => script.url.includes(process.cwd()) && !script.url.includes('[eval'));
    const called = ours.filter((script) => script.functions.some((fn) => fn.ranges[0].count > 0));
    ran.push(called.map((script) => script.url.split(process.cwd() + '/')[1]).sort());
    throw new Error('stop here');
  };
  const client = new OpenAI({ apiKey: 'sk-road-0123456789', fetch, maxRetries: 0 });
  for (const options of [undefined, { timeout: 5000, maxResponseSize: 1024, signal: new AbortController().signal }]) {
    await session.post('Profiler.takePreciseCoverage');
    await client.models.retrieve('gpt-4o-mini', options).catch(() => {});
  }
  console.log(JSON.stringify(ran));
`;

it('runs through four files of ours, and openapi-fetch, from retrieve() to fetch', () => {
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', probe], {
    cwd: resolve(import.meta.dirname, '..'),
    encoding: 'utf8',
  });
  const road = [
    'node_modules/openapi-fetch/dist/index.mjs',
    'src/api-promise.ts',
    'src/internal/call.ts',
    'src/internal/transport.ts',
    'src/resources/models.ts',
  ];
  expect(JSON.parse(out)).toEqual([road, road]);
}, 30_000);
