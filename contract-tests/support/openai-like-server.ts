/**
 * A small OpenAI-compatible server of the tests' own, the "another server"
 * of the contract suite's second mode (see contract-tests/modes.ts): models
 * the mock does not have, the headers a real server sends (`x-request-id`,
 * `openai-processing-ms`, `openai-version`), OpenAI-shaped errors in its own
 * words, and a record of every DELETE so the run can prove which arrived.
 * Listens on 127.0.0.1, on a free port, under `/v1`.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { json, localServer } from './local-server.js';

export interface OpenAILikeServer {
  /** e.g. `http://127.0.0.1:41234/v1`. */
  baseURL: string;
  apiKey: string;
  /** The one model a DELETE may name (a fine-tune of this server's). */
  deletableId: string;
  /** The decoded model id of every DELETE received, in order; also served as JSON at `deletesURL`. */
  deletes: string[];
  deletesURL: string;
  close(): Promise<void>;
}

const deletableId = 'ft:gpt-4.1-nano:openai-like:contract:7fq2x9';
export const openAILikeModels = [
  { id: 'gpt-4.1-nano', object: 'model', created: 1744316542, owned_by: 'system' },
  { id: 'text-embedding-3-large', object: 'model', created: 1705953180, owned_by: 'system' },
  { id: deletableId, object: 'model', created: 1767225600, owned_by: 'user-openai-like' },
] as const;

function error(
  res: ServerResponse,
  status: number,
  message: string,
  type: string,
  param: string | null,
  code: string | null,
): void {
  json(res, status, { error: { message, type, param, code } }, headers());
}

function headers(): Record<string, string> {
  return {
    'x-request-id': `req_${randomBytes(16).toString('hex')}`,
    'openai-processing-ms': String(1 + Math.floor(Math.random() * 40)),
    'openai-version': '2020-10-01',
  };
}

export async function startOpenAILikeServer(apiKey = 'sk-openai-like-test-key'): Promise<OpenAILikeServer> {
  const deletes: string[] = [];
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    if (req.url === '/_test/deletes') {
      json(res, 200, deletes);
      return;
    }
    const auth = req.headers.authorization;
    if (auth === undefined) {
      error(
        res,
        401,
        "You didn't provide an API key. Send it as 'Authorization: Bearer <key>'.",
        'invalid_request_error',
        null,
        null,
      );
      return;
    }
    if (auth !== `Bearer ${apiKey}`) {
      error(res, 401, 'That API key is not valid on this server.', 'invalid_request_error', null, 'invalid_api_key');
      return;
    }
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path === '/v1/models' && req.method === 'GET') {
      json(res, 200, { object: 'list', data: openAILikeModels }, headers());
      return;
    }
    const match = /^\/v1\/models\/([^/]+)$/.exec(path);
    const id = match?.[1] === undefined ? undefined : decodeURIComponent(match[1]);
    const model = openAILikeModels.find((m) => m.id === id);
    if (id === undefined || (req.method !== 'GET' && req.method !== 'DELETE')) {
      error(res, 404, `No route ${req.method} ${path}.`, 'invalid_request_error', null, null);
    } else if (req.method === 'DELETE') {
      deletes.push(id);
      if (id === deletableId) json(res, 200, { id, object: 'model', deleted: true }, headers());
      else if (model)
        error(
          res,
          403,
          `Only fine-tuned models you own can be deleted, not ${id}.`,
          'invalid_request_error',
          'model',
          null,
        );
      else error(res, 404, `No model named ${id} is served here.`, 'invalid_request_error', 'model', null);
    } else if (model) {
      json(res, 200, model, headers());
    } else {
      // OpenAI's envelope in this server's words and without OpenAI's `code`:
      // the suite may only rely on what the spec promises.
      error(res, 404, `No model named ${id} is served here.`, 'invalid_request_error', 'model', null);
    }
  };
  const server = await localServer(handle);
  return {
    baseURL: `${server.url}/v1`,
    apiKey,
    deletableId,
    deletes,
    deletesURL: `${server.url}/_test/deletes`,
    close: () => server.close(),
  };
}
