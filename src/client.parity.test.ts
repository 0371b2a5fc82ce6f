/**
 * The same code, run against the official `openai` SDK (6.x and 7.x) and
 * against `openai-models` over the same scripted fetch, gives the same
 * results: values, error classes, messages, fields and how often each retried.
 */
import OfficialV6 from 'openai';
import OfficialV7 from 'openai-v7';
import { VERSION as V6 } from 'openai/version';
import { VERSION as V7 } from 'openai-v7/version';
import { describe, expect, it } from 'vitest';
import Ours from './index.js';

type Step = { status: number; body?: unknown; text?: string; headers?: Record<string, string> };

/** A fetch answering `steps` in turn (then repeating the last), counting calls. */
function scripted(steps: Step[]) {
  let calls = 0;
  const urls: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    urls.push(`${request.method} ${new URL(request.url).pathname}`);
    const step = steps[Math.min(calls++, steps.length - 1)] ?? { status: 500 };
    const body = step.text ?? (step.body === undefined ? null : JSON.stringify(step.body));
    return new Response(body, {
      status: step.status,
      headers: { 'content-type': 'application/json', 'x-request-id': `req_${calls}`, ...step.headers },
    });
  };
  return { fetch, calls: () => calls, urls };
}

interface ModelsClient {
  models: {
    retrieve(id: string): PromiseLike<object>;
    delete(id: string): PromiseLike<object>;
    list(): PromiseLike<{ data: object[] }> & AsyncIterable<{ id: string }>;
  };
}

type Make = (fetch: ReturnType<typeof scripted>['fetch']) => ModelsClient;
const options = { apiKey: 'sk-parity-0123456789', baseURL: 'https://api.example/v1' } as const;
const ours: Make = (fetch) => new Ours({ ...options, fetch });

/**
 * 7.x declares `engines: node >= 22`, yet (7.57.0, checked with this file)
 * it imports and passes every case below on Node 20 too, so both majors run
 * on every Node the suite runs on; CI's Node 22/24/26 runs are the ones
 * inside 7.x's own support range.
 */
const officials: [string, Make][] = [
  [`openai ${V6}`, (fetch) => new OfficialV6({ ...options, fetch })],
  [`openai ${V7}`, (fetch) => new OfficialV7({ ...options, fetch })],
];

it('compares against both official majors, 6.x and 7.x', () => {
  expect([V6, V7].map((version) => version.split('.')[0])).toEqual(['6', '7']);
});

/** What a scenario observed, in a form both SDKs can be compared on. */
async function observe(official: Make, steps: Step[], scenario: (client: ModelsClient) => PromiseLike<unknown>) {
  const results: Record<string, unknown> = {};
  for (const [name, make] of [
    ['official', official],
    ['ours', ours],
  ] as const) {
    const script = scripted(steps);
    // The official SDK throws some refusals synchronously; treat both alike.
    const outcome = await Promise.resolve()
      .then(() => scenario(make(script.fetch)))
      .then(
        (value) => ({ value: JSON.parse(JSON.stringify(value)) as unknown }),
        (error: Error & Record<string, unknown>) => ({
          error: error.constructor.name,
          message: error.message,
          status: error['status'],
          code: error['code'],
          type: error['type'],
          param: error['param'],
          requestID: error['requestID'],
          body: error['error'],
        }),
      );
    results[name] = { ...outcome, calls: script.calls(), urls: script.urls };
  }
  return results;
}

const model = { id: 'ft:gpt-4o-mini:acemeco:suffix:abc123', object: 'model', created: 1, owned_by: 'org-1' };
const apiError = (message: string, code: string | null) => ({
  error: { message, type: 'invalid_request_error', param: null, code },
});

describe.each(officials)('parity with the official SDK, %s', (_, sdk) => {
  const scenarios: [string, Step[], (c: ModelsClient) => PromiseLike<unknown>][] = [
    ['retrieve', [{ status: 200, body: model }], (c) => c.models.retrieve(model.id)],
    [
      'delete',
      [{ status: 200, body: { id: model.id, object: 'model', deleted: true } }],
      (c) => c.models.delete(model.id),
    ],
    ['list', [{ status: 200, body: { object: 'list', data: [model] } }], (c) => c.models.list().then((p) => p.data)],
    [
      'for await over list',
      [{ status: 200, body: { object: 'list', data: [model, { ...model, id: 'b' }] } }],
      async (c) => {
        const ids: string[] = [];
        for await (const m of c.models.list()) ids.push(m.id);
        return ids;
      },
    ],
    [
      'ids with / are encoded alike',
      [{ status: 200, body: model }],
      (c) => c.models.retrieve('meta-llama/Llama-3.1-8B'),
    ],
    [
      '404',
      [
        {
          status: 404,
          body: apiError('The model `x` does not exist or you do not have access to it.', 'model_not_found'),
        },
      ],
      (c) => c.models.retrieve('x'),
    ],
    [
      '401',
      [{ status: 401, body: apiError('Incorrect API key provided: sk-abc***xyz.', 'invalid_api_key') }],
      (c) => c.models.list(),
    ],
    [
      '403',
      [{ status: 403, body: apiError('You have insufficient permissions for this operation.', null) }],
      (c) => c.models.delete('gpt-4o'),
    ],
    [
      '400 has no retry',
      [
        { status: 400, body: apiError('bad', null) },
        { status: 200, body: model },
      ],
      (c) => c.models.retrieve('x'),
    ],
    [
      '429 then 200',
      [
        { status: 429, headers: { 'retry-after-ms': '5' }, body: apiError('slow down', 'rate_limit_exceeded') },
        { status: 200, body: model },
      ],
      (c) => c.models.retrieve('x'),
    ],
    [
      '429 three times',
      [{ status: 429, headers: { 'retry-after-ms': '5' }, body: apiError('slow down', 'rate_limit_exceeded') }],
      (c) => c.models.retrieve('x'),
    ],
    [
      '409 is retried',
      [
        { status: 409, headers: { 'retry-after-ms': '5' } },
        { status: 200, body: model },
      ],
      (c) => c.models.retrieve('x'),
    ],
    [
      'x-should-retry: false',
      [{ status: 503, headers: { 'x-should-retry': 'false' }, body: apiError('down', null) }],
      (c) => c.models.list(),
    ],
    [
      'x-should-retry: true on a 400',
      [
        { status: 400, headers: { 'x-should-retry': 'true', 'retry-after-ms': '5' } },
        { status: 200, body: model },
      ],
      (c) => c.models.retrieve('x'),
    ],
    ['empty 500 body', [{ status: 500, headers: { 'x-should-retry': 'false' } }], (c) => c.models.list()],
  ];
  for (const [name, steps, scenario] of scenarios) {
    it(name, async () => {
      const { official, ours } = await observe(sdk, steps, scenario);
      expect(ours).toEqual(official);
    });
  }

  it('both refuse ".." without a request (messages differ in wording)', async () => {
    const { official, ours } = await observe(sdk, [{ status: 200, body: model }], (c) => c.models.retrieve('..'));
    expect(ours).toMatchObject({ error: 'OpenAIError', calls: 0 });
    expect(official).toMatchObject({ error: 'OpenAIError', calls: 0 });
  });
});
