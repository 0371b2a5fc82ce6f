/**
 * Starts Prism (the mock server) from spec/openapi.yaml on 127.0.0.1 (a free
 * port unless one is asked for) and stops it again. Used by `npm start`,
 * `npm run mock` and the contract tests.
 *
 * Prism is spawned as `node .../prism-cli/dist/index.js` rather than through
 * `npx prism`: killing the npx wrapper leaves Prism itself running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const specPath = join(root, 'spec', 'openapi.yaml');

export interface Prism {
  /** e.g. `http://127.0.0.1:41234` (Prism serves the paths at the root, without `/v1`). */
  url: string;
  /** Milliseconds from spawn to the first answer. */
  startupMs: number;
  stop(): Promise<void>;
}

/** A port that was free a moment ago on 127.0.0.1. */
export async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  server.close();
  await once(server, 'close');
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

export interface PrismOptions {
  spec?: string;
  timeoutMs?: number;
  /** A fixed port; refused with a clear error when something already listens there. @default a free port */
  port?: number;
  /** Prism's `--dynamic`: answers generated from the schemas instead of the spec's examples. */
  dynamic?: boolean;
  /** Receives Prism's own log lines (each request it answers) as they come. */
  onOutput?: (text: string) => void;
}

export async function startPrism(options: PrismOptions = {}): Promise<Prism> {
  const port = options.port ?? (await freePort());
  if (options.port !== undefined) await assertPortFree(port);
  const cli = join(
    dirname(createRequire(import.meta.url).resolve('@stoplight/prism-cli/package.json')),
    'dist',
    'index.js',
  );
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      cli,
      'mock',
      options.spec ?? specPath,
      '--host',
      '127.0.0.1',
      '--port',
      String(port),
      '--errors',
      ...(options.dynamic ? ['--dynamic'] : []),
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } },
  );
  let output = '';
  const keep = (chunk: Buffer): void => {
    output = (output + chunk.toString()).slice(-4000);
    options.onOutput?.(chunk.toString());
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const url = `http://127.0.0.1:${port}`;
  const stop = (): Promise<void> => kill(child);
  try {
    await waitUntilAnswering(`${url}/models`, child, options.timeoutMs ?? 30_000);
  } catch (error) {
    await stop();
    throw new Error(`Prism did not start: ${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
  return { url, startupMs: Math.round(performance.now() - started), stop };
}

/** Throws a clear error when something already listens on 127.0.0.1:`port`. */
async function assertPortFree(port: number): Promise<void> {
  const server = createServer();
  server.listen(port, '127.0.0.1');
  try {
    await once(server, 'listening');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      code === 'EADDRINUSE'
        ? `port ${port} is already in use on 127.0.0.1`
        : `cannot listen on 127.0.0.1:${port}: ${String(error)}`,
    );
  }
  server.close();
  await once(server, 'close');
}

async function waitUntilAnswering(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(1000) });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`no answer from ${url} within ${timeoutMs} ms`);
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}
