/** The canned answers served by the stub and by the loopback server. */

export function modelBody(id: string): string {
  return JSON.stringify({ id, object: 'model', created: 1_721_172_741, owned_by: 'system' });
}

/** `GET /models` with `count` models (about 7 KB for 100). */
export function listBody(count = 100): string {
  const data = Array.from({ length: count }, (_, i) => ({
    id: `model-${String(i).padStart(3, '0')}`,
    object: 'model',
    created: 1_700_000_000 + i,
    owned_by: i % 3 === 0 ? 'system' : 'openai',
  }));
  return JSON.stringify({ object: 'list', data });
}

/** The model every retrieve asks for. */
export const MODEL_ID = 'gpt-4o-mini';

export const RESPONSE_HEADERS = { 'content-type': 'application/json', 'x-request-id': 'req_bench' } as const;
