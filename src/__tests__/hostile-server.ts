/**
 * A local HTTP server that answers the Models API the way a broken or hostile
 * OpenAI-compatible server could (issue 13). The first path segment picks the
 * case: point a client's base URL at `server.baseURL('gzip-bomb')`.
 *
 * Nothing large is ever held or written to disk: the endless and huge bodies
 * are produced chunk by chunk with back-pressure, the gzip bomb repeats one
 * small cached member, and every stream stops the moment the client hangs up
 * (`open()` counts the streams still running, so tests can check that).
 */
import type { ServerResponse } from 'node:http';
import { constants, createBrotliCompress, createDeflate, gzipSync } from 'node:zlib';
import { json, localServer } from '../../contract-tests/support/local-server.js';

const MiB = 1024 * 1024;
/** The start of a list whose first id never ends: `{"object":"list","data":[{"id":"aaaa…`. */
const HEAD = Buffer.from('{"object":"list","data":[{"id":"');
const FILLER = Buffer.alloc(64 * 1024, 'a');

/** Escape sequences a server could plant: retitle the window (OSC … BEL), clear it (ESC [2J), CSI in its one-byte C1 form (0x9b). */
export const EVIL = '\x1b]0;pwned\x07\x1b[2J\x9b31m';

/** Each case, by the path segment that picks it, and what it sends. */
export const HOSTILE_CASES = {
  'endless-string': 'a 200 whose JSON string never ends',
  'gzip-bomb': 'a 2.6 MB gzip body that inflates to 2.6 GB',
  'br-bomb': 'a brotli bomb, compressed on the fly, that never ends',
  'deflate-bomb': 'a deflate bomb, compressed on the fly, that never ends',
  'huge-length': 'content-length: 8589934592 and a body to match',
  'huge-error': 'a 500 with a 3 GB error body, chunked',
  trickle: 'a body that trickles one byte a second',
  'big-list': 'a real list of 20,000 models (1.8 MB)',
  'escape-error': 'a 404 whose message, type, code and request id carry escape sequences',
  'escape-table': 'escape sequences in table cells',
  'escape-garbled': 'escape sequences in a garbled body',
} as const;
export type HostileCase = keyof typeof HOSTILE_CASES;

export interface HostileServer {
  /** The base URL of one case, e.g. `http://127.0.0.1:41234/gzip-bomb`. */
  baseURL(name: HostileCase): string;
  /** Streams still being sent: 0 soon after every client has gone. */
  open(): number;
  /** Requests received for one case: 1 when a failure was not retried. */
  hits(name: HostileCase): number;
  stop(): Promise<void>;
}

export const BIG_LIST_SIZE = 20_000;

export async function startHostileServer(): Promise<HostileServer> {
  const streams = new Set<ServerResponse>();
  const hits = new Map<string, number>();
  const server = await localServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://localhost').pathname.split('/')[1] ?? '';
    if (!Object.hasOwn(HOSTILE_CASES, name)) {
      return json(res, 418, { error: { message: `no case '${name}'`, type: 'test_error', param: null, code: null } });
    }
    hits.set(name, (hits.get(name) ?? 0) + 1);
    streams.add(res);
    res.on('close', () => streams.delete(res));
    return answer(name as HostileCase, res);
  });
  return {
    baseURL: (name) => `${server.url}/${name}`,
    open: () => streams.size,
    hits: (name) => hits.get(name) ?? 0,
    stop: () => server.close(),
  };
}

function answer(name: HostileCase, res: ServerResponse): void {
  const type = { 'content-type': 'application/json' };
  switch (name) {
    case 'endless-string':
      res.writeHead(200, type);
      return void pump(res, [HEAD], () => FILLER);
    case 'gzip-bomb': {
      const { head, member, count } = gzipBomb();
      res.writeHead(200, {
        ...type,
        'content-encoding': 'gzip',
        'content-length': String(head.length + member.length * count),
      });
      let sent = 0;
      return void pump(res, [head], () => (sent++ < count ? member : undefined));
    }
    case 'br-bomb':
    case 'deflate-bomb': {
      const br = name === 'br-bomb';
      res.writeHead(200, { ...type, 'content-encoding': br ? 'br' : 'deflate' });
      const zip = br
        ? createBrotliCompress({ params: { [constants.BROTLI_PARAM_QUALITY]: 1 } })
        : createDeflate({ level: 1 });
      zip.pipe(res);
      res.on('close', () => zip.destroy());
      return void pump(zip, [HEAD], () => FILLER);
    }
    case 'huge-length':
      res.writeHead(200, { ...type, 'content-length': String(8 * 1024 * MiB) });
      return void pump(res, [HEAD], counted(8 * 1024 * MiB - HEAD.length));
    case 'huge-error': {
      const head = Buffer.from('{"error":{"message":"');
      res.writeHead(500, { ...type, 'x-request-id': 'req_huge_error' });
      return void pump(res, [head], counted(3 * 1024 * MiB - head.length));
    }
    case 'trickle':
      return trickle(res, Buffer.from('{"object":"list","data":[]}'));
    case 'big-list':
      res.writeHead(200, { ...type, 'x-request-id': 'req_big_list' });
      return void res.end(bigList());
    case 'escape-error':
      // Node refuses control characters in header values, but not bytes 0x80-0xff: 0x9b gets through.
      res.writeHead(404, { ...type, 'x-request-id': 'req_\x9b2J' });
      return void res.end(
        JSON.stringify({
          error: {
            message: `nope${EVIL}\nsecond line\r\x7f`,
            type: `invalid_request_error${EVIL}`,
            param: null,
            code: `bad\x9b5m`,
          },
        }),
      );
    case 'escape-table':
      res.writeHead(200, { ...type, 'x-request-id': 'req_table' });
      return void res.end(
        JSON.stringify({
          object: 'list',
          data: [{ id: `evil${EVIL}`, object: 'model', created: 1721172741, owned_by: 'own\x07er\x9b\u202erev' }],
        }),
      );
    case 'escape-garbled':
      res.writeHead(200, { 'content-type': 'text/html', 'x-request-id': 'req_garbled' });
      return void res.end(`<html>${EVIL}</html>`);
  }
}

/** The chunks of `first`, then `next()` until it says undefined or the client goes; respects back-pressure. */
async function pump(
  out: NodeJS.WritableStream & { destroyed: boolean },
  first: Buffer[],
  next: () => Buffer | undefined,
): Promise<void> {
  const chunks = first.values();
  for (let chunk = chunks.next().value ?? next(); chunk !== undefined; chunk = chunks.next().value ?? next()) {
    if (out.destroyed) return;
    if (!out.write(chunk)) await drained(out);
  }
  if (!out.destroyed) out.end();
}

function drained(out: NodeJS.WritableStream & { destroyed: boolean }): Promise<void> {
  return new Promise((resolve) => {
    if (out.destroyed) return resolve();
    const done = (): void => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/** FILLER chunks adding up to exactly `total` bytes. */
function counted(total: number): () => Buffer | undefined {
  let left = total;
  return () => {
    if (left <= 0) return undefined;
    const chunk = left >= FILLER.length ? FILLER : FILLER.subarray(0, left);
    left -= chunk.length;
    return chunk;
  };
}

function trickle(res: ServerResponse, body: Buffer): void {
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(body.length) });
  let at = 0;
  const timer = setInterval(() => {
    res.write(body.subarray(at, at + 1));
    if (++at === body.length) {
      clearInterval(timer);
      res.end();
    }
  }, 1000);
  res.on('close', () => clearInterval(timer));
}

let bomb: { head: Buffer; member: Buffer; count: number } | undefined;
/**
 * gzip allows members back to back and decoders (undici's too) inflate them
 * all: one member of 1 MiB of `a` is about 1 KB, so 2,480 copies of it are
 * 2.6 MB on the wire and 2.6 GB inflated, without compressing gigabytes.
 */
function gzipBomb(): { head: Buffer; member: Buffer; count: number } {
  bomb ??= { head: gzipSync(HEAD), member: gzipSync(Buffer.alloc(MiB, 'a'), { level: 9 }), count: 2480 };
  return bomb;
}

let list: string | undefined;
/** 20,000 models in the shape a big compatible catalogue (OpenRouter and co.) answers. */
function bigList(): string {
  list ??= JSON.stringify({
    object: 'list',
    data: Array.from({ length: BIG_LIST_SIZE }, (_, i) => ({
      id: `vendor-${i % 97}/model-${i}`,
      object: 'model',
      created: 1721172741 + i,
      owned_by: `vendor-${i % 97}`,
    })),
  });
  return list;
}

/** Resolves once `server` has no stream left running, or fails after `ms`. */
export async function allStreamsStopped(server: HostileServer, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (server.open() > 0) {
    if (Date.now() > deadline)
      throw new Error(`${server.open()} stream(s) still running ${ms} ms after the client gave up`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
