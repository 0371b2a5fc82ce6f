/**
 * What a debug log shows of a request's headers: everything a person needs
 * to debug, and never a credential.
 */
import { describe, expect, it } from 'vitest';
import OpenAI, { type ClientOptions, type Logger } from './index.js';

const KEY = 'sk-logging-0123456789abcdef';

function logged(options: ClientOptions): { client: OpenAI; requests: () => Record<string, string>[]; text: () => string } {
  const calls: unknown[][] = [];
  const logger: Logger = {
    error: (...a) => calls.push(a),
    warn: (...a) => calls.push(a),
    info: (...a) => calls.push(a),
    debug: (...a) => calls.push(a),
  };
  const client = new OpenAI({
    apiKey: KEY,
    baseURL: 'http://127.0.0.1:9/v1',
    logLevel: 'debug',
    logger,
    fetch: async () => new Response('{"id":"gpt-4o-mini","object":"model","created":0,"owned_by":"system"}', { status: 200 }),
    ...options,
  });
  const requests = () =>
    calls
      .filter(([message]) => typeof message === 'string' && message.startsWith('request '))
      .map(([, extra]) => (extra as { headers: Record<string, string> }).headers);
  return { client, requests, text: () => JSON.stringify(calls) };
}

describe('debug logs of request headers', () => {
  it.each([
    ['the client key', {}, 'Bearer [REDACTED]'],
    ['a Basic credential', { defaultHeaders: { Authorization: 'Basic dXNlcjpwYXNz' } }, 'Basic [REDACTED]'],
    ['a scheme and spaces', { defaultHeaders: { Authorization: 'Token   abc def' } }, 'Token   [REDACTED]'],
    ['a bare token without a scheme', { defaultHeaders: { Authorization: 'opaque-token-value' } }, '[REDACTED]'],
    // Headers trims only HTTP white space: a vertical tab first means no scheme comes first.
    ['no scheme at the start', { defaultHeaders: { Authorization: '\vBearer sk-behind-a-tab' } }, '[REDACTED]'],
  ] as const)('show Authorization with %s as its scheme only', async (_, options, shown) => {
    const { client, requests, text } = logged(options);
    await client.models.retrieve('gpt-4o-mini');
    await client.api.GET('/models/{model}', { params: { path: { model: 'gpt-4o-mini' } } });
    expect(requests().map((headers) => headers['authorization'])).toEqual([shown, shown]);
    expect(text()).not.toMatch(/dXNlcjpwYXNz|abc def|opaque-token-value/);
    expect(text()).not.toContain(KEY);
  });

  it('blank any other header whose value holds the key, and keep the rest as sent', async () => {
    const { client, requests, text } = logged({
      defaultHeaders: { 'X-Api-Key': KEY, 'X-Forwarded-Auth': `key=${KEY};v=1`, 'X-Team': 'search' },
      organization: 'org-123',
    });
    await client.models.retrieve('gpt-4o-mini');
    const [headers] = requests();
    expect(headers).toMatchObject({
      'x-api-key': '[REDACTED]',
      'x-forwarded-auth': '[REDACTED]',
      'x-team': 'search',
      'openai-organization': 'org-123',
    });
    expect(text()).not.toContain(KEY);
  });

  it('log nothing below the level asked for', async () => {
    const { client, text } = logged({ logLevel: 'info' });
    await client.models.retrieve('gpt-4o-mini');
    expect(text()).toBe('[]');
  });
});
