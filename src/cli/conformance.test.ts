/**
 * `openai-models conformance` as a user sees it: run() in-process against
 * real local servers, asserting the report, the exit code and the requests
 * that arrived.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import { afterEach, describe, expect, it } from 'vitest';
import { json, localServer, type LocalServer } from '../../contract-tests/support/local-server.js';
import { root } from '../../scripts/prism.js';
import { validatorModule } from '../../scripts/validators/compile.js';
import { specSchemas } from '../../scripts/validators/schemas.js';
import { KEY, MODELS, startConformantServer } from './__tests__/conformant-server.js';
import { memoryIO } from './__tests__/memory-io.js';
import { usage } from './__tests__/run-cli.js';
import { conformance, type Report, type Validators } from './conformance.js';
import { readSpec, type JsonSchema } from './conformance-spec.js';
import { run } from './run.js';

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const servers: LocalServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

async function serve(...args: Parameters<typeof startConformantServer>): Promise<LocalServer> {
  const server = await startConformantServer(...args);
  servers.push(server);
  return server;
}

async function conform(server: LocalServer, argv: string[] = [], env: Record<string, string> = {}) {
  const io = memoryIO({ env: { OPENAI_API_KEY: KEY, ...env } });
  const code = await run(['conformance', '--base-url', `${server.url}/v1`, ...argv], io);
  return { code, out: io.out(), err: io.err() };
}

async function report(server: LocalServer, argv: string[] = []): Promise<Report> {
  const { out } = await conform(server, ['--format', 'json', ...argv]);
  return JSON.parse(out) as Report;
}

describe('a server that keeps every promise of the spec', () => {
  it('passes every check: exit 0, one table row per check, no fail or warn', async () => {
    const { code, out, err } = await conform(await serve());
    expect(err).toBe('');
    expect(code).toBe(0);
    const rows = out.split('\n').filter((line) => /^(pass|warn|fail|n\/a) /.test(line));
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.filter((line) => !line.startsWith('pass'))).toEqual([
      expect.stringMatching(/^n\/a\s+deleteModel\s+DELETE \/models\/\{model\}.*read-only unless --delete-model/),
    ]);
    expect(out).toMatch(/^\d+ checks: \d+ pass, 0 warn, 0 fail, 1 n\/a$/m);
  });

  it('sends no DELETE without --delete-model, and one for exactly that id with it', async () => {
    const server = await serve();
    await conform(server);
    expect(server.seen.map((seen) => seen.method)).not.toContain('DELETE');
    const { code } = await conform(server, ['--delete-model', 'ft:gpt-4o-mini:acme:x:1']);
    expect(code).toBe(0);
    expect(server.seen.filter((seen) => seen.method === 'DELETE').map((seen) => seen.url)).toEqual([
      '/v1/models/ft:gpt-4o-mini:acme:x:1',
    ]);
  });

  it('sends ids as the official SDK does: / as %2F, : kept', async () => {
    const server = await serve();
    await conform(server);
    const paths = server.seen.map((seen) => seen.url);
    expect(paths).toContain('/v1/models/meta-llama%2FLlama-3.1-8B');
    expect(paths).toContain('/v1/models/ft:gpt-4o-mini:acme:x:1');
  });

  it('prints no time or date unless --date asks for one', async () => {
    const server = await serve();
    for (const format of ['table', 'json', 'markdown']) {
      expect((await conform(server, ['--format', format])).out).not.toMatch(/\d{4}-\d\d-\d\d|\d\d:\d\d:\d\d/);
    }
    const { out } = await conform(server, ['--date']);
    expect(out.split('\n')[0]).toMatch(/ on \d{4}-\d\d-\d\d$/);
  });

  it('prints the same bytes twice', async () => {
    const server = await serve();
    expect((await conform(server, ['--format', 'json'])).out).toBe((await conform(server, ['--format', 'json'])).out);
  });
});

describe('--format json', () => {
  it('is valid against src/cli/conformance.schema.json, whose version it names', async () => {
    const schema = JSON.parse(readFileSync(join(root, 'src', 'cli', 'conformance.schema.json'), 'utf8')) as object;
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    // A failing server too, so faults and notes are filled in.
    const failing = await serve((_req, res, seen) => {
      if (seen.url !== '/v1/models') return false;
      json(res, 200, { object: 'list', data: [{ id: 'x', object: 'model', owned_by: 'o', extra: 1 }] });
      return true;
    });
    for (const server of [await serve(), failing]) {
      const document = await report(server, ['--date']);
      expect(validate(document), JSON.stringify(validate.errors)).toBe(true);
      expect(document).toMatchObject({ version: 1, $schema: expect.stringContaining('conformance.schema.json') });
    }
  });
});

describe('what the checks find', () => {
  it('every error of a body, the same break in many models counted once, extra fields noted', async () => {
    const data = MODELS.map(({ created: _, ...model }) => ({ ...model, root: 'r' }));
    const server = await serve((_req, res, seen) => {
      if (seen.url !== '/v1/models') return false;
      json(res, 200, { object: 'lists', data }, { 'x-request-id': 'req_1' });
      return true;
    });
    const list = (await report(server)).checks[0];
    expect(list).toMatchObject({
      operation: 'listModels',
      request: 'GET /models',
      status: 200,
      verdict: 'fail',
      faults: [
        { path: 'body.object', keyword: 'enum', value: '"lists"', count: 1 },
        { path: 'body.data[0].created', keyword: 'required', value: null, count: 3 },
      ],
      notes: ['body.data[*].root'],
      why: 'body.object is not "list" (enum), and 1 more',
    });
  });

  it('a retrieve that answers another id fails, and a missing retrieve route says what came back', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url === '/v1/models/gpt-4o-mini') json(res, 200, MODELS[2]);
      else if (seen.url.startsWith('/v1/models/meta')) json(res, 404, { detail: 'Not Found' });
      else return false;
      return true;
    });
    const checks = (await report(server)).checks.filter((check) => check.operation === 'retrieveModel');
    expect(checks[0]).toMatchObject({
      verdict: 'fail',
      faults: [{ path: 'body.id', keyword: 'id', value: '"ft:gpt-4o-mini:acme:x:1"' }],
    });
    expect(checks[1]).toMatchObject({
      request: 'GET /models/meta-llama%2FLlama-3.1-8B',
      verdict: 'fail',
      why: 'expected 200, got 404: {"detail":"Not Found"}',
      faults: [{ path: 'body.error', keyword: 'required' }],
    });
  });

  it('auth: n/a where the server answers the same without a key; a wrong key accepted fails', async () => {
    // Accepts anything, as Ollama does; or any key at all, as Prism does.
    const open = await serve((_req, _res, seen) => {
      seen.headers.authorization = `Bearer ${KEY}`;
      return false;
    });
    const anyKey = await serve((_req, _res, seen) => {
      if (seen.headers.authorization !== undefined) seen.headers.authorization = `Bearer ${KEY}`;
      return false;
    });
    const auth = async (server: LocalServer) =>
      (await report(server)).checks.filter((check) => / \((no|wrong) key\)$/.test(check.request));
    expect((await auth(open)).map((check) => [check.verdict, check.why])).toEqual([
      ['n/a', 'no auth enforced: 200, as with the key'],
      ['n/a', 'no auth enforced: 200, as with the key'],
      ['n/a', 'no auth enforced: 200, as with the key'],
      ['n/a', 'no auth enforced: 200, as with the key'],
    ]);
    expect((await auth(anyKey)).map((check) => [check.verdict, check.why])).toEqual([
      ['pass', 'as the spec says'],
      ['fail', 'a wrong key was accepted: 200'],
      ['pass', 'as the spec says'],
      ['fail', 'a wrong key was accepted: 200'],
    ]);
    const { out } = await conform(await serve(), [], { OPENAI_API_KEY: '' });
    expect(out).toMatch(/^n\/a .*\(no key\).*no key was given$/m);
  });

  it('x-request-id missing warns; --fail-on warn makes that exit 1', async () => {
    const server = await serve(undefined, {});
    const { code, out } = await conform(server);
    expect(out).toMatch(/^warn\s+listModels\s+every answer above\s+header x-request-id .* missing on 3 of 3 answers$/m);
    expect(code).toBe(0);
    expect((await conform(server, ['--fail-on', 'warn'])).code).toBe(1);
  });

  it('a success for an unknown route warns, quoting what came back', async () => {
    const server = await serve((_req, res, seen) => {
      if (!seen.url.includes('no-such-route')) return false;
      json(res, 200, { error: 'Unexpected endpoint or method.' });
      return true;
    });
    expect((await conform(server)).out).toMatch(
      /^warn .*GET \/openai-models-conformance\/no-such-route .* 200 +expected 404, got 200: \{"error":"Unexpected endpoint or method."\}$/m,
    );
  });

  it('a property added to the spec adds its check, with no other change', async () => {
    const text = readFileSync(join(root, 'spec', 'openapi.yaml'), 'utf8');
    const doc = parse(text) as JsonSchema;
    const model = (doc['components'] as { schemas: { Model: { required: string[]; properties: JsonSchema } } }).schemas
      .Model;
    model.required.push('context_window');
    model.properties['context_window'] = { type: 'integer' };
    // The validators npm run generate would write for that spec, compiled into a scratch module.
    const dir = mkdtempSync(join(root, '.tmp-conformance-'));
    try {
      const file = join(dir, 'validators.ts');
      writeFileSync(file, validatorModule('schemasafe', specSchemas(JSON.stringify(doc)), { allErrors: true }));
      const { validators } = (await import(file)) as { validators: Validators };
      const server = await serve();
      const result = await conformance({
        spec: readSpec(doc),
        validators,
        hasKey: true,
        http: {
          baseURL: `${server.url}/v1`,
          fetch,
          timeout: 10_000,
          maxRetries: 0,
          maxResponseSize: 1 << 20,
          auth: { authorization: `Bearer ${KEY}` },
          headers: {},
        },
      });
      const failed = result.checks.filter((check) => check.verdict === 'fail');
      expect(failed.map((check) => [check.request, check.faults[0]?.message, check.faults[0]?.count])).toEqual([
        ['GET /models', 'body.data[0].context_window is missing', 3],
        ['GET /models/gpt-4o-mini', 'body.context_window is missing', 1],
        ['GET /models/meta-llama%2FLlama-3.1-8B', 'body.context_window is missing', 1],
        ['GET /models/ft:gpt-4o-mini:acme:x:1', 'body.context_window is missing', 1],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('safe against anyone’s server', () => {
  const HEADER = 'hdr-secret-value-abcdef123456';

  it('the key and --header values appear in no output format, even when the server echoes them', async () => {
    // Echoes every header it got, in bodies, messages and ids of its answers.
    const server = await serve((_req, res, seen) => {
      const echo = JSON.stringify(seen.headers);
      if (seen.url === '/v1/models') {
        json(res, 200, { object: 'list', data: [{ id: echo, object: 'model', created: 1, owned_by: echo }] });
      } else json(res, 401, { error: { message: echo, type: echo, param: echo, code: 1 } }, { 'x-request-id': echo });
      return true;
    });
    for (const format of ['table', 'json', 'markdown']) {
      const { out, err } = await conform(server, ['--format', format, '--header', `X-Api-Key: ${HEADER}`, '--debug']);
      expect(out).toContain('[REDACTED]');
      expect(out + err).not.toContain(KEY);
      expect(out + err).not.toContain(HEADER);
    }
    // Really sent, so the scrubbing above had something to scrub.
    expect(server.seen[0]?.headers).toMatchObject({ authorization: `Bearer ${KEY}`, 'x-api-key': HEADER });
  });

  it('follows no redirect out of the base URL: the other origin sees nothing', async () => {
    const elsewhere = await serve();
    const server = await serve((_req, res, seen) => {
      if (seen.url !== '/v1/models') return false;
      res.writeHead(307, { location: `${elsewhere.url}/v1/models` }).end();
      return true;
    });
    const { out } = await conform(server, ['--header', `x-api-key: ${HEADER}`]);
    expect(out).toContain(`307: redirected to ${elsewhere.url}, outside the base URL; not followed`);
    expect(elsewhere.seen).toEqual([]);
  });

  it('follows a redirect within the base URL, with the key', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url !== '/v1/models') return false;
      if (seen.headers.authorization) res.writeHead(308, { location: '/v1/models?page=1' }).end();
      else return false;
      return true;
    });
    const list = (await report(server)).checks[0];
    expect(list).toMatchObject({ status: 200, verdict: 'pass' });
    expect(server.seen.filter((seen) => seen.url === '/v1/models?page=1')[0]?.headers.authorization).toBe(
      `Bearer ${KEY}`,
    );
  });

  it('reads at most --max-response-size bytes', async () => {
    const server = await serve((_req, res, seen) => {
      if (seen.url !== '/v1/models') return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"object":"list","data":[${' '.repeat(4096)}]}`);
      return true;
    });
    const list = (await report(server, ['--max-response-size', '1k'])).checks[0];
    expect(list).toMatchObject({
      verdict: 'fail',
      status: 200,
      why: 'the answer is larger than --max-response-size (1024 bytes)',
    });
  });

  it('gives up on an answer that does not come within --timeout', async () => {
    const server = await serve((_req, _res, seen) => seen.url === '/v1/models/gpt-4o-mini');
    const retrieve = (await report(server, ['--timeout', '300ms'])).checks.find(
      (check) => check.request === 'GET /models/gpt-4o-mini',
    );
    expect(retrieve).toMatchObject({ verdict: 'fail', status: null, why: 'no answer within 300 ms' });
  });

  it('retries nothing unless --max-retries asks', async () => {
    let failures = 0;
    const server = await serve((_req, res, seen) => {
      if (seen.url !== '/v1/models' || !seen.headers.authorization?.includes(KEY) || failures++ % 2 === 1) return false;
      json(
        res,
        503,
        { error: { message: 'busy', type: 'server_error', param: null, code: null } },
        { 'retry-after-ms': '0' },
      );
      return true;
    });
    expect((await report(server)).checks[0]).toMatchObject({ status: 503, verdict: 'fail' });
    failures = 0;
    expect((await report(server, ['--max-retries', '1'])).checks[0]).toMatchObject({ status: 200, verdict: 'pass' });
    const keyed = server.seen.filter((seen) => seen.url === '/v1/models' && seen.headers.authorization?.includes(KEY));
    expect(keyed).toHaveLength(3);
  });

  it('escapes control characters from the server in the table and in markdown', async () => {
    const server = await serve((_req, res, seen) => {
      if (!seen.url.includes('no-such-route')) return false;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"error":"evil \u001b]0;owned\u0007 \u202etxt"}');
      return true;
    });
    const table = (await conform(server, ['--format', 'table'])).out;
    const markdown = (await conform(server, ['--format', 'markdown'])).out;
    expect(table + markdown).not.toMatch(/[\u001b\u0007\u202e]/);
    expect(table).toContain('evil ^[]0;owned^G \\u202etxt');
    expect(markdown).toContain('evil ^\\[\\]0;owned^G \\\\u202etxt');
  });

  it('says in one line that the server cannot be reached, and exits 1', async () => {
    const server = await serve();
    const url = server.url;
    await servers.pop()?.close();
    const io = memoryIO({ env: { OPENAI_API_KEY: KEY } });
    const code = await run(['conformance', '--base-url', `${url}/v1`], io);
    expect(code).toBe(1);
    expect(io.out()).toBe('');
    expect(io.err()).toMatch(new RegExp(`^error: cannot reach ${url}/v1: .*ECONNREFUSED.*\\n$`));
  });
});

describe('usage errors: exit 2, before any request', () => {
  it.each([
    [['--format', 'yaml'], "--format must be one of table, json, markdown; got 'yaml'"],
    [['--fail-on', 'pass'], "--fail-on must be fail or warn; got 'pass'"],
    [['--header', 'no colon here'], "--header must be 'name: value'"],
    [['--model', 'x'], "'conformance' takes no --model"],
    [['--field', 'id'], "'conformance' takes no --field"],
    [['extra'], "unexpected argument 'extra'"],
    [['--timeout', 'soon'], "--timeout has a value it cannot use: 'soon'"],
    [['--base-url', 'ftp://x'], "--base-url must be an http:// or https:// URL; got 'ftp://x'"],
    [['--delete-model', '..'], "--delete-model needs a model id; got '..'"],
  ])('%j', async (argv, message) => {
    const err = await usage(['conformance', ...argv]);
    expect(err).toContain(message);
    expect(err).toContain("Run 'openai-models conformance --help' for usage.");
  });

  it('--help prints the command’s help on stdout', async () => {
    const io = memoryIO();
    expect(await run(['conformance', '--help'], io)).toBe(0);
    expect(io.out()).toMatch(/^Usage: openai-models conformance /);
  });
});
