/**
 * Runs one client call in a child process with a small heap
 * (`node --max-old-space-size=256`), so that a memory regression fails a
 * test instead of taking the test runner (or the machine) down.
 *
 * The child is hostile-child.ts, bundled once by esbuild: it measures the
 * client, not a TypeScript loader. The parent also watches the child's RSS
 * through /proc (Linux) and kills it above `ceilingMiB`, so even the
 * unbounded code of before issue 13 can be measured without eating the
 * machine's memory.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export interface ChildResult {
  /** Peak resident set size in MiB: the child's own samples, getrusage and /proc, whichever is highest. */
  peakMiB: number;
  /** The models returned, when the call worked. */
  count?: number;
  /** The error's class name and message, when the call failed. */
  error?: { name: string; message: string };
  /** Why the child did not report: killed by the harness, a signal, an exit code. */
  died?: string;
}

export interface Child {
  run(baseURL: string, options?: { client?: object; ceilingMiB?: number; wallMs?: number }): Promise<ChildResult>;
  dispose(): void;
}

const MiB = 1024 * 1024;

export async function childHarness(): Promise<Child> {
  const dir = mkdtempSync(join(tmpdir(), 'hostile-child-'));
  const script = join(dir, 'child.mjs');
  await build({
    entryPoints: [join(dirname(fileURLToPath(import.meta.url)), 'hostile-child.ts')],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    logLevel: 'warning',
  });
  return {
    run: (baseURL, options = {}) => runChild(script, baseURL, options),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

async function runChild(
  script: string,
  baseURL: string,
  { client = {}, ceilingMiB = 1024, wallMs = 60_000 }: { client?: object; ceilingMiB?: number; wallMs?: number },
): Promise<ChildResult> {
  const child = spawn(process.execPath, ['--max-old-space-size=256', script, baseURL, JSON.stringify(client)], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  let seenMiB = 0;
  let killedFor: string | undefined;
  const kill = (why: string): void => {
    killedFor ??= why;
    child.kill('SIGKILL');
  };
  const watch = setInterval(() => {
    const rss = procRSS(child.pid);
    seenMiB = Math.max(seenMiB, rss.peak, rss.now);
    if (rss.now > ceilingMiB) kill(`killed by the harness above ${ceilingMiB} MiB RSS`);
  }, 20);
  const wall = setTimeout(() => kill(`killed by the harness after ${wallMs} ms`), wallMs);
  const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  clearInterval(watch);
  clearTimeout(wall);
  const line = stdout.trim().split('\n').at(-1) ?? '';
  if (killedFor === undefined && code === 0 && line.startsWith('{')) {
    const { peakRSS, ...outcome } = JSON.parse(line) as Omit<ChildResult, 'peakMiB'> & { peakRSS: number };
    return { peakMiB: round(Math.max(seenMiB, peakRSS / MiB)), ...outcome };
  }
  const why = killedFor ?? (signal ? `died of ${signal}` : `exited with ${String(code)}`);
  const lastWords = stderr
    .split('\n')
    .find((l) => /error/i.test(l))
    ?.trim();
  return { peakMiB: round(seenMiB), died: lastWords ? `${why}: ${lastWords.slice(0, 200)}` : why };
}

/** VmRSS and VmHWM (the kernel's high-water mark) of `pid` in MiB; zeros where /proc is missing. */
function procRSS(pid: number | undefined): { now: number; peak: number } {
  try {
    const status = readFileSync(`/proc/${String(pid)}/status`, 'utf8');
    const kib = (field: string): number => Number(new RegExp(`^${field}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
    return { now: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 };
  } catch {
    return { now: 0, peak: 0 };
  }
}

const round = (mib: number): number => Math.round(mib);
