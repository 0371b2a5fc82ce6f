/**
 * Harnesses shared by the CLI's test files that drive `run()` with a fake
 * `fetch`, so no server is needed.
 */
import { expect } from 'vitest';
import { run } from '../run.js';
import { memoryIO } from './memory-io.js';

/**
 * A usage error: exit 2, nothing on stdout, the problem and a hint to the
 * right --help on stderr (returned), and no request at all (the fetch given
 * throws).
 */
export async function usage(
  argv: string[],
  env: Record<string, string> = { OPENAI_API_KEY: 'sk-test-usage-0123456789' },
): Promise<string> {
  const io = {
    ...memoryIO({ env }),
    fetch: (): Promise<Response> => Promise.reject(new Error('a usage error must not send a request')),
  };
  const code = await run(argv, io);
  expect(code).toBe(2);
  expect(io.out()).toBe('');
  expect(io.err()).not.toMatch(/\n\s+at /);
  return io.err();
}

/** Runs the CLI against a fake `fetch` that echoes the model asked for and records every request. */
export async function echoingCLI(
  argv: string[],
): Promise<{ code: number; out: string; err: string; requests: string[] }> {
  const requests: Request[] = [];
  const io = {
    ...memoryIO({ env: { OPENAI_API_KEY: 'sk-test-resolve-0123456789' } }),
    fetch: async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const request = new Request(input, init);
      requests.push(request);
      const id = decodeURIComponent(new URL(request.url).pathname.split('/').at(-1) ?? '');
      return Response.json({ id, object: 'model', created: 1721172741, owned_by: 'system' });
    },
  };
  const code = await run(argv, io);
  return {
    code,
    out: io.out(),
    err: io.err(),
    requests: requests.map((request) => `${request.method} ${request.url}`),
  };
}
