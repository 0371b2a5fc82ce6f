/**
 * Child processes for the tests: a clean environment (no developer's
 * OPENAI_* leaks in) and a run-to-the-end spawn with a deadline.
 */
import { spawn } from 'node:child_process';
import { root } from '../../scripts/prism.js';

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** The environment of the test run without any OPENAI_* variable, so a developer's real key or URL never leaks in. */
export function cleanEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (value !== undefined && !name.startsWith('OPENAI_') && name !== 'NO_COLOR') env[name] = value;
  }
  return { ...env, ...extra };
}

/** Runs `command args` to its end, with a deadline; never rejects on a non-zero exit. */
export function spawnProcess(
  command: string,
  args: readonly string[],
  options: { env: Record<string, string>; cwd?: string; timeoutMs?: number },
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      env: options.env,
      cwd: options.cwd ?? root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
