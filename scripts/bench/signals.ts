/**
 * How an attempt should get its signal: the caller's abort linked with
 * `addEventListener('abort')` (what src/internal/transport.ts does) or with
 * `AbortSignal.any`, and its timeout by a `setTimeout` cleared when the
 * attempt ends or by `AbortSignal.timeout(ms)`, which cannot be cleared.
 * Two measures per way:
 * - CPU per attempt (start, observed as fetch observes it, end), the four
 *   ways interleaved in slices, in one process;
 * - what is left on one long-lived caller signal after 100,000 attempts
 *   (nodejs/node#55351): its abort listeners, its dependant signals, and
 *   the heap retained after GC, each way in a fresh process.
 * Run alone: `node --expose-gc --import tsx scripts/bench/signals.ts`
 * (prints a table); `npm run bench` prints the same table.
 */
import { execFileSync } from 'node:child_process';
import { getEventListeners } from 'node:events';
import { fileURLToPath } from 'node:url';
import { collectYoung } from './gc.js';
import { median, shuffled } from './stats.js';

export const WAYS = [
  'listener + setTimeout',
  'any() + setTimeout',
  'listener + timeout()',
  'any() + timeout()',
] as const;
export type Way = (typeof WAYS)[number];

/** The client's default timeout: a timer that almost never fires. */
const MS = 600_000;
const PILE_CALLS = 100_000;

interface Attempt {
  signal: AbortSignal;
  end(): void;
}

const timeoutError = (): DOMException => new DOMException(`timed out after ${MS} ms`, 'TimeoutError');

const START: Record<Way, (caller: AbortSignal) => Attempt> = {
  'listener + setTimeout': (caller) => {
    const controller = new AbortController();
    const onAbort = (): void => controller.abort(caller.reason);
    const timer = setTimeout(() => controller.abort(timeoutError()), MS);
    timer.unref();
    caller.addEventListener('abort', onAbort);
    return {
      signal: controller.signal,
      end: () => {
        clearTimeout(timer);
        caller.removeEventListener('abort', onAbort);
      },
    };
  },
  'any() + setTimeout': (caller) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(timeoutError()), MS);
    timer.unref();
    return { signal: AbortSignal.any([caller, controller.signal]), end: () => clearTimeout(timer) };
  },
  'listener + timeout()': (caller) => {
    const controller = new AbortController();
    const timeout = AbortSignal.timeout(MS);
    const onCaller = (): void => controller.abort(caller.reason);
    const onTimeout = (): void => controller.abort(timeout.reason);
    caller.addEventListener('abort', onCaller);
    timeout.addEventListener('abort', onTimeout);
    return {
      signal: controller.signal,
      end: () => {
        caller.removeEventListener('abort', onCaller);
        timeout.removeEventListener('abort', onTimeout);
      },
    };
  },
  'any() + timeout()': (caller) => ({ signal: AbortSignal.any([caller, AbortSignal.timeout(MS)]), end: () => {} }),
};

const observer = (): void => {};

/** One attempt: fetch listens on the signal while the request is in flight, and lets go when it is done. */
async function attempt(way: Way, caller: AbortSignal): Promise<void> {
  const { signal, end } = START[way](caller);
  signal.addEventListener('abort', observer);
  await undefined;
  signal.removeEventListener('abort', observer);
  end();
}

export interface Pile {
  calls: number;
  /** Abort listeners left on the caller's signal. */
  listeners: number;
  /** Signals the caller's signal still tracks (Node's internal kDependantSignals), when it has the set. */
  dependants: number | null;
  /** Heap retained after GC, after − before the calls. */
  heapBytes: number;
}

export interface SignalsResult {
  node: string;
  /** Median µs of CPU per attempt, by way. */
  us: Record<Way, number>;
  /** Median over rounds of (way ÷ today's way) in the same round. */
  ratio: Record<Way, number>;
  pile: Record<Way, Pile>;
}

/** Each way in turn in slices, in a fresh random order each slice, after an untimed young GC. */
async function measureCpu(rounds = 12, perRound = 4_000, slices = 4): Promise<Omit<SignalsResult, 'pile'>> {
  const caller = new AbortController().signal;
  const samples = Object.fromEntries(WAYS.map((w) => [w, [] as number[]])) as Record<Way, number[]>;
  for (let round = 0; round < rounds + 2; round++) {
    const spent = Object.fromEntries(WAYS.map((w) => [w, 0])) as Record<Way, number>;
    for (let slice = 0; slice < slices; slice++) {
      for (const way of shuffled(WAYS)) {
        collectYoung();
        const before = process.cpuUsage();
        for (let i = 0; i < perRound / slices; i++) await attempt(way, caller);
        const used = process.cpuUsage(before);
        spent[way] += used.user + used.system;
      }
    }
    if (round >= 2) for (const way of WAYS) samples[way].push(spent[way] / perRound);
  }
  const today = samples['listener + setTimeout'];
  return {
    node: process.version,
    us: Object.fromEntries(WAYS.map((w) => [w, median(samples[w])])) as Record<Way, number>,
    ratio: Object.fromEntries(WAYS.map((w) => [w, median(samples[w].map((v, i) => v / today[i]!))])) as Record<
      Way,
      number
    >,
  };
}

async function retainedHeap(): Promise<number> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run with --expose-gc');
  // Finalizers (which prune a source's dependant signals) run as tasks: let them, then collect again.
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((done) => setTimeout(done, 20));
  }
  gc();
  return process.memoryUsage().heapUsed;
}

/** `calls` attempts on one caller signal that never aborts, yielding to the event loop every 1,000. */
async function pile(way: Way, calls: number): Promise<Pile> {
  const caller = new AbortController().signal;
  for (let i = 0; i < 1_000; i++) await attempt(way, new AbortController().signal); // warm up on other signals
  const before = await retainedHeap();
  for (let i = 0; i < calls; i++) {
    await attempt(way, caller);
    if (i % 1_000 === 999) await new Promise((done) => setImmediate(done));
  }
  const after = await retainedHeap();
  const symbol = Object.getOwnPropertySymbols(caller).find((s) => s.description === 'kDependantSignals');
  const dependants = symbol
    ? ((caller as unknown as Record<symbol, Set<unknown> | undefined>)[symbol]?.size ?? 0)
    : null;
  return { calls, listeners: getEventListeners(caller, 'abort').length, dependants, heapBytes: after - before };
}

/** Both measures on the `node` given (default: this one); each pile in a fresh process of it. */
export async function measureSignals(node = process.execPath): Promise<SignalsResult> {
  const self = fileURLToPath(import.meta.url);
  const run = (...args: string[]): string =>
    execFileSync(node, ['--expose-gc', '--import', 'tsx', self, ...args], {
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: '' },
    });
  const cpu = JSON.parse(run('--cpu').trim().split('\n').at(-1)!) as Omit<SignalsResult, 'pile'>;
  const piles = {} as Record<Way, Pile>;
  for (const way of WAYS) piles[way] = JSON.parse(run('--pile', way).trim().split('\n').at(-1)!) as Pile;
  return { ...cpu, pile: piles };
}

export function signalsTable({ node, us, ratio, pile }: SignalsResult): string {
  const calls = pile[WAYS[0]].calls.toLocaleString('en-US');
  const rows = WAYS.map((way) => {
    const p = pile[way];
    const kb = `${p.heapBytes >= 0 ? '+' : ''}${(p.heapBytes / 1024).toFixed(0)}`;
    return `| ${way} | ${us[way].toFixed(2)} | ${ratio[way].toFixed(2)}× | ${p.listeners} | ${p.dependants ?? '—'} | ${kb} |`;
  });
  return [
    `| per attempt, Node ${node} | CPU (µs) | ÷ listener + setTimeout | listeners left on the caller's signal after ${calls} | its dependant signals after ${calls} | heap retained after ${calls} (KB) |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [flag, way] = process.argv.slice(2);
  if (flag === '--cpu') process.stdout.write(`${JSON.stringify(await measureCpu())}\n`);
  else if (flag === '--pile') process.stdout.write(`${JSON.stringify(await pile(way as Way, PILE_CALLS))}\n`);
  else process.stdout.write(`${signalsTable(await measureSignals())}\n`);
}
