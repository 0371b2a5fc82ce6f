/**
 * Page: the one page the Models API answers, with the official SDK's
 * pagination methods; every key of a list body kept but one named like a
 * method of the page.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { closeServer, failure, KEY, model, recording, serve } from './__tests__/transport-harness.js';
import OpenAI, { OpenAIError, Page } from './index.js';

afterEach(closeServer);

describe('pages', () => {
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    fetch: recording(() => Response.json({ object: 'list', data: [model] })).fetch,
  });

  it('there is never a next page, and asking for one says so', async () => {
    const page = await client.models.list();
    expect(page.hasNextPage()).toBe(false);
    await expect(page.getNextPage()).rejects.toThrow(
      new OpenAIError('No next page expected; please check `.hasNextPage()` before calling `.getNextPage()`.'),
    );
    const pages = [];
    for await (const each of page.iterPages()) pages.push(each);
    expect(pages).toEqual([page]);
  });
});

describe('answers that are not what they should be', () => {
  it('leaves out a key of a list body named like a method of the page: it keeps its methods', async () => {
    const hostile = [
      '__proto__',
      'constructor',
      'toString',
      'hasNextPage',
      'getNextPage',
      'getPaginatedItems',
      'iterPages',
    ];
    const fields = hostile.map((key) => `${JSON.stringify(key)}:{"x":1}`).join(',');
    const body = `{"object":"list","data":[${JSON.stringify(model)}],${fields},"has_more":false}`;
    const { client } = await serve(
      (_req, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(body),
    );
    const page = await client.models.list();
    expect(page.hasNextPage()).toBe(false);
    expect(await failure(page.getNextPage())).toBeInstanceOf(OpenAIError);
    const ids: string[] = [];
    for await (const item of page) ids.push(item.id);
    expect(ids).toEqual([model.id]);
    expect([String(page), page instanceof Page]).toEqual(['[object Object]', true]);
    expect(JSON.stringify(page)).toBe(`{"object":"list","data":[${JSON.stringify(model)}],"has_more":false}`);
  });
});
