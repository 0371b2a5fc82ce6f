/**
 * Every error answer the spec declares, picked from Prism with `Prefer:
 * code=N`, becomes the error class the official SDK would throw, with the
 * spec's example as its body. (Prism only: a real server cannot be asked
 * for a 500.)
 */
import { describe, expect, inject, it } from 'vitest';
import {
  APIError,
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  RateLimitError,
} from '../src/index.js';
import { testClient } from './support/client.js';
import { spec, schemaErrors } from './support/spec.js';

const classes: Record<string, typeof APIError> = {
  '401': AuthenticationError,
  '403': PermissionDeniedError,
  '404': NotFoundError,
  '429': RateLimitError,
  '500': InternalServerError,
};

type Operation = {
  path: string;
  method: 'get' | 'delete';
  call: (headers: Record<string, string>) => Promise<unknown>;
};
const client = testClient({ maxRetries: 0 });
const operations: Operation[] = [
  { path: '/models', method: 'get', call: (headers) => client.models.list({ headers }) },
  { path: '/models/{model}', method: 'get', call: (headers) => client.models.retrieve('gpt-4o-mini', { headers }) },
  {
    path: '/models/{model}',
    method: 'delete',
    call: (headers) => client.models.delete('ft:gpt-4o-mini:acemeco:suffix:abc123', { headers }),
  },
];

describe.runIf(inject('isMock'))('declared error answers (Prism)', () => {
  for (const op of operations) {
    const declared = Object.keys(spec['paths'][op.path][op.method]['responses']).filter((s) => s !== '200');
    it(`${op.method.toUpperCase()} ${op.path} declares 401, 429 and 500 at least`, () => {
      expect(declared).toEqual(expect.arrayContaining(['401', '429', '500']));
    });
    for (const status of declared) {
      it(`${op.method.toUpperCase()} ${op.path} → ${status} is ${classes[status]?.name}`, async () => {
        const error = await op.call({ Prefer: `code=${status}` }).then(
          () => undefined,
          (e: unknown) => e,
        );
        const Class = classes[status];
        if (Class === undefined) throw new Error(`no class expected for ${status}`);
        expect(error).toBeInstanceOf(Class);
        if (!(error instanceof APIError)) return;
        expect(error.status).toBe(Number(status));
        expect(error.requestID).toMatch(/^req_/);
        expect(error.headers?.get('sl-violations')).toBeNull();
        expect(schemaErrors('ErrorResponse', { error: error.error })).toEqual([]);
        expect(error.message).toBe(`${status} ${(error.error as { message: string }).message}`);
        if (status === '429') expect(error.headers?.get('retry-after')).toBe('2');
      });
    }
  }
});
