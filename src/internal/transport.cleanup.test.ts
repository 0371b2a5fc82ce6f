/**
 * What a call leaves behind: once it settles, no timer is pending and
 * nothing is attached to the caller's AbortSignal, on every road out of the
 * request loop. Leaked timers and listeners only show under load, so they
 * are counted here (the timers a call started and Node saw end, the signal's
 * listeners). Last, which of its timers hold the process open.
 */
import { createHook } from 'node:async_hooks';
import { getEventListeners } from 'node:events';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientWith, errorResponse, failure, KEY, model, modelResponse } from '../__tests__/transport-harness.js';
import OpenAI, { APIUserAbortError } from '../index.js';

/**
 * Runs `call` and counts the timers it started that are still pending once it has settled, unref'd ones
 * too: an attempt's timer does not hold the process open, but a leaked one holds its attempt for the
 * whole timeout. Only the call's own timers count: the runner's are not ours.
 */
async function timersLeftBy<T>(call: () => Promise<T>): Promise<{ result: T; left: number }> {
  const pending = new Map<number, NodeJS.Timeout>();
  const hook = createHook({
    init: (id, type, _trigger, resource) => void (type === 'Timeout' && pending.set(id, resource as NodeJS.Timeout)),
    destroy: (id) => void pending.delete(id),
  }).enable();
  try {
    const result = await call();
    // Node reports a cleared or fired timer's end on a later turn.
    for (let turn = 0; turn < 3; turn++) await new Promise((resolve) => setImmediate(resolve));
    return { result, left: pending.size };
  } finally {
    hook.disable();
  }
}

/** A body that sends a chunk, then fails as a broken connection does. */
function brokenBody(): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (sent) return controller.error(new TypeError('terminated'));
      sent = true;
      controller.enqueue(new TextEncoder().encode('{"id":'));
    },
  });
}

/** A body that never ends. */
function endlessBody(): ReadableStream<Uint8Array> {
  return new ReadableStream({ pull: (controller) => controller.enqueue(new TextEncoder().encode('[[[[')) });
}

describe('nothing is left running once a call settles', () => {
  const roads: [string, () => Promise<Response>, (client: OpenAI, signal: AbortSignal) => Promise<unknown>][] = [
    [
      'a parsed 200',
      async () => modelResponse(),
      (client, signal) => client.models.retrieve('gpt-4o-mini', { signal }),
    ],
    // The attempt, and its timeout, lasts until the body is read.
    [
      'a raw 200 (asResponse), read',
      async () => modelResponse(),
      async (client, signal) => (await client.models.retrieve('gpt-4o-mini', { signal }).asResponse()).text(),
    ],
    [
      'a raw 200 (asResponse), cancelled',
      async () => modelResponse(),
      async (client, signal) => (await client.models.retrieve('gpt-4o-mini', { signal }).asResponse()).body?.cancel(),
    ],
    [
      'a 200 with no body, through client.api',
      async () => new Response(null),
      (client, signal) => client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } }, signal }),
    ],
    [
      'a middleware that throws once the answer came',
      async () => modelResponse(),
      (client, signal) => {
        client.api.use({
          onResponse() {
            throw new Error('middleware failed');
          },
        });
        return client.models.retrieve('gpt-4o-mini', { signal }).catch((e: unknown) => e);
      },
    ],
    [
      'a final 404',
      async () => errorResponse(404),
      (client, signal) => client.models.retrieve('nope', { signal }).catch((e: unknown) => e),
    ],
    [
      'a connection failure',
      () => Promise.reject(new TypeError('fetch failed')),
      (client, signal) => client.models.retrieve('x', { signal }).catch((e: unknown) => e),
    ],
    [
      'a final 404 through client.api',
      async () => errorResponse(404),
      (client, signal) => client.api.GET('/models/{model}', { params: { path: { model: 'nope' } }, signal }),
    ],
    [
      'a 200 of content-length 0 through client.api, its empty body never read',
      async () => new Response('', { headers: { 'content-length': '0' } }),
      (client, signal) => client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } }, signal }),
    ],
    [
      'a raw 200 (asResponse) whose body breaks',
      async () => new Response(brokenBody()),
      async (client, signal) =>
        (await client.models.retrieve('gpt-4o-mini', { signal }).asResponse()).text().catch((e: unknown) => e),
    ],
    [
      'a raw 200 (asResponse) over maxResponseSize, still coming',
      async () => new Response(endlessBody()),
      async (client, signal) =>
        (await client.models.retrieve('gpt-4o-mini', { signal, maxResponseSize: 4 }).asResponse())
          .text()
          .catch((e: unknown) => e),
    ],
    [
      'client.api',
      async () => modelResponse(),
      (client, signal) => client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } }, signal }),
    ],
  ];

  it.each(roads)('%s: no timer, no listener on the signal', async (name, answer, call) => {
    const client = clientWith(answer, { maxRetries: 0 });
    const controller = new AbortController();
    expect((await timersLeftBy(() => call(client, controller.signal))).left).toBe(0);
    // client.api hands the signal to `new Request()`, whose own signal follows it (undici's listener, not ours).
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(name.includes('client.api') ? 1 : 0);
  });

  it('a retried 500: the first attempt and the wait between both cleaned up', async () => {
    const answers = [errorResponse(500, { 'retry-after-ms': '1' }), modelResponse()];
    const client = clientWith(async () => answers.shift() ?? modelResponse(), { maxRetries: 1 });
    const controller = new AbortController();
    const { result, left } = await timersLeftBy(() =>
      client.models.retrieve('gpt-4o-mini', { signal: controller.signal }),
    );
    expect(result).toEqual(model);
    expect(answers).toHaveLength(0);
    expect(left).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('an abort during the wait before a retry ends the wait at once and leaves no timer', async () => {
    const controller = new AbortController();
    const client = clientWith(
      async () => {
        setTimeout(() => controller.abort('stop'), 20);
        return errorResponse(503, { 'retry-after-ms': '30000' });
      },
      { maxRetries: 1 },
    );
    const started = Date.now();
    const { result: error, left } = await timersLeftBy(() =>
      failure(client.models.retrieve('gpt-4o-mini', { signal: controller.signal })),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe('stop');
    expect(Date.now() - started).toBeLessThan(5000);
    expect(left).toBe(0);
    expect(getEventListeners(controller.signal, 'abort')).toHaveLength(0);
  });

  it('an abort while a retried answer is being discarded stops before the wait', async () => {
    const controller = new AbortController();
    let calls = 0;
    const client = clientWith(
      async () => {
        calls++;
        const body = new ReadableStream({ cancel: () => controller.abort('gave up') });
        return new Response(body, { status: 500, headers: { 'retry-after-ms': '30000' } });
      },
      { maxRetries: 2 },
    );
    const { result: error, left } = await timersLeftBy(() =>
      failure(client.models.retrieve('gpt-4o-mini', { signal: controller.signal })),
    );
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toBe('gave up');
    expect(calls).toBe(1);
    expect(left).toBe(0);
  });
});

describe('what holds the process open', () => {
  afterEach(() => void vi.restoreAllMocks());

  // A script whose only pending work is the wait before a retry must not exit there, silently, with its call
  // unsettled; an attempt's timer must not keep it running once nobody wants the body.
  it("the wait before a retry does; an attempt's timer does not", async () => {
    const set = globalThis.setTimeout;
    const timers: [number | undefined, boolean][] = [];
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((...args: Parameters<typeof setTimeout>) => {
      const timer = set(...args);
      // Read once the caller had its say (unref() follows setTimeout()).
      queueMicrotask(() => timers.push([args[1], timer.hasRef()]));
      return timer;
    }) as typeof setTimeout);
    const answers = [errorResponse(500, { 'retry-after-ms': '20' }), modelResponse()];
    const client = clientWith(async () => answers.shift() ?? modelResponse(), { timeout: 54_321 });

    await expect(client.models.retrieve('gpt-4o-mini')).resolves.toMatchObject({ id: model.id });
    // The runner's own timers aside.
    expect(timers.filter(([ms]) => ms === 54_321 || ms === 20)).toEqual([
      [54_321, false],
      [20, true],
      [54_321, false],
    ]);
  });
});
