// Source: public apps importing the error classes from the subpath, e.g. a NestJS LLM client's
// `import { APIConnectionError, APIError, AuthenticationError, RateLimitError } from 'openai/error'`,
// then telling the failures apart with instanceof.
import OpenAI from 'openai';
import { APIConnectionError, APIError, AuthenticationError, NotFoundError, RateLimitError } from 'openai/error';

function describe(error: unknown): string {
  if (error instanceof AuthenticationError) return `bad key (${error.status})`;
  if (error instanceof RateLimitError) return 'rate limited';
  if (error instanceof NotFoundError) return `not found: ${error.code ?? 'no code'}`;
  if (error instanceof APIConnectionError) return 'no connection';
  if (error instanceof APIError) return `api error ${error.status}`;
  return 'unknown';
}

const client = new OpenAI({ maxRetries: 0 });
for (const code of [401, 404]) {
  try {
    await client.models.retrieve('gpt-4o-mini', { headers: { Prefer: `code=${code}` } });
  } catch (error) {
    console.log(describe(error), error instanceof OpenAI.APIError);
  }
}
const offline = new OpenAI({ baseURL: 'http://127.0.0.1:9/v1', maxRetries: 0 });
await offline.models.list().catch((error: unknown) => console.log(describe(error)));
