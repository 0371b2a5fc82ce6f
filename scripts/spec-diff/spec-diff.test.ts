/**
 * spec:diff judges pairs of specs: each kind of breaking edit of issue 12
 * fails with its changelog line, each compatible edit passes, and a major
 * bump of info.version lets a break pass, saying so. Pairs run concurrently:
 * each is one oasdiff run (about 0.3 s).
 */
import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { baseSpec, compare, edited } from './pairs.js';

const MODEL = ['components', 'schemas', 'Model'];
const PROPS = [...MODEL, 'properties'];
const MODEL_ID = ['components', 'parameters', 'ModelId'];
const LIST_GET = ['paths', '/models', 'get'];
const withLimit = (required: boolean) => (doc: Document) =>
  doc.setIn(
    [...LIST_GET, 'parameters'],
    doc.createNode([{ name: 'limit', in: 'query', required, schema: { type: 'integer' } }]),
  );
const version = (v: string) => (doc: Document) => doc.setIn(['info', 'version'], v);
const both =
  (...edits: ((doc: Document) => void)[]) =>
  (doc: Document) =>
    edits.forEach((edit) => edit(doc));

const FAIL_NO_BUMP =
  /^FAIL: \d+ breaking change\(s\), and info\.version did not raise its major \(2\.3\.0 → 2\.3\.0\)\. .*info\.version 3\.0\.0/m;

describe.concurrent('spec:diff fails on each kind of breaking edit', () => {
  const cases: { kind: string; base?: string; revision: string; lines: string[] }[] = [
    {
      kind: 'a response property made optional (owned_by)',
      revision: edited((d) => d.setIn([...MODEL, 'required'], d.createNode(['id', 'object', 'created']))),
      lines: [
        'error   GET /models: the response property `data/items/owned_by` became optional for the status `200` [response-property-became-optional]',
        'error   GET /models/{model}: the response property `owned_by` became optional for the status `200` [response-property-became-optional]',
      ],
    },
    {
      kind: 'an operation dropped',
      revision: edited((d) => d.deleteIn(['paths', '/models/{model}', 'delete'])),
      lines: ['error   DELETE /models/{model}: api removed without deprecation [api-removed-without-deprecation]'],
    },
    {
      kind: 'a deprecated operation dropped (oasdiff: INFO, raised here)',
      base: edited((d) => d.setIn(['paths', '/models/{model}', 'delete', 'deprecated'], true)),
      revision: edited((d) => d.deleteIn(['paths', '/models/{model}', 'delete'])),
      lines: ['error   DELETE /models/{model}: api removed with deprecation [api-removed-with-deprecation]'],
    },
    {
      kind: "a path parameter's type changed",
      revision: edited((d) => d.setIn([...MODEL_ID, 'schema'], d.createNode({ type: 'integer' }))),
      lines: [
        'error   GET /models/{model}: for the `path` request parameter `model`, the type/format was changed from `string`/`` to `integer`/`` [request-parameter-type-changed]',
      ],
    },
    {
      kind: 'a path-level parameter changed (minLength raised)',
      revision: edited((d) => d.setIn([...MODEL_ID, 'schema', 'minLength'], 3)),
      lines: [
        'error   DELETE /models/{model}: for the `path` request parameter `model`, the minLength was increased from `1` to `3` [request-parameter-min-length-increased]',
        'error   GET /models/{model}: for the `path` request parameter `model`, the minLength was increased from `1` to `3` [request-parameter-min-length-increased]',
      ],
    },
    {
      kind: "a path parameter renamed (same URL, but every typed caller's path key changes)",
      revision: edited((d) => {
        d.setIn(['paths', '/models/{id}'], d.getIn(['paths', '/models/{model}']));
        d.deleteIn(['paths', '/models/{model}']);
        d.setIn([...MODEL_ID, 'name'], 'id');
      }),
      lines: [
        'error   GET /models/{model}: api path removed without deprecation [api-path-removed-without-deprecation]',
      ],
    },
    {
      kind: "a response field made nullable (3.1 type: [string, 'null'])",
      revision: edited((d) => d.setIn([...PROPS, 'owned_by', 'type'], d.createNode(['string', 'null']))),
      lines: [
        'error   GET /models/{model}: the response property `owned_by` became nullable for the status `200` [response-property-became-nullable]',
      ],
    },
    {
      kind: 'a response field made nullable (anyOf with null)',
      revision: edited((d) =>
        d.setIn([...PROPS, 'created'], d.createNode({ anyOf: [{ type: 'integer' }, { type: 'null' }] })),
      ),
      lines: [
        'error   GET /models/{model}: response property `created` list-of-types was widened by adding types `null` to media type `application/json` of response `200` [response-property-list-of-types-widened]',
      ],
    },
    {
      kind: 'a required response property removed',
      revision: edited((d) => {
        d.deleteIn([...PROPS, 'created']);
        d.setIn([...MODEL, 'required'], d.createNode(['id', 'object', 'owned_by']));
      }),
      lines: [
        'error   GET /models/{model}: removed the required property `created` from the response with the `200` status [response-required-property-removed]',
      ],
    },
    {
      kind: 'an optional response property removed',
      revision: edited((d) => d.deleteIn([...PROPS, 'shutdown_date'])),
      lines: [
        'warning GET /models/{model}: removed the optional property `shutdown_date` from the response with the `200` status [response-optional-property-removed]',
      ],
    },
    {
      kind: "a response property's type changed",
      revision: edited((d) => d.setIn([...PROPS, 'created', 'type'], 'string')),
      lines: [
        "error   GET /models/{model}: the `created` response's property type/format changed from `integer`/`` to `string`/`` for status `200` [response-property-type-changed]",
      ],
    },
    {
      kind: 'a request parameter made required',
      base: edited(withLimit(false)),
      revision: edited(withLimit(true)),
      lines: [
        'error   GET /models: the `query` request parameter `limit` became required [request-parameter-became-required]',
      ],
    },
    {
      kind: 'a request parameter removed',
      base: edited(withLimit(false)),
      revision: baseSpec,
      lines: ['warning GET /models: deleted the `query` request parameter `limit` [request-parameter-removed]'],
    },
    {
      kind: "a query parameter's type changed integer → string (oasdiff: INFO, raised here)",
      base: edited(withLimit(false)),
      revision: edited((d) =>
        d.setIn(
          [...LIST_GET, 'parameters'],
          d.createNode([{ name: 'limit', in: 'query', schema: { type: 'string' } }]),
        ),
      ),
      lines: [
        'error   GET /models: for the `query` request parameter `limit`, the type/format was generalized from `integer`/`` to `string`/`` [request-parameter-type-generalized]',
      ],
    },
    {
      kind: 'an operationId renamed (the exported `operations` type changes; oasdiff: INFO, raised here)',
      revision: edited((d) => d.setIn([...LIST_GET, 'operationId'], 'listAllModels')),
      lines: [
        'error   GET /models: api operation id `listModels` removed and replaced with `listAllModels` [api-operation-id-removed]',
      ],
    },
    {
      kind: 'a component schema renamed (the exported `components` type changes; oasdiff: INFO, raised here)',
      revision: edited((d) => {
        d.setIn(['components', 'schemas', 'ModelDeleted'], d.getIn(['components', 'schemas', 'DeleteModelResponse']));
        d.deleteIn(['components', 'schemas', 'DeleteModelResponse']);
        d.setIn(
          ['paths', '/models/{model}', 'delete', 'responses', '200', 'content', 'application/json', 'schema', '$ref'],
          '#/components/schemas/ModelDeleted',
        );
      }),
      lines: ['error   components: removed the schema `DeleteModelResponse` [api-schema-removed]'],
    },
  ];

  for (const { kind, base = baseSpec, revision, lines } of cases) {
    it(kind, async () => {
      expect(revision).not.toBe(base);
      const { code, stdout, stderr } = await compare(base, revision);
      expect({ code, stderr }).toEqual({ code: 1, stderr: '' });
      expect(stdout).toMatch(/^Breaking changes \(\d+\):$/m);
      for (const line of lines) expect(stdout.split('\n')).toContain(`  ${line}`);
      expect(stdout).toMatch(FAIL_NO_BUMP);
    });
  }
});

describe.concurrent('spec:diff passes compatible edits', () => {
  it('a new optional response property', async () => {
    const revision = edited((d) =>
      d.setIn([...PROPS, 'context_window'], d.createNode({ type: 'integer', description: 'Tokens of context.' })),
    );
    const { code, stdout } = await compare(baseSpec, revision);
    expect(code).toBe(0);
    expect(stdout).not.toContain('Breaking changes');
    expect(stdout).toContain('Compatible changes (2):\n');
    expect(stdout).toContain(
      '  info    GET /models/{model}: added the optional property `context_window` to the response with the `200` status [response-optional-property-added]\n',
    );
    expect(stdout).toMatch(/^OK: 2 compatible change\(s\), no breaking change\.$/m);
  });

  it('a new operation', async () => {
    const revision = edited((d) =>
      d.setIn(
        ['paths', '/models/{model}', 'post'],
        d.createNode({ operationId: 'updateModel', responses: { '200': { description: 'Updated.' } } }),
      ),
    );
    const { code, stdout } = await compare(baseSpec, revision);
    expect(code).toBe(0);
    expect(stdout).toContain('  info    POST /models/{model}: endpoint added [endpoint-added]\n');
  });

  it('a changed description', async () => {
    const revision = edited((d) => d.setIn([...PROPS, 'owned_by', 'description'], 'Who owns the model.'));
    const { code, stdout } = await compare(baseSpec, revision);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: no change callers can see, no breaking change\.$/m);
  });

  it('a response field made non-nullable, and an optional request parameter made required no more', async () => {
    const revision = edited(both(withLimit(false), (d) => d.setIn([...PROPS, 'shutdown_date', 'type'], 'string')));
    const { code, stdout } = await compare(edited(withLimit(true)), revision);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '  info    GET /models: the `query` request parameter `limit` became optional [request-parameter-became-optional]\n',
    );
  });
});

describe.concurrent('the versioning rule', () => {
  const ownedOptional = (d: Document) => d.setIn([...MODEL, 'required'], d.createNode(['id', 'object', 'created']));

  it('a major bump of info.version lets a break pass and says so, breaking changes listed first', async () => {
    const revision = edited(
      both(ownedOptional, version('3.0.0'), (d) =>
        d.setIn([...PROPS, 'context_window'], d.createNode({ type: 'integer' })),
      ),
    );
    const { code, stdout } = await compare(baseSpec, revision);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /^OK: 2 breaking change\(s\) allowed, because info\.version raised its major \(2\.3\.0 → 3\.0\.0\)\.$/m,
    );
    expect(stdout.indexOf('Breaking changes (2):')).toBeGreaterThan(0);
    expect(stdout.indexOf('Breaking changes (2):')).toBeLessThan(stdout.indexOf('Compatible changes (2):'));
  });

  it('a minor bump does not', async () => {
    const { code, stdout } = await compare(baseSpec, edited(both(ownedOptional, version('2.4.0'))));
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^FAIL: 2 breaking change\(s\), and info\.version did not raise its major \(2\.3\.0 → 2\.4\.0\)/m,
    );
  });
});

describe.concurrent('output formats and bad input', () => {
  const broken = edited((d) => d.deleteIn(['paths', '/models/{model}', 'delete']));

  it('--format githubactions annotates spec/openapi.yaml', async () => {
    const { code, stdout } = await compare(baseSpec, broken, ['--format', 'githubactions']);
    expect(code).toBe(1);
    expect(stdout).toContain(
      '::error file=spec/openapi.yaml,title=spec%3Adiff api-removed-without-deprecation::DELETE /models/{model}: api removed without deprecation [api-removed-without-deprecation]\n',
    );
    expect(stdout).toMatch(/^::error file=spec\/openapi\.yaml,title=spec%3Adiff::FAIL: 1 breaking change\(s\)/m);
  });

  it('--format githubactions puts a line on what was added', async () => {
    const revision = edited((d) =>
      d.setIn(
        ['paths', '/models/{model}', 'post'],
        d.createNode({ operationId: 'updateModel', responses: { '200': { description: 'Updated.' } } }),
      ),
    );
    const { stdout } = await compare(baseSpec, revision, ['--format', 'githubactions']);
    expect(stdout).toMatch(
      /^::notice file=spec\/openapi\.yaml,line=\d+,title=spec%3Adiff endpoint-added::POST \/models\/\{model\}: endpoint added/m,
    );
  });

  it('--format markdown prints a Keep a Changelog fragment', async () => {
    const revision = edited(
      both(
        (d) => d.deleteIn(['paths', '/models/{model}', 'delete']),
        version('3.0.0'),
        (d) => d.setIn([...PROPS, 'context_window'], d.createNode({ type: 'integer' })),
      ),
    );
    const { code, stdout } = await compare(baseSpec, revision, ['--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '### Added\n\n- Spec 3.0.0, `GET /models`: added the optional property `data/items/context_window` to the response with the `200` status.\n',
    );
    expect(stdout).toContain(
      '### Removed\n\n- **Breaking:** Spec 3.0.0, `DELETE /models/{model}`: api removed without deprecation.\n',
    );
  });

  it('a spec that is not YAML is exit code 2 with oasdiff’s reason', async () => {
    const { code, stderr } = await compare(baseSpec, 'openapi: 3.1.0\npaths: [\n');
    expect(code).toBe(2);
    expect(stderr).toMatch(
      /^spec:diff: oasdiff could not compare the specs \(exit \d+\): .*failed to load revision spec/,
    );
  });

  it('the same spec: says so', async () => {
    const { code, stdout } = await compare(baseSpec, baseSpec);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: spec\/openapi\.yaml is the same as the base\.$/m);
  });

  it('an unknown --format is exit code 2', async () => {
    const { code, stderr } = await compare(baseSpec, baseSpec, ['--format', 'html']);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: 'spec:diff: --format must be one of text, githubactions, markdown\n',
    });
  });
});
