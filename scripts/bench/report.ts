/** Turns the measured figures into the one Markdown table and the target verdicts. */
import { cpus, availableParallelism, release } from 'node:os';
import { readFileSync } from 'node:fs';
import type { ColdResult } from './coldstart.js';
import type { Name } from './contenders.js';
import type { CpuResult } from './cpu.js';
import type { LoopbackResult } from './loopback.js';
import type { MemoryResult } from './memory.js';
import type { SizeResult } from './size.js';
import { BUNDLE_BUDGET_BYTES } from './bundle.js';

export interface Results {
  cpu: CpuResult;
  loopback: LoopbackResult;
  size: SizeResult;
  cold: ColdResult;
  memory: MemoryResult;
}

const OURS = 'openai-models' satisfies Name;
const NA = '—';
const num = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : NA);
const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const kb = (bytes: number, digits = 2): string => (bytes / 1024).toFixed(digits);
const times = (r: number): string => `${r.toFixed(2)}×`;

type Row = [label: string, raw: string, bare: string, ours: string, sdk: string, vsBare: string, vsSdk: string, vsRaw: string];

export function table(r: Results): string {
  const { cpu, loopback, size, cold, memory } = r;
  const rows: Row[] = [];
  for (const [scenario, label] of [['retrieve', 'CPU per call, retrieve (µs)'], ['list', 'CPU per call, list of 100 (µs)']] as const) {
    const us = cpu.us[scenario];
    const ratio = cpu.ratio[scenario];
    rows.push([label, num(us['raw fetch']), num(us['openapi-fetch']), num(us[OURS]), num(us['openai SDK']),
      times(ratio(OURS, 'openapi-fetch')), times(ratio(OURS, 'openai SDK')), times(ratio(OURS, 'raw fetch'))]);
  }
  for (const [figures, what] of [[loopback.sequential, 'sequential'], [loopback.concurrent, `${loopback.concurrency} concurrent`]] as const) {
    const rate = figures.perSecond;
    const tr = figures.throughputRatio;
    rows.push([`loopback ${what}: calls/s`, int(rate['raw fetch']), int(rate['openapi-fetch']), int(rate[OURS]), int(rate['openai SDK']),
      times(tr(OURS, 'openapi-fetch')), times(tr(OURS, 'openai SDK')), times(tr(OURS, 'raw fetch'))]);
    const lat = (n: Name): string => `${int(figures.p50[n])} / ${int(figures.p99[n])}`;
    const p50 = (other: Name): string => `${times(figures.p50[OURS] / figures.p50[other])} (p50)`;
    rows.push([`loopback ${what}: p50 / p99 latency (µs)`, lat('raw fetch'), lat('openapi-fetch'), lat(OURS), lat('openai SDK'),
      p50('openapi-fetch'), p50('openai SDK'), p50('raw fetch')]);
  }
  const b = size.bundle;
  rows.push(['bundle of a models-only program, min+gzip (KB)', NA, kb(b['openapi-fetch'].gzip), kb(b[OURS].gzip), kb(b['openai SDK'].gzip),
    times(b[OURS].gzip / b['openapi-fetch'].gzip), times(b[OURS].gzip / b['openai SDK'].gzip), NA]);
  rows.push(['same bundle, minified only (KB)', NA, kb(b['openapi-fetch'].minified), kb(b[OURS].minified), kb(b['openai SDK'].minified),
    times(b[OURS].minified / b['openapi-fetch'].minified), times(b[OURS].minified / b['openai SDK'].minified), NA]);
  const i = size.install;
  rows.push(['install size, unpacked, with runtime deps (KB)', NA, kb(i['openapi-fetch'], 0), kb(i[OURS], 0), kb(i['openai SDK'], 0),
    times(i[OURS] / i['openapi-fetch']), times(i[OURS] / i['openai SDK']), NA]);
  const o = cold.overNode;
  rows.push([`import() over bare node (ms; \`node -e 0\` = ${num(cold.ms['node -e 0']!, 0)} ms)`, NA, num(o['openapi-fetch']!), num(o[OURS]!), num(o['openai SDK']!),
    times(o[OURS]! / o['openapi-fetch']!), times(o[OURS]! / o['openai SDK']!), NA]);
  rows.push(['CLI `openai-models models list --help` over bare node (ms)', NA, NA,
    o['CLI --help'] === undefined ? 'not built' : num(o['CLI --help']), NA, NA, NA, NA]);
  const growth = memory.afterBytes - memory.beforeBytes;
  rows.push([`heap retained after GC, before → after ${int(memory.calls)} calls (MB)`, NA, NA,
    `${(memory.beforeBytes / 2 ** 20).toFixed(2)} → ${(memory.afterBytes / 2 ** 20).toFixed(2)} (${growth >= 0 ? '+' : ''}${kb(growth, 1)} KB)`, NA, NA, NA, NA]);

  const header: Row = ['measure (medians)', 'raw fetch', 'openapi-fetch', 'openai-models', 'openai SDK', 'ours ÷ openapi-fetch', 'ours ÷ SDK', 'ours ÷ raw fetch'];
  return [header, header.map(() => '---') as unknown as Row, ...rows].map((row) => `| ${row.join(' | ')} |`).join('\n');
}

export interface Verdict {
  target: string;
  met: boolean;
  measured: string;
}

/** A leak would retain something per call; 1 MB over 100,000 calls is 10 bytes a call, i.e. noise. */
const LEAK_BYTES = 2 ** 20;

export function verdicts(r: Results): Verdict[] {
  const { cpu, loopback, size, cold, memory } = r;
  const vs = (other: Name): [number, number] => [cpu.ratio.retrieve(OURS, other), cpu.ratio.list(OURS, other)];
  const [rb, lb] = vs('openapi-fetch');
  const [rs, ls] = vs('openai SDK');
  const seq = loopback.sequential;
  const con = loopback.concurrent;
  const loop = [
    seq.throughputRatio(OURS, 'raw fetch'),
    con.throughputRatio(OURS, 'raw fetch'),
    seq.p50['raw fetch'] / seq.p50[OURS],
    con.p50['raw fetch'] / con.p50[OURS],
  ];
  const gzip = size.bundle[OURS].gzip;
  const importMs = cold.overNode[OURS]!;
  const growth = memory.afterBytes - memory.beforeBytes;
  return [
    { target: 'CPU per call ≤ 1.15× bare openapi-fetch', met: rb <= 1.15 && lb <= 1.15, measured: `retrieve ${times(rb)}, list ${times(lb)}` },
    { target: 'CPU per call ≤ 0.5× the official SDK', met: rs <= 0.5 && ls <= 0.5, measured: `retrieve ${times(rs)}, list ${times(ls)}` },
    {
      target: 'loopback within 5% of raw fetch (throughput and p50)',
      met: loop.every((x) => x >= 0.95),
      measured: `throughput ${times(loop[0]!)} sequential, ${times(loop[1]!)} concurrent; p50 ${times(1 / loop[2]!)} sequential, ${times(1 / loop[3]!)} concurrent`,
    },
    { target: `bundle ≤ ${kb(BUNDLE_BUDGET_BYTES, 0)} KB min+gzip, openapi-fetch included`, met: gzip <= BUNDLE_BUDGET_BYTES, measured: `${kb(gzip)} KB (${times(gzip / BUNDLE_BUDGET_BYTES)} the budget)` },
    { target: 'import() ≤ 15 ms over bare node', met: importMs <= 15, measured: `${num(importMs)} ms` },
    { target: `no leak: retained heap flat over ${int(memory.calls)} calls`, met: growth < LEAK_BYTES, measured: `${growth >= 0 ? '+' : ''}${kb(growth, 1)} KB` },
  ];
}

export function verdictList(list: Verdict[]): string {
  return list.map((v) => `- ${v.met ? 'MET' : 'MISSED'}: ${v.target}: ${v.measured}`).join('\n');
}

export function machine(): string {
  const model = /^model name\s*:\s*(.+)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return `Node ${process.version}, ${model}, ${availableParallelism()} cores, Linux ${release()}`;
}

function safeRead(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}
