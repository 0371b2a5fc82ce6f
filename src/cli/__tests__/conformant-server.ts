/**
 * A server that keeps every promise of the spec, for the conformance
 * command's tests: each test bends one answer (`override`) and looks at
 * what the report says and what arrived on the wire.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach } from 'vitest';
import { json, localServer, type LocalServer, type Seen } from '../../../contract-tests/support/local-server.js';

export const KEY = 'sk-conformance-test-key-0123456789';
export const MODELS = [
  { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' },
  { id: 'meta-llama/Llama-3.1-8B', object: 'model', created: 1721172741, owned_by: 'meta' },
  { id: 'ft:gpt-4o-mini:acme:x:1', object: 'model', created: 1727131766, owned_by: 'user-1' },
];

/** Answers a request itself (true) or leaves it to the conformant default (false). */
export type Override = (req: IncomingMessage, res: ServerResponse, seen: Seen) => boolean | Promise<boolean>;

export function startConformantServer(
  override: Override = () => false,
  headers: Record<string, string> = { 'x-request-id': 'req_test' },
): Promise<LocalServer> {
  const error = (res: ServerResponse, status: number, message: string): void =>
    json(res, status, { error: { message, type: 'invalid_request_error', param: null, code: null } }, headers);
  return localServer(async (req, res, seen) => {
    if (await override(req, res, seen)) return;
    if (seen.headers.authorization !== `Bearer ${KEY}`) return error(res, 401, 'bad key');
    const path = seen.url.split('?')[0] ?? '';
    if (path === '/v1/models' && seen.method === 'GET')
      return json(res, 200, { object: 'list', data: MODELS }, headers);
    const id = /^\/v1\/models\/([^/]+)$/.exec(path)?.[1];
    const model = MODELS.find((m) => id !== undefined && m.id === decodeURIComponent(id));
    if (model && seen.method === 'GET') return json(res, 200, model, headers);
    if (model && seen.method === 'DELETE')
      return json(res, 200, { id: model.id, object: 'model', deleted: true }, headers);
    error(res, 404, `no ${seen.method} ${path}`);
  });
}

/** `startConformantServer` for a test file: every server it starts is closed after its test. */
export function conformantServers(): typeof startConformantServer {
  const servers: LocalServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  return async (...args) => {
    const server = await startConformantServer(...args);
    servers.push(server);
    return server;
  };
}
