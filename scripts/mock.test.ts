/**
 * `npm run mock` as a user runs it: up on the asked-for port, answering from
 * the spec (and `Prefer: code=404`), gone with nothing left listening after
 * Ctrl-C (SIGINT to the whole process group, as a terminal sends it), and a
 * clear refusal when the port is taken.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { expect, it } from 'vitest';
import { cleanEnv, spawnProcess } from '../contract-tests/support/cli.js';
import { freePort, root } from './prism.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

it('serves the spec on the given port until Ctrl-C, then leaves nothing behind', async () => {
  const port = await freePort();
  const child = spawn(npm, ['run', '--silent', 'mock', '--', '--port', String(port)], {
    cwd: root,
    env: cleanEnv(),
    detached: true, // its own process group, which gets the SIGINT, like a terminal's foreground job
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const closed = once(child, 'close');
  const group = child.pid ?? 0;
  try {
    await waitFor(
      () => stdout.includes('Press Ctrl-C'),
      90_000,
      () => stdout + stderr,
    );
    const url = `http://127.0.0.1:${port}`;
    expect(stdout).toContain(`ready at ${url}`);

    const auth = { authorization: 'Bearer sk-mock' };
    const list = await fetch(`${url}/models`, { headers: auth });
    expect(list.status).toBe(200);
    expect(((await list.json()) as { data: unknown[] }).data).toHaveLength(3);
    const missing = await fetch(`${url}/models/nope`, { headers: { ...auth, prefer: 'code=404' } });
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe('model_not_found');
  } finally {
    process.kill(-group, 'SIGINT');
    await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 60_000))]); // Prism can take its time to exit on a loaded machine
  }
  expect(child.exitCode ?? child.signalCode).not.toBeNull();
  expect(stdout).toContain('Mock stopped.');
  expect(await listening(port)).toBe(false);
  expect(() => process.kill(-group, 0)).toThrow(/ESRCH/); // no process of the group is left
}, 120_000);

it('refuses a port already in use, saying which and how to pick another', async () => {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  try {
    const ran = await spawnProcess(npm, ['run', '--silent', 'mock', '--', '--port', String(port)], {
      env: cleanEnv(),
      timeoutMs: 60_000,
    });
    expect(ran.code).toBe(1);
    expect(ran.stderr).toContain(`port ${port} is already in use on 127.0.0.1`);
    expect(ran.stderr).toContain('--port <n>');
  } finally {
    server.close();
  }
}, 90_000);

async function waitFor(ready: () => boolean, timeoutMs: number, describe: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (Date.now() > deadline) throw new Error(`not ready in ${timeoutMs} ms:\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
