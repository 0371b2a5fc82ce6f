// Source: openai-node README, "Retries" and "Timeouts": per-request `{ maxRetries: 5 }` and
// `{ timeout: 5 * 1000 }`, client-wide `new OpenAI({ maxRetries: 0, timeout: 20 * 1000 })`,
// and request options with extra `headers`; cancelling with an AbortController (`signal`).
import OpenAI from 'openai';

const client = new OpenAI({ maxRetries: 0, timeout: 20 * 1000, defaultHeaders: { 'X-Team': 'search' } });

const page = await client.models.list({ maxRetries: 5, timeout: 5 * 1000, headers: { 'X-Trace': 'abc' } });
console.log(page.data.length);

const controller = new AbortController();
controller.abort();
try {
  await client.models.retrieve('gpt-4o-mini', { signal: controller.signal });
} catch (err) {
  console.log(err instanceof OpenAI.APIUserAbortError, (err as Error).name);
}
