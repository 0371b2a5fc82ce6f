/**
 * The one way to run an emulated OpenAI-compatible server: a node:http
 * server on 127.0.0.1, port 0, that the test starts and closes. Each server
 * file only says how its server answers.
 */
import type { ServerResponse } from 'node:http';
import { json, localServer, type Seen } from '../local-server.js';

export { json };

export interface Emulation {
  /** e.g. `http://127.0.0.1:41234/v1`. */
  baseURL: string;
  /** Every request received, in order. */
  seen: Seen[];
  close(): Promise<void>;
}

export interface Request {
  method: string;
  /** The path as it came on the wire, still percent-encoded: `/v1/models/a%2Fb`. */
  path: string;
  /** For `/v1/models/<one segment>`: that segment decoded, as servers that route on one segment see it. */
  model: string | undefined;
  authorization: string | undefined;
}

export interface Entry {
  start(): Promise<Emulation>;
  /** A key the started server accepts (servers that ignore keys accept any). */
  apiKey: string;
  /** What this server does differently from api.openai.com, in a line. */
  description: string;
  /** Where the behaviour comes from (../shared/COMPAT-FACTS.md). */
  source: string;
}

export async function emulate(answer: (req: Request, res: ServerResponse) => void): Promise<Emulation> {
  const server = await localServer((req, res, seen) => {
    const path = seen.url.split('?')[0]!;
    const segment = /^\/v1\/models\/([^/]+)$/.exec(path)?.[1];
    answer(
      {
        method: seen.method,
        path,
        model: segment === undefined ? undefined : decodeURIComponent(segment),
        authorization: seen.headers.authorization,
      },
      res,
    );
  });
  return { baseURL: `${server.url}/v1`, seen: server.seen, close: () => server.close() };
}

/** Where the server's sources say nothing: a plain answer that no test can mistake for the server's. */
export function undocumented(res: ServerResponse): void {
  res.writeHead(501, { 'content-type': 'text/plain' });
  res.end('not emulated: no source documents this route');
}
