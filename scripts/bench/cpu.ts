/**
 * Section 1: client CPU per call. Every contender calls the same stubbed
 * `fetch`, which returns a canned `Response` at once, so what is left is the
 * client's own work: building the request, the stub's `new Response`, reading
 * and parsing the body (identical for all), plus whatever the client
 * adds (timeouts, retries bookkeeping, validation...). Measured with
 * `process.cpuUsage()` over a batch of sequential awaited calls, rounds
 * interleaved in a fresh random order each time, each round in slices.
 */
import { API_KEY, makeContenders, NAMES, OURS, type Fetch, type Name } from './contenders.js';
import { listBody, modelBody, MODEL_ID, RESPONSE_HEADERS } from './fixtures.js';
import { collectYoung } from './gc.js';
import { median, shuffled } from './stats.js';
import { OpenAI } from '../../src/client.js';
import { createTransport } from '../../src/internal/transport.js';

export type Scenario = 'retrieve' | 'list';

export interface CpuResult {
  /** Median µs per call, by scenario and contender. */
  us: Record<Scenario, Record<Name, number>>;
  /** Median over rounds of (openai-models ÷ other) measured in the same round, by scenario and other. */
  ratio: Record<Scenario, Record<Name, number>>;
  /** What an AbortController + setTimeout/clearTimeout pair costs here: the floor of any client with a per-attempt timeout. */
  timeoutFloorUs: number;
  /**
   * What a body through the client's transport (an attempt with its timer,
   * bytes counted as they come) costs over `response.text()`, per call, by
   * scenario: µs, measured side by side.
   */
  byteCountUs: Record<Scenario, number>;
}

const SCENARIOS = {
  retrieve: { body: modelBody(MODEL_ID), batch: 400 },
  list: { body: listBody(100), batch: 100 },
} as const;

/** Slices per round (each batch divides by it). */
const SLICES = 4;

export async function measureCpu(rounds: number, baseURL: string): Promise<CpuResult> {
  const us = {} as CpuResult['us'];
  const ratio = {} as CpuResult['ratio'];
  for (const [scenario, { body, batch }] of Object.entries(SCENARIOS) as [keyof typeof SCENARIOS, (typeof SCENARIOS)[keyof typeof SCENARIOS]][]) {
    const stub: Fetch = () => Promise.resolve(new Response(body, { status: 200, headers: RESPONSE_HEADERS }));
    const contenders = await makeContenders(baseURL, stub);
    const samples = Object.fromEntries(NAMES.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
    const warmup = 2;
    for (let round = 0; round < rounds + warmup; round++) {
      // A round is cut into slices that visit the contenders in turn, so that
      // whatever else the machine does lands on all of them alike.
      const spent = Object.fromEntries(NAMES.map((name) => [name, 0])) as Record<Name, number>;
      for (let slice = 0; slice < SLICES; slice++) {
        for (const name of shuffled(NAMES)) {
          const call = contenders[name][scenario];
          collectYoung();
          const before = process.cpuUsage();
          for (let i = 0; i < batch / SLICES; i++) await call();
          const used = process.cpuUsage(before);
          spent[name] += used.user + used.system;
        }
      }
      if (round >= warmup) for (const name of NAMES) samples[name].push(spent[name] / batch);
    }
    us[scenario] = Object.fromEntries(NAMES.map((name) => [name, median(samples[name])])) as Record<Name, number>;
    ratio[scenario] = Object.fromEntries(
      NAMES.map((other) => [other, median(samples[OURS].map((value, i) => value / samples[other][i]!))]),
    ) as Record<Name, number>;
  }
  const byteCountUs = { retrieve: await byteCount(SCENARIOS.retrieve.body), list: await byteCount(SCENARIOS.list.body) };
  return { us, ratio, timeoutFloorUs: timeoutFloor(), byteCountUs };
}

/**
 * The bounded reader against `response.text()` on the same canned Response,
 * interleaved in a fresh random order each round: median over rounds of the
 * difference per call, in µs. Both build the Response, so that cancels out.
 */
async function byteCount(body: string): Promise<number> {
  const n = 400;
  const client = new OpenAI({ apiKey: API_KEY }); // the client's defaults
  const limits = { timeout: client.timeout, maxRetries: client.maxRetries, maxResponseSize: client.maxResponseSize };
  const transport = createTransport({ fetch: async () => new Response(body, { status: 200, headers: RESPONSE_HEADERS }), log: {}, secret: API_KEY });
  const request = new Request('http://127.0.0.1:9/v1/models');
  const readers = {
    counted: () => transport(request, limits).then((response) => response.text()),
    text: () => new Response(body, { status: 200, headers: RESPONSE_HEADERS }).text(),
  };
  const differences: number[] = [];
  for (let round = 0; round < 12; round++) {
    const spent = { counted: 0, text: 0 };
    for (const name of shuffled(['counted', 'text'] as const)) {
      collectYoung();
      const before = process.cpuUsage();
      for (let i = 0; i < n; i++) await readers[name]();
      const used = process.cpuUsage(before);
      spent[name] = (used.user + used.system) / n;
    }
    if (round >= 2) differences.push(spent.counted - spent.text);
  }
  return median(differences);
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
