/**
 * A real HTTP server on 127.0.0.1 that answers the Models API in every way
 * that can go wrong, for the CLI's tests (unit and end-to-end). The first
 * path segment picks the behaviour: point the CLI's base URL at
 * `${url}/<scenario>` (e.g. `${url}/404`). A segment after it starting with
 * `t-` (`${url}/429-then-200/t-1`) keeps request counters apart between tests.
 */
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export const MODEL = { id: 'gpt-4o-mini', object: 'model', created: 1721172741, owned_by: 'system' };
export const LIST = {
  object: 'list',
  data: [
    MODEL,
    { id: 'ft:gpt-4o-mini:acemeco:suffix:abc123', object: 'model', created: 1727131766, owned_by: 'user-abc123' },
  ],
};

export interface FailingServer {
  url: string;
  /** The headers of the last request, to check what the CLI sent. */
  lastHeaders(): IncomingHttpHeaders | undefined;
  /** How many requests each scenario segment received. */
  hits(scenario: string): number;
  stop(): Promise<void>;
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', 'x-request-id': `req_${status}_test`, ...headers });
  res.end(JSON.stringify(body));
}

const apiError = (message: string, type: string, code: string | null) => ({
  error: { message, type, param: null, code },
});

export async function startFailingServer(): Promise<FailingServer> {
  const sockets = new Set<Socket>();
  const counts = new Map<string, number>();
  let last: IncomingHttpHeaders | undefined;
  const server = createServer((req, res) => {
    last = req.headers;
    const url = new URL(req.url ?? '/', 'http://localhost');
    const [scenario = '', ...rest] = url.pathname.split('/').filter(Boolean);
    const key = rest[0]?.startsWith('t-') ? `${scenario}/${rest[0]}` : scenario;
    const count = (counts.get(key) ?? 0) + 1;
    counts.set(key, count);
    const id = decodeURIComponent(rest.at(-1) ?? '');
    switch (scenario) {
      case 'ok':
        if (rest.at(-1) === 'models') return json(res, 200, LIST);
        if (req.method === 'DELETE') return json(res, 200, { id, object: 'model', deleted: true });
        return json(res, 200, { ...MODEL, id });
      case '401':
        return json(
          res,
          401,
          apiError('Incorrect API key provided: sk-abc***xyz.', 'invalid_request_error', 'invalid_api_key'),
        );
      case '401-echo': // a broken proxy that echoes the credentials back
        return json(
          res,
          401,
          apiError(`Bad credentials: ${req.headers.authorization ?? ''}`, 'invalid_request_error', null),
        );
      case '404':
        return json(
          res,
          404,
          apiError(
            `The model \`${id}\` does not exist or you do not have access to it.`,
            'invalid_request_error',
            'model_not_found',
          ),
        );
      case '429-then-200':
        if (count === 1) {
          return json(res, 429, apiError('Rate limit reached.', 'requests', 'rate_limit_exceeded'), {
            'retry-after-ms': '10',
          });
        }
        return json(res, 200, LIST);
      case '500':
        return json(
          res,
          500,
          apiError('The server had an error while processing your request.', 'server_error', null),
          { 'retry-after-ms': '1' },
        );
      case '502-html':
        res.writeHead(502, { 'content-type': 'text/html' });
        return res.end(
          '<html><head><title>502 Bad Gateway</title></head>\n<body><h1>502 Bad Gateway</h1></body></html>',
        );
      case '500-empty':
        res.writeHead(500, { 'x-request-id': 'req_500_empty' });
        return res.end();
      case 'reset':
        return req.socket.destroy();
      case 'stall':
        return; // never answers; stop() closes the socket
      case 'bad-json':
        res.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_bad_json' });
        return res.end('{"object": "list", "data": [');
      default:
        return json(res, 418, apiError(`no scenario '${scenario}'`, 'test_error', null));
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    lastHeaders: () => last,
    hits: (scenario) => counts.get(scenario) ?? 0,
    async stop() {
      for (const socket of sockets) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
