/**
 * Section 2: the same contenders over real HTTP on 127.0.0.1, each with its
 * default `fetch` (Node's undici, keep-alive), against `server.ts` running in
 * a separate process. Sequential calls, then 64 calls in flight at once;
 * throughput per round, latency percentiles over every call of every round.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { makeContenders, NAMES, OURS, ROOT, type Contender, type Name } from './contenders.js';
import { collectYoung } from './gc.js';
import { median, percentile, shuffled } from './stats.js';

export interface LoadFigures {
  /** Median calls per second over rounds. */
  perSecond: Record<Name, number>;
  /** Latency in µs over all calls. */
  p50: Record<Name, number>;
  p99: Record<Name, number>;
  /** Median over rounds of (openai-models ÷ other) throughput in the same round, by other. */
  throughputRatio: Record<Name, number>;
}

export interface LoopbackResult {
  sequential: LoadFigures;
  concurrent: LoadFigures;
  concurrency: number;
  /**
   * Sequential throughput of raw fetch given an AbortSignal and a timer (what
   * any client needs to cancel a stalled request), ÷ plain raw fetch's, same
   * rounds: the floor of the "within 5% of raw fetch" target.
   */
  signalFloor: number;
}

export const CONCURRENCY = 64;

interface Server {
  baseURL: string;
  stop(): Promise<void>;
}

async function startServer(): Promise<Server> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', resolve(ROOT, 'scripts/bench/server.ts')], {
    cwd: ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout! });
  const [first] = (await Promise.race([
    once(lines, 'line'),
    once(child, 'exit').then(() => {
      throw new Error('the loopback server exited before listening');
    }),
  ])) as [string];
  lines.close();
  const { port } = JSON.parse(first) as { port: number };
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs `total` retrieve calls, `parallel` at a time; returns each call's latency (µs) and the elapsed time (ms). */
async function load(
  contender: Contender,
  total: number,
  parallel: number,
): Promise<{ latencies: number[]; ms: number }> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < total) {
      next++;
      const started = performance.now();
      await contender.retrieve();
      latencies.push((performance.now() - started) * 1000);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: parallel }, worker));
  return { latencies, ms: performance.now() - started };
}

/**
 * `rounds` rounds of `total` calls per contender, `parallel` at a time. A
 * round is cut into `slices` that visit the contenders in turn (fresh random
 * order each), so a burst of other work on the machine lands on all of them
 * alike instead of on whoever ran at that moment.
 */
async function measure(
  contenders: Record<Name, Contender>,
  rounds: number,
  total: number,
  parallel: number,
  slices: number,
): Promise<LoadFigures> {
  const latencies = Object.fromEntries(NAMES.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  const rates = Object.fromEntries(NAMES.map((n) => [n, [] as number[]])) as Record<Name, number[]>;
  for (const name of NAMES) await load(contenders[name], Math.min(total, 200), parallel); // warm up: JIT, sockets
  for (let round = 0; round < rounds; round++) {
    const ms = Object.fromEntries(NAMES.map((n) => [n, 0])) as Record<Name, number>;
    for (let slice = 0; slice < slices; slice++) {
      for (const name of shuffled(NAMES)) {
        collectYoung();
        const run = await load(contenders[name], total / slices, parallel);
        latencies[name].push(...run.latencies);
        ms[name] += run.ms;
      }
    }
    for (const name of NAMES) rates[name].push(total / (ms[name] / 1000));
  }
  const by = (f: (name: Name) => number): Record<Name, number> =>
    Object.fromEntries(NAMES.map((n) => [n, f(n)])) as Record<Name, number>;
  return {
    perSecond: by((n) => median(rates[n])),
    p50: by((n) => percentile(latencies[n], 50)),
    p99: by((n) => percentile(latencies[n], 99)),
    throughputRatio: by((other) => median(rates[OURS].map((rate, i) => rate / rates[other][i]!))),
  };
}

export async function measureLoopback(rounds: number): Promise<LoopbackResult> {
  const server = await startServer();
  try {
    const contenders = await makeContenders(server.baseURL);
    // A slice lasts tens of ms at least (100 calls in a row; 8 waves of 64),
    // long enough that one scheduler hiccup does not decide a round.
    const sequential = await measure(contenders, rounds, 400, 1, 4);
    const concurrent = await measure(contenders, rounds, CONCURRENCY * 24, CONCURRENCY, 3);
    const signalFloor = await measureSignalFloor(contenders['raw fetch'], server.baseURL, rounds);
    return { sequential, concurrent, concurrency: CONCURRENCY, signalFloor };
  } finally {
    await server.stop();
  }
}

/** Raw fetch against raw fetch + AbortSignal + setTimeout, interleaved in slices; returns the median throughput ratio. */
async function measureSignalFloor(raw: Contender, baseURL: string, rounds: number): Promise<number> {
  const url = `${baseURL}/models/gpt-4o-mini`;
  const withSignal: Contender = {
    name: 'raw fetch',
    retrieve: async () => {
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), 600_000);
      try {
        const response = await fetch(url, { headers: { Authorization: 'Bearer sk-bench' }, signal: controller.signal });
        return await response.json();
      } finally {
        clearTimeout(timer);
      }
    },
    list: raw.list,
  };
  const ratios: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const ms = new Map<Contender, number>([
      [raw, 0],
      [withSignal, 0],
    ]);
    for (let slice = 0; slice < 6; slice++) {
      for (const contender of shuffled([raw, withSignal])) {
        collectYoung();
        ms.set(contender, ms.get(contender)! + (await load(contender, 50, 1)).ms);
      }
    }
    ratios.push(ms.get(raw)! / ms.get(withSignal)!);
  }
  return median(ratios);
}
