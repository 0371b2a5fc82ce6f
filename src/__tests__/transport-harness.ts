/**
 * The harness of the transport tests: a local HTTP server on 127.0.0.1 that
 * answers each test's script, a client pointed at it, and small helpers to
 * catch a failure and time a call. Each test file closes the server with
 * `afterEach(closeServer)`.
 */
import type { ServerResponse } from 'node:http';
import { json, localServer, type Handler, type LocalServer } from '../../contract-tests/support/local-server.js';
import OpenAI, { type ClientOptions } from '../index.js';

export const KEY = 'sk-transport-test-0123456789';
export const model = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };

let server: LocalServer | undefined;

export async function closeServer(): Promise<void> {
  await server?.close();
  server = undefined;
}

export async function serve(
  handler: Handler,
  options: ClientOptions = {},
): Promise<{ client: OpenAI; server: LocalServer }> {
  server = await localServer(handler);
  return { client: new OpenAI({ apiKey: KEY, baseURL: `${server.url}/v1`, ...options }), server };
}

/** Answers the scripted responses in turn, then repeats the last. */
export function sequence(...steps: ((res: ServerResponse) => void)[]): Handler {
  return (_req, res, _seen, index) => (steps[Math.min(index, steps.length - 1)] ?? (() => res.end()))(res);
}
export const ok = (res: ServerResponse): void => json(res, 200, model, { 'x-request-id': 'req_ok' });
export const status =
  (
    code: number,
    headers: Record<string, string> = {},
    body: unknown = { error: { message: `status ${code}`, type: 'server_error', param: null, code: null } },
  ) =>
  (res: ServerResponse): void =>
    json(res, code, body, headers);

/** The error a call fails with; fails the test if the call succeeds. */
export async function failure(promise: PromiseLike<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected the call to fail');
    },
    (error: unknown) => error,
  );
}

/** The error `promise` rejects with, checked to be a `Class`. */
export async function failureOf<E>(
  promise: PromiseLike<unknown>,
  Class: abstract new (...args: never[]) => E,
): Promise<E> {
  const error = await failure(promise);
  if (!(error instanceof Class)) throw new Error(`expected a ${Class.name}, got ${String(error)}`);
  return error;
}

export async function timed<T>(fn: () => PromiseLike<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

/** A client over a `fetch` of the test's (no server), at an address nothing listens on. */
export function clientWith(
  fetch: (request: Request, init?: RequestInit) => Promise<Response>,
  options: ClientOptions = {},
): OpenAI {
  return new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    fetch: fetch as typeof globalThis.fetch,
    ...options,
  });
}

export const modelResponse = (): Response => Response.json(model, { headers: { 'x-request-id': 'req_1' } });

export const errorResponse = (code: number, headers: Record<string, string> = {}): Response =>
  Response.json(
    { error: { message: `status ${code}`, type: 'server_error', param: null, code: null } },
    { status: code, headers },
  );

/** A `fetch` that records each URL asked for and answers `answer()`. */
export function recording(answer: () => Response = () => Response.json(model)) {
  const urls: string[] = [];
  const fetch = async (input: string | URL | Request): Promise<Response> => {
    urls.push(input instanceof Request ? input.url : String(input));
    return answer();
  };
  return { urls, fetch };
}
