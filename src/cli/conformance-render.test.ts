/**
 * conformance-render.ts: the exact bytes of each format for one report that
 * has every kind of row (pass, warn, fail, n/a, no answer, a fault counted in
 * many places, a missing value) and a server's string full of markdown.
 */
import { describe, expect, it } from 'vitest';
import type { Check, Report } from './conformance.js';
import { document, got, renderReport } from './conformance-render.js';

const check = (overrides: Partial<Check>): Check => ({
  operation: 'listModels',
  request: 'GET /models',
  promise: '200 ListModelsResponse',
  status: 200,
  faults: [],
  notes: [],
  verdict: 'pass',
  why: 'as the spec says',
  ...overrides,
});

const fault = (path: string, value: string | null, count: number) => ({
  path,
  keyword: 'required',
  message: `${path} is wrong`,
  value,
  count,
});

const REPORT: Report = {
  spec: { title: 'OpenAI API', version: '2.3.0' },
  baseURL: 'http://127.0.0.1:8080/v1',
  checks: [
    check({}),
    check({
      verdict: 'fail',
      faults: [fault('body.data[0].created', null, 3), fault('body.object', '"lists"', 1)],
      why: 'body.data[0].created is missing, and 1 more',
    }),
    check({
      operation: 'retrieveModel',
      request: 'GET /models/gpt-4o-mini',
      promise: '200 Model',
      status: null,
      verdict: 'fail',
      why: 'no answer within 300 ms',
    }),
    check({
      operation: '-',
      request: 'GET /no_such|route',
      promise: '404',
      faults: [fault('body.error', '"a*b*"', 1)],
      verdict: 'warn',
      why: 'got `x` | *y* _z_ [l](u) <b> ~s~ \\ and\na newline',
    }),
    check({
      operation: 'deleteModel',
      request: 'DELETE /models/{model}',
      promise: '200 DeleteModelResponse',
      status: null,
      verdict: 'n/a',
      why: 'read-only unless --delete-model',
    }),
  ],
};

const plain = { bold: (text: string) => text };

describe('got: the status and the first place at fault', () => {
  it('is the status alone when nothing is at fault, and - when no answer came', () => {
    expect(got(check({}))).toBe('200');
    expect(got(check({ status: null }))).toBe('-');
  });

  it('names the place and the value found there, with how many places when more than one', () => {
    expect(got(check({ faults: [fault('body.object', '"lists"', 1)] }))).toBe('200 body.object = "lists"');
    expect(got(check({ faults: [fault('body.data[0].id', '7', 2)] }))).toBe('200 body.data[0].id = 7 (2 places)');
    expect(got(check({ status: null, faults: [fault('body.id', null, 1), fault('x', '1', 5)] }))).toBe(
      '- body.id = (missing)',
    );
  });
});

describe('--format json', () => {
  it('is the report with its schema, version and counts, and no date unless asked', async () => {
    const text = await renderReport(REPORT, 'json', plain);
    expect(text.endsWith('}\n')).toBe(true);
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      '$schema',
      'version',
      'spec',
      'baseURL',
      'summary',
      'checks',
    ]);
    expect(JSON.parse(text)).toStrictEqual({
      $schema: 'https://github.com/openai-models/openai-models/blob/main/src/cli/conformance.schema.json',
      version: 1,
      spec: { title: 'OpenAI API', version: '2.3.0' },
      baseURL: 'http://127.0.0.1:8080/v1',
      summary: { pass: 1, warn: 1, fail: 2, 'n/a': 1 },
      checks: REPORT.checks,
    });
    expect(text).toBe(`${JSON.stringify(document(REPORT), null, 2)}\n`);
    expect(text.split('\n').slice(0, 7)).toEqual([
      '{',
      '  "$schema": "https://github.com/openai-models/openai-models/blob/main/src/cli/conformance.schema.json",',
      '  "version": 1,',
      '  "spec": {',
      '    "title": "OpenAI API",',
      '    "version": "2.3.0"',
      '  },',
    ]);
  });

  it('has the date after the base URL when asked', async () => {
    const text = await renderReport(REPORT, 'json', { ...plain, date: '2024-07-16' });
    expect(Object.keys(JSON.parse(text) as object)).toEqual([
      '$schema',
      'version',
      'spec',
      'baseURL',
      'date',
      'summary',
      'checks',
    ]);
    expect(text).toContain('\n  "baseURL": "http://127.0.0.1:8080/v1",\n  "date": "2024-07-16",\n  "summary": {\n');
  });
});

describe('--format table', () => {
  it('is a heading, the aligned rows under a bold header, and the counts', async () => {
    const bold = (text: string): string => `<${text}>`;
    expect(await renderReport(REPORT, 'table', { bold })).toBe(
      [
        'Conformance of http://127.0.0.1:8080/v1 to OpenAI API 2.3.0',
        '',
        '<VERDICT  OPERATION      REQUEST                  SPEC PROMISES            GOT                                              WHY>',
        'pass     listModels     GET /models              200 ListModelsResponse   200                                              as the spec says',
        'fail     listModels     GET /models              200 ListModelsResponse   200 body.data[0].created = (missing) (3 places)  body.data[0].created is missing, and 1 more',
        'fail     retrieveModel  GET /models/gpt-4o-mini  200 Model                -                                                no answer within 300 ms',
        'warn     -              GET /no_such|route       404                      200 body.error = "a*b*"                          got `x` | *y* _z_ [l](u) <b> ~s~ \\ and a newline',
        'n/a      deleteModel    DELETE /models/{model}   200 DeleteModelResponse  -                                                read-only unless --delete-model',
        '',
        '5 checks: 1 pass, 1 warn, 2 fail, 1 n/a',
        '',
      ].join('\n'),
    );
  });

  it('ends its heading with the date when asked', async () => {
    const text = await renderReport(REPORT, 'table', { ...plain, date: '2024-07-16' });
    expect(text.split('\n')[0]).toBe('Conformance of http://127.0.0.1:8080/v1 to OpenAI API 2.3.0 on 2024-07-16');
  });
});

describe('--format markdown', () => {
  it('is a bold heading, a pipe table with fail in bold, and the counts, every server string escaped', async () => {
    expect(await renderReport(REPORT, 'markdown', plain)).toBe(
      [
        '**Conformance of http://127.0.0.1:8080/v1 to OpenAI API 2.3.0**',
        '',
        'Verdict | Operation | Request | Spec promises | Got | Why',
        '--- | --- | --- | --- | --- | ---',
        'pass | listModels | GET /models | 200 ListModelsResponse | 200 | as the spec says',
        '**fail** | listModels | GET /models | 200 ListModelsResponse | 200 body.data\\[0\\].created = (missing) (3 places) | body.data\\[0\\].created is missing, and 1 more',
        '**fail** | retrieveModel | GET /models/gpt-4o-mini | 200 Model | - | no answer within 300 ms',
        'warn | - | GET /no\\_such\\|route | 404 | 200 body.error = "a\\*b\\*" | got \\`x\\` \\| \\*y\\* \\_z\\_ \\[l\\](u) \\<b\\> \\~s\\~ \\\\ and a newline',
        'n/a | deleteModel | DELETE /models/{model} | 200 DeleteModelResponse | - | read-only unless --delete-model',
        '',
        '5 checks: 1 pass, 1 warn, 2 fail, 1 n/a',
        '',
      ].join('\n'),
    );
  });

  it('escapes the heading, which ends with the date when asked', async () => {
    const report = { ...REPORT, spec: { title: 'My_API *beta*', version: '1|2' } };
    const text = await renderReport(report, 'markdown', { ...plain, date: '2024-07-16' });
    expect(text.split('\n')[0]).toBe(
      '**Conformance of http://127.0.0.1:8080/v1 to My\\_API \\*beta\\* 1\\|2 on 2024-07-16**',
    );
  });
});
