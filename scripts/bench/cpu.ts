/**
 * Section 1: client CPU per call. Every contender calls the same stubbed
 * `fetch`, which returns a canned `Response` at once, so what is left is the
 * client's own work: building the request, the stub's `new Response`, reading
 * and parsing the body (identical for all), plus whatever the client
 * adds (a timer per attempt, retries bookkeeping, validation...). Measured with
 * `process.cpuUsage()` over a batch of sequential awaited calls, rounds
 * interleaved in a fresh random order each time, each round in slices.
 */
import { API_KEY, loadOurs, loadStrict, makeContenders, NAMES, OURS, type Fetch, type Name } from './contenders.js';
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
  /**
   * What the client's transport adds to a call, by scenario, in µs: one
   * attempt (its AbortController, timer and listener on the caller's
   * signal) and the guarded body read with `text()`, over the same stub
   * `fetch` and `text()`, measured side by side.
   */
  transportUs: Record<Scenario, number>;
  /** What strict mode costs per call (issue 29). */
  strict: StrictCpu;
}

/** A retrieve, and a list of 1,000 models: the two calls strict mode's guards are stated for. */
export type StrictScenario = 'retrieve' | 'list1000';

export interface StrictCpu {
  /** Median µs per call, by scenario, with strict mode off (the default) and on. */
  us: Record<StrictScenario, { default: number; strict: number }>;
  /** Median over rounds of (strict − default) µs per call, both measured in the same round. */
  addedUs: Record<StrictScenario, number>;
}

export const SCENARIOS = {
  retrieve: { body: modelBody(MODEL_ID), batch: 400 },
  list: { body: listBody(100), batch: 100 },
} as const;

export const STRICT_SCENARIOS = {
  retrieve: { body: modelBody(MODEL_ID), batch: 400 },
  list1000: { body: listBody(1000), batch: 40 },
} as const;

/** Slices per round (each batch divides by it). */
const SLICES = 4;

/** The stub `fetch` of a scenario: its canned answer, at once. */
export const stubFor = (scenario: Scenario): Fetch => answering(SCENARIOS[scenario].body);

/** A `fetch` that answers `body` from memory, at once. */
const answering =
  (body: string): Fetch =>
  () =>
    Promise.resolve(new Response(body, { status: 200, headers: RESPONSE_HEADERS }));

/**
 * µs of CPU per call of each of `calls`, one sample per round (after 2
 * warm-up rounds), `batch` calls a round. A round is cut into slices that
 * visit the calls in turn, in a fresh random order, so that whatever else
 * the machine does lands on all of them alike.
 */
export async function cpuSamples<K extends string>(
  calls: Record<K, () => Promise<unknown>>,
  batch: number,
  rounds: number,
): Promise<Record<K, number[]>> {
  const names = Object.keys(calls) as K[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  const warmup = 2;
  for (let round = 0; round < rounds + warmup; round++) {
    const spent = Object.fromEntries(names.map((name) => [name, 0])) as Record<K, number>;
    for (let slice = 0; slice < SLICES; slice++) {
      for (const name of shuffled(names)) {
        const call = calls[name];
        collectYoung();
        const before = process.cpuUsage();
        for (let i = 0; i < batch / SLICES; i++) await call();
        const used = process.cpuUsage(before);
        spent[name] += used.user + used.system;
      }
    }
    if (round >= warmup) for (const name of names) samples[name].push(spent[name] / batch);
  }
  return samples;
}

export async function measureCpu(rounds: number, baseURL: string): Promise<CpuResult> {
  const us = {} as CpuResult['us'];
  const ratio = {} as CpuResult['ratio'];
  for (const scenario of ['retrieve', 'list'] as const) {
    const contenders = await makeContenders(baseURL, stubFor(scenario));
    const calls = Object.fromEntries(NAMES.map((name) => [name, contenders[name][scenario]])) as Record<
      Name,
      () => Promise<unknown>
    >;
    const samples = await cpuSamples(calls, SCENARIOS[scenario].batch, rounds);
    us[scenario] = Object.fromEntries(NAMES.map((name) => [name, median(samples[name])])) as Record<Name, number>;
    ratio[scenario] = Object.fromEntries(
      NAMES.map((other) => [other, median(samples[OURS].map((value, i) => value / samples[other][i]!))]),
    ) as Record<Name, number>;
  }
  const transportUs = {
    retrieve: await transportCost(SCENARIOS.retrieve.body),
    list: await transportCost(SCENARIOS.list.body),
  };
  return { us, ratio, transportUs, strict: await measureStrict(rounds, baseURL) };
}

/**
 * The built client with strict mode off and on (`openai-models/strict`, built), over the same stub,
 * interleaved by `cpuSamples`: per scenario, µs per call of each and the median per-round difference.
 */
async function measureStrict(rounds: number, baseURL: string): Promise<StrictCpu> {
  const { OpenAI } = await loadOurs();
  const { strictResponseValidation } = await loadStrict();
  const us = {} as StrictCpu['us'];
  const addedUs = {} as StrictCpu['addedUs'];
  for (const scenario of ['retrieve', 'list1000'] as const) {
    const { body, batch } = STRICT_SCENARIOS[scenario];
    const fetch = answering(body);
    const clients = {
      default: new OpenAI({ apiKey: API_KEY, baseURL, fetch }),
      strict: new OpenAI({ apiKey: API_KEY, baseURL, fetch, strictResponseValidation }),
    };
    const call = (client: InstanceType<typeof OpenAI>): Promise<unknown> =>
      scenario === 'retrieve' ? client.models.retrieve(MODEL_ID) : client.models.list();
    // Strict mode must really be on, or the difference would measure nothing: a model without its
    // `owned_by` passes the default checks and breaks the spec.
    const lax = JSON.stringify({ id: MODEL_ID, object: 'model', created: 1 });
    const laxFetch = answering(scenario === 'retrieve' ? lax : `{"object":"list","data":[${lax}]}`);
    const passes = (strict?: typeof strictResponseValidation): Promise<boolean> =>
      call(new OpenAI({ apiKey: API_KEY, baseURL, fetch: laxFetch, strictResponseValidation: strict })).then(
        () => true,
        () => false,
      );
    if (!(await passes()) || (await passes(strictResponseValidation)))
      throw new Error(`${scenario}: strict mode must refuse a model without owned_by, and the default accept it`);
    const samples = await cpuSamples(
      { default: () => call(clients.default), strict: () => call(clients.strict) },
      batch,
      rounds,
    );
    us[scenario] = { default: median(samples.default), strict: median(samples.strict) };
    addedUs[scenario] = median(samples.strict.map((value, i) => value - samples.default[i]!));
  }
  return { us, addedUs };
}

/**
 * `createTransport` over a stub `fetch`, its body read with `text()`, against
 * the same stub and `text()`, interleaved in a fresh random order each round:
 * median over rounds of the difference per call, in µs.
 */
async function transportCost(body: string): Promise<number> {
  const n = 400;
  const client = new OpenAI({ apiKey: API_KEY }); // the client's defaults
  const limits = { timeout: client.timeout, maxRetries: client.maxRetries, maxResponseSize: client.maxResponseSize };
  const stub = async (): Promise<Response> => new Response(body, { status: 200, headers: RESPONSE_HEADERS });
  const transport = createTransport({ fetch: stub, log: {}, secret: API_KEY });
  const request = new Request('http://127.0.0.1:9/v1/models');
  const readers = {
    transport: () => transport.fetch(request, limits).then((response) => response.text()),
    bare: () => stub().then((response) => response.text()),
  };
  const differences: number[] = [];
  for (let round = 0; round < 12; round++) {
    const spent = { transport: 0, bare: 0 };
    for (const name of shuffled(['transport', 'bare'] as const)) {
      collectYoung();
      const before = process.cpuUsage();
      for (let i = 0; i < n; i++) await readers[name]();
      const used = process.cpuUsage(before);
      spent[name] = (used.user + used.system) / n;
    }
    if (round >= 2) differences.push(spent.transport - spent.bare);
  }
  return median(differences);
}
