/**
 * The loopback server of section 2, run in its own process so that its work
 * does not count as client CPU: `node --import tsx scripts/bench/server.ts`.
 * Listens on 127.0.0.1 (a free port), prints `{"port":N}` on stdout, answers
 * `GET /v1/models` and `GET /v1/models/{id}` with canned JSON, and exits when
 * its stdin closes (so it never outlives the bench, even if the bench dies).
 */
import { createServer } from 'node:http';
import { listBody, modelBody, RESPONSE_HEADERS } from './fixtures.js';

const list = Buffer.from(listBody(100));
const models = new Map<string, Buffer>();

const server = createServer((request, response) => {
  const url = request.url ?? '';
  let body: Buffer | undefined;
  if (request.method === 'GET' && url === '/v1/models') body = list;
  else if (request.method === 'GET' && url.startsWith('/v1/models/')) {
    const id = decodeURIComponent(url.slice('/v1/models/'.length));
    body = models.get(id) ?? Buffer.from(modelBody(id));
    if (models.size < 100) models.set(id, body);
  }
  if (body === undefined) {
    response.writeHead(404, RESPONSE_HEADERS).end('{"error":{"message":"not found","type":"invalid_request_error"}}');
    return;
  }
  response.writeHead(200, { ...RESPONSE_HEADERS, 'content-length': body.byteLength }).end(body);
});
server.keepAliveTimeout = 30_000;

server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});

const stop = (): void => {
  server.closeAllConnections();
  server.close(() => process.exit(0));
};
process.stdin.on('end', stop).on('close', stop).resume();
process.on('SIGTERM', stop);
