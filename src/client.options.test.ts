/**
 * The options of `new OpenAI()` as a caller meets them: read from the
 * environment (trimmed, a blank one ignored) or given, their defaults, what
 * reaches the wire, and the error (class and words) for a value the client
 * refuses before any request. Options given per request:
 * internal/call.options.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { recording } from './__tests__/transport-harness.js';
import OpenAI, { OpenAIError, type ClientOptions } from './index.js';

const KEY = 'sk-options-test-0123456789';
const model = { id: 'gpt-4o-mini', object: 'model', created: 1, owned_by: 'system' };

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe('construction', () => {
  it('reads OPENAI_API_KEY, OPENAI_BASE_URL, OPENAI_ORG_ID and OPENAI_PROJECT_ID', async () => {
    vi.stubEnv('OPENAI_API_KEY', KEY);
    vi.stubEnv('OPENAI_BASE_URL', 'https://compat.example/api/v1/');
    vi.stubEnv('OPENAI_ORG_ID', 'org-123');
    vi.stubEnv('OPENAI_PROJECT_ID', 'proj_456');
    const requests: Request[] = [];
    const client = new OpenAI({
      fetch: async (input, init) => {
        requests.push(new Request(input, init));
        return Response.json(model);
      },
    });
    expect(client.baseURL).toBe('https://compat.example/api/v1');
    await client.models.retrieve('gpt-4o-mini');
    const sent = requests[0];
    expect(sent?.url).toBe('https://compat.example/api/v1/models/gpt-4o-mini');
    expect(sent?.headers.get('authorization')).toBe(`Bearer ${KEY}`);
    expect(sent?.headers.get('openai-organization')).toBe('org-123');
    expect(sent?.headers.get('openai-project')).toBe('proj_456');
  });

  it('defaults to https://api.openai.com/v1, 10 minutes and 2 retries', () => {
    vi.stubEnv('OPENAI_BASE_URL', '');
    const client = new OpenAI({ apiKey: KEY });
    expect([client.baseURL, client.timeout, client.maxRetries]).toEqual(['https://api.openai.com/v1', 600_000, 2]);
  });

  it('reads a null limit as unset, as the official SDK does', () => {
    const nulls = { timeout: null, maxRetries: null, maxResponseSize: null } as unknown as ClientOptions;
    const client = new OpenAI({ apiKey: KEY, ...nulls });
    expect([client.timeout, client.maxRetries, client.maxResponseSize]).toEqual([600_000, 2, 33_554_432]);
  });

  it('takes no signal of its own: a signal is per call', async () => {
    const wire = recording();
    const options = { apiKey: KEY, fetch: wire.fetch, signal: AbortSignal.abort() } as ClientOptions;
    expect((await new OpenAI(options).models.retrieve('m')).id).toBe('gpt-4o-mini');
    expect(wire.urls).toHaveLength(1);
  });

  it('refuses a missing key with a clear error', () => {
    vi.stubEnv('OPENAI_API_KEY', '');
    expect(() => new OpenAI()).toThrow(OpenAIError);
    expect(() => new OpenAI()).toThrow(/OPENAI_API_KEY environment variable is missing or empty/);
    // A key that is no string (plain JavaScript, a config gone wrong) or only white space is none.
    for (const apiKey of [42, ' \n'] as unknown as string[])
      expect(() => new OpenAI({ apiKey })).toThrow(/OPENAI_API_KEY environment variable is missing or empty/);
  });

  it.each([
    [{ baseURL: 'api.openai.com/v1' }, /baseURL must be an http/],
    [{ baseURL: 'ftp://x' }, /baseURL must be an http/],
    [{ timeout: 0 }, /timeout must be a positive number/],
    [{ timeout: Number.NaN }, /timeout must be a positive number/],
    [{ maxRetries: -1 }, /maxRetries must be a whole number/],
    [{ maxRetries: 1.5 }, /maxRetries must be a whole number/],
  ])('refuses %j', (options, message) => {
    expect(() => new OpenAI({ apiKey: KEY, ...options })).toThrow(message);
  });

  it('refuses a key or header that no request could carry, without quoting it', () => {
    for (const options of [
      { apiKey: `${KEY}\nX-Injected: 1` },
      { defaultHeaders: { 'x-team': `${KEY}\0` } },
      { defaultHeaders: { [`x-${KEY}:`]: 'a' } },
    ]) {
      let message = '';
      try {
        new OpenAI({ apiKey: KEY, ...options });
      } catch (error) {
        expect(error).toBeInstanceOf(OpenAIError);
        message = (error as Error).message;
      }
      expect(message).toBe('apiKey, organization, project and defaultHeaders must make valid HTTP headers');
    }
  });
});

describe('the environment', () => {
  it('trims OPENAI_BASE_URL and ignores a blank one', async () => {
    const wire = recording();
    vi.stubEnv('OPENAI_BASE_URL', '  http://127.0.0.1:9/custom/v1 \n');
    await new OpenAI({ apiKey: KEY, fetch: wire.fetch }).models.retrieve('m');
    vi.stubEnv('OPENAI_BASE_URL', '   ');
    await new OpenAI({ apiKey: KEY, fetch: wire.fetch }).models.retrieve('m');
    expect(wire.urls).toEqual(['http://127.0.0.1:9/custom/v1/models/m', 'https://api.openai.com/v1/models/m']);
  });

  it('starts where there is no `process` (a worker) or no `process.env` (a bundler shim)', () => {
    for (const stand of [undefined, { versions: {} }]) {
      vi.stubGlobal('process', stand);
      let client: OpenAI | undefined;
      try {
        client = new OpenAI({ apiKey: KEY });
      } finally {
        vi.unstubAllGlobals();
      }
      expect(client.baseURL).toBe('https://api.openai.com/v1');
    }
  });
});

describe('baseURL', () => {
  it('drops every trailing slash', async () => {
    const wire = recording();
    await new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1///', fetch: wire.fetch }).models.retrieve('m');
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/models/m']);
  });

  it.each(['git+https://example.com/v1', 'ws://example.com', 'example.com/v1', 'http:///v1'])(
    'refuses %s',
    (baseURL) => {
      expect(() => new OpenAI({ apiKey: KEY, baseURL })).toThrow(
        new OpenAIError(`baseURL must be an http:// or https:// URL, got ${JSON.stringify(baseURL)}`),
      );
    },
  );

  // fetch would refuse each request with a TypeError quoting the URL, password and all.
  it.each([
    ['http://user:hunter2-password@127.0.0.1:9/v1', 'http://***@127.0.0.1:9/v1'],
    [`https://${KEY}@api.example.com/v1`, 'https://***@api.example.com/v1'],
    ['http://:hunter2-password@127.0.0.1:9', 'http://***@127.0.0.1:9'],
  ])('refuses credentials in %s, without quoting them', (baseURL, shown) => {
    const wire = recording();
    expect(() => new OpenAI({ apiKey: KEY, baseURL, fetch: wire.fetch })).toThrow(
      new OpenAIError(`baseURL must not hold credentials (user:password@), got "${shown}"`),
    );
    expect(wire.urls).toEqual([]);
  });

  it.each([
    ['ftp://user:hunter2-password@example.com/v1', 'ftp://***@example.com/v1'],
    // Forms a URL parser reads as credentials although they are no `//user@`: masked all the same.
    ['http:\\\\user:hunter2-password@example.com', 'http:\\\\***@example.com'],
    // No scheme, or none the parser knows: masked up to the last `@` all the same.
    ['//token-hunter2@example.com', '***@example.com'],
    ['https//hunter2-token@example.com', '***@example.com'],
    ['http:/\tuser:hunter2-password@example.com', 'http:/***@example.com'],
    ['https://user:hun/ter2-password@example.com', 'https://***@example.com'],
  ])('masks what may be credentials when it quotes a URL it refuses: %s', (baseURL, shown) => {
    let message = '';
    try {
      new OpenAI({ apiKey: KEY, baseURL });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^baseURL must (be an http|not hold credentials)/);
    expect(message).toContain(JSON.stringify(shown));
    expect(message).not.toContain('hunter2');
  });

  it('accepts what fetch accepts: an empty user and password', async () => {
    const wire = recording();
    await new OpenAI({ apiKey: KEY, baseURL: 'http://@127.0.0.1:9/v1', fetch: wire.fetch }).models.retrieve('m');
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/models/m']);
  });

  it('keeps an @ in the path, even after a double slash: only the authority can hold credentials', async () => {
    const wire = recording();
    await new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1/@team', fetch: wire.fetch }).models.retrieve('m');
    await new OpenAI({ apiKey: KEY, baseURL: 'http://127.0.0.1:9/v1//team@org', fetch: wire.fetch }).models.retrieve(
      'm',
    );
    expect(wire.urls).toEqual(['http://127.0.0.1:9/v1/@team/models/m', 'http://127.0.0.1:9/v1//team@org/models/m']);
  });
});
