/**
 * APIPromise, what every call returns: await it for the value,
 * .withResponse() for the value with its response and request id,
 * .asResponse() for the raw Response, its body unread until you read it; a
 * call nobody awaits is sent all the same.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  clientWith,
  closeServer,
  failure,
  KEY,
  model,
  ok,
  recording,
  sequence,
  serve,
} from './__tests__/transport-harness.js';
import OpenAI, { OpenAIError } from './index.js';

afterEach(closeServer);

describe('raw responses', () => {
  it('asResponse() gives the Response with its body unread', async () => {
    const { client } = await serve(sequence(ok));
    const response = await client.models.retrieve('gpt-4o-mini').asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(model);
  });

  it('asResponse() first, then withResponse() and await: one request, both bodies readable', async () => {
    const { client, server } = await serve(sequence(ok));
    const promise = client.models.retrieve('gpt-4o-mini');
    const raw = await promise.asResponse();
    const { data, requestID } = await promise.withResponse();
    expect(data).toEqual(model);
    expect(requestID).toBe('req_ok');
    expect(await promise).toBe(data);
    expect(await raw.json()).toEqual(model);
    expect(server.seen).toHaveLength(1);
  });

  it('asResponse() read or locked first, then await: a clear OpenAIError, not a bare TypeError', async () => {
    const { client } = await serve(sequence(ok, ok));
    const message = 'The body from .asResponse() was already read or locked; await the call first to have both.';
    const read = client.models.retrieve('gpt-4o-mini');
    expect(await (await read.asResponse()).json()).toEqual(model);
    expect(await failure(read)).toMatchObject({ constructor: OpenAIError, message });
    const locked = client.models.retrieve('gpt-4o-mini');
    const reader = (await locked.asResponse()).body?.getReader();
    expect(await failure(locked)).toMatchObject({ constructor: OpenAIError, message });
    await reader?.cancel();
  });

  it('withResponse() gives data, response and request id; await gives the same data', async () => {
    const { client, server } = await serve(sequence(ok));
    const promise = client.models.retrieve('gpt-4o-mini');
    const { data, response, requestID, request_id } = await promise.withResponse();
    expect(data).toEqual(model);
    expect(response.headers.get('x-request-id')).toBe('req_ok');
    expect([requestID, request_id, data._request_id]).toEqual(['req_ok', 'req_ok', 'req_ok']);
    expect(JSON.stringify(data)).toBe(JSON.stringify(model));
    expect(await promise).toBe(data);
    expect(server.seen).toHaveLength(1);
  });

  it('gives the text read when .asResponse() comes after the call was awaited', async () => {
    const text = JSON.stringify({ ...model, id: 'caf\ufffd' });
    const { client } = await serve(
      (_req, res) => void res.writeHead(200).end(Buffer.from(JSON.stringify({ ...model, id: 'caf\xe9' }), 'latin1')),
      { maxRetries: 0 },
    );
    const call = client.models.retrieve('x');
    await call;
    const copy = await call.asResponse();
    expect([copy.status, await copy.text()]).toEqual([200, text]);
  });

  it('.asResponse() hands back the response as soon as its headers arrive, the body unread', async () => {
    let pull = 0;
    const endless = new ReadableStream(
      { pull: (controller) => void controller.enqueue(new Uint8Array([0x20, pull++ & 0x7f])) },
      { highWaterMark: 0 },
    );
    const client = clientWith(async () => new Response(endless, { headers: { 'content-type': 'application/json' } }), {
      timeout: 2000,
    });
    const response = await client.models.retrieve('gpt-4o-mini').asResponse();
    expect(response.bodyUsed).toBe(false);
    expect(pull).toBe(0);
    await response.body?.cancel();
  });

  it('sends a call nobody awaits (as the official SDK does)', async () => {
    const { client, server } = await serve(sequence(ok));
    void client.models.delete('ft:x');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(server.seen.map((s) => s.method)).toEqual(['DELETE']);
  });
});

describe('promises', () => {
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    fetch: recording(() => Response.json({ object: 'list', data: [model] })).fetch,
  });

  it('finally() runs its callback and passes the result through', async () => {
    const calls: string[] = [];
    const page = await client.models.list().finally(() => calls.push('finally'));
    expect(calls).toEqual(['finally']);
    expect(page.data.map((each) => each.id)).toEqual(['gpt-4o-mini']);
  });

  it('a call shows as an APIPromise', async () => {
    const call = client.models.list();
    expect(Object.prototype.toString.call(call)).toBe('[object APIPromise]');
    await call;
  });
});
