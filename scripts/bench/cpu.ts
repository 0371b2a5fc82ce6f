/**
 * Section 1: client CPU per call. Every contender calls the same stubbed
 * `fetch`, which returns a canned `Response` at once, so what is left is the
 * client's own work: building the request, the stub's `new Response`, reading
 * and parsing the body (identical for all four), plus whatever the client
 * adds (timeouts, retries bookkeeping, validation...). Measured with
 * `process.cpuUsage()` over a batch of sequential awaited calls, rounds
 * interleaved in a fresh random order each time.
 */
import { makeContenders, NAMES, type Fetch, type Name } from './contenders.js';
import { listBody, modelBody, MODEL_ID, RESPONSE_HEADERS } from './fixtures.js';
import { median, shuffled } from './stats.js';

export interface CpuResult {
  /** Median µs per call, by scenario and contender. */
  us: Record<'retrieve' | 'list', Record<Name, number>>;
  /** Median over rounds of (contender ÷ other) measured in the same round. */
  ratio: Record<'retrieve' | 'list', (a: Name, b: Name) => number>;
  /** What an AbortController + setTimeout/clearTimeout pair costs here: the floor of any client with a per-attempt timeout. */
  timeoutFloorUs: number;
}

const SCENARIOS = {
  retrieve: { body: modelBody(MODEL_ID), batch: 600 },
  list: { body: listBody(100), batch: 150 },
} as const;

export async function measureCpu(rounds: number, baseURL: string): Promise<CpuResult> {
  const us = {} as CpuResult['us'];
  const ratio = {} as CpuResult['ratio'];
  for (const [scenario, { body, batch }] of Object.entries(SCENARIOS) as [keyof typeof SCENARIOS, (typeof SCENARIOS)[keyof typeof SCENARIOS]][]) {
    const stub: Fetch = () => Promise.resolve(new Response(body, { status: 200, headers: RESPONSE_HEADERS }));
    const contenders = await makeContenders(baseURL, stub);
    const samples = Object.fromEntries(NAMES.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
    const warmup = 2;
    for (let round = 0; round < rounds + warmup; round++) {
      for (const name of shuffled(NAMES)) {
        const call = contenders[name][scenario];
        const before = process.cpuUsage();
        for (let i = 0; i < batch; i++) await call();
        const spent = process.cpuUsage(before);
        if (round >= warmup) samples[name].push((spent.user + spent.system) / batch);
      }
    }
    us[scenario] = Object.fromEntries(NAMES.map((name) => [name, median(samples[name])])) as Record<Name, number>;
    ratio[scenario] = (a, b) => median(samples[a].map((value, i) => value / samples[b][i]!));
  }
  return { us, ratio, timeoutFloorUs: timeoutFloor() };
}

function timeoutFloor(): number {
  const n = 20_000;
  const once = (): void => {
    const controller = new AbortController();
    clearTimeout(setTimeout(() => controller.abort(), 600_000));
    void controller.signal;
  };
  for (let i = 0; i < 2_000; i++) once();
  const samples: number[] = [];
  for (let round = 0; round < 5; round++) {
    const before = process.cpuUsage();
    for (let i = 0; i < n; i++) once();
    const spent = process.cpuUsage(before);
    samples.push((spent.user + spent.system) / n);
  }
  return median(samples);
}
