/**
 * Section 5: no leak. Run as its own process with `--expose-gc` (see
 * `measureMemory`): 100,000 sequential `retrieve` calls through the built
 * client over the stubbed fetch; the heap retained after a full GC is
 * compared before and after. Prints one JSON line.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { API_KEY, loadOurs, ROOT } from './contenders.js';
import { modelBody, MODEL_ID, RESPONSE_HEADERS } from './fixtures.js';

export interface MemoryResult {
  calls: number;
  beforeBytes: number;
  afterBytes: number;
}

/** Runs the measurement in a child process of the `node` binary given. */
export function measureMemory(calls: number, node: string): MemoryResult {
  const out = execFileSync(node, ['--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), String(calls)], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as MemoryResult;
}

async function retainedHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  // Let timers and finalizers settle, then collect until the figure is stable.
  await new Promise((done) => setTimeout(done, 50));
  for (let i = 0; i < 4; i++) gc();
  return process.memoryUsage().heapUsed;
}

async function main(calls: number): Promise<void> {
  const { OpenAI } = await loadOurs();
  const body = modelBody(MODEL_ID);
  const fetch = (): Promise<Response> =>
    Promise.resolve(new Response(body, { status: 200, headers: RESPONSE_HEADERS }));
  const client = new OpenAI({ apiKey: API_KEY, baseURL: 'http://bench.invalid/v1', fetch });
  for (let i = 0; i < 2_000; i++) await client.models.retrieve(MODEL_ID); // warm up: JIT code, caches
  const beforeBytes = await retainedHeap();
  for (let i = 0; i < calls; i++) await client.models.retrieve(MODEL_ID);
  const afterBytes = await retainedHeap();
  const result: MemoryResult = { calls, beforeBytes, afterBytes };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main(Number(process.argv[2]));
