/**
 * The checks of `openai-models conformance`, derived from the spec: each
 * operation, each declared response and its schema (through the generated
 * all-errors validators), the declared media types and headers. On top come
 * the wire facts a client relies on that the spec cannot say: ids with `/`
 * and `:` sent as the official SDK sends them, an unknown id, no key and a
 * wrong key, and the status of an unknown route.
 *
 * Read-only: an operation that is not a GET runs only for the id given as
 * `deleteModel`.
 */
import { send, type Answer, type Auth, type HTTPOptions, type Outcome } from './conformance-http.js';
import { schemaOf, type JsonSchema, type Spec, type SpecOperation } from './conformance-spec.js';

export type Verdict = 'pass' | 'warn' | 'fail' | 'n/a';

/** One way an answer breaks its schema; the same break in many models is one fault with a count. */
export interface Fault {
  /** The first place it was seen: `body.data[3].created`. */
  path: string;
  keyword: string;
  message: string;
  /** The value found there as JSON, cut short; null when missing. */
  value: string | null;
  /** How many places break the same rule (`body.data[*].created`). */
  count: number;
}

export interface Check {
  /** The spec's operationId, or `-` for a route the spec does not have. */
  operation: string;
  /** What went out: `GET /models/gpt-4o (no key)`. */
  request: string;
  /** What the spec promises (or, for a warn-level check, what clients rely on). */
  promise: string;
  /** The status that came back; null when none did. */
  status: number | null;
  faults: Fault[];
  /** Observations that are no violation, e.g. fields the spec does not name. */
  notes: string[];
  verdict: Verdict;
  why: string;
}

export interface Report {
  spec: { title: string; version: string };
  baseURL: string;
  checks: Check[];
}

export interface ValidationError {
  path: string;
  keyword: string;
  message: string;
  value: unknown;
}
export type Validators = Record<string, Record<string, (body: unknown) => ValidationError[] | null>>;

export interface ConformanceOptions {
  spec: Spec;
  /** `generated/validators-all-errors.ts`'s `validators`, or a build from another spec. */
  validators: Validators;
  http: HTTPOptions;
  /** Whether a key (or `--header`) was given: without one, the auth checks do not apply. */
  hasKey: boolean;
  /** The one id a DELETE may name (`--delete-model`). */
  deleteModel?: string | undefined;
}

/** Thrown when the first request gets no answer: the report would only say that, row after row. */
export class Unreachable extends Error {}

/** A model id no server has; fixed so that reports compare. */
export const UNKNOWN_ID = 'openai-models-conformance-no-such-model';
/** A path under the base URL that no OpenAI-compatible server serves. */
export const UNKNOWN_ROUTE = '/openai-models-conformance/no-such-route';

/** Runs every check against `options.http.baseURL`, in the spec's order. */
export async function conformance(options: ConformanceOptions): Promise<Report> {
  const { spec } = options;
  const checks: Check[] = [];
  let first = true;
  const call = async (method: string, path: string, auth: Auth): Promise<Outcome> => {
    const outcome = await send(options.http, method, path, auth);
    if (first && 'kind' in outcome && (outcome.kind === 'connection' || outcome.kind === 'timeout'))
      throw new Unreachable(`cannot reach ${options.http.baseURL}: ${outcome.failure}`);
    first = false;
    return outcome;
  };
  // The answers to collection GETs (`/models`), whose `data[*].id` name the ids to retrieve.
  const collections = new Map<string, Answer>();
  for (const operation of spec.operations) {
    const answers: { status: number; answer: Answer }[] = [];
    // The status each path got with the key: a server that answers the same without one enforces no auth.
    const keyed = new Map<string, number>();
    const run = async (label: string, path: string, auth: Auth, expected: string, extra?: Extra): Promise<void> => {
      const outcome = await call(operation.method, path, auth);
      const request = `${operation.method} ${path}${label}`;
      if ('answer' in outcome) answers.push({ status: outcome.answer.status, answer: outcome.answer });
      if ('answer' in outcome && auth === 'key') keyed.set(path, outcome.answer.status);
      checks.push(judge(spec, options, operation, request, expected, outcome, { ...extra, keyed: keyed.get(path) }));
      if ('answer' in outcome && auth === 'key' && operation.pathParams.length === 0)
        collections.set(operation.path, outcome.answer);
    };
    const success = Object.keys(operation.responses).find((status) => /^2\d\d$/.test(status)) ?? '200';
    const param = operation.pathParams.at(-1);
    const collection = operation.path.replace(/\/\{[^}]+\}$/, '');
    // Without a path parameter, `collection`, `unknown` and `at(…)` are all the operation's own path.
    const ids = listedIds(collections.get(collection));
    const unknown = operation.path.replace(`{${param}}`, UNKNOWN_ID);
    const at = (id: string): string => operation.path.replace(`{${param}}`, encodeId(id));

    if (operation.method !== 'GET') {
      if (options.deleteModel === undefined || param === undefined) {
        checks.push(skipped(operation, `${success} ${schemaName(operation, success)}`, notSent(operation)));
        continue;
      }
      await run('', at(options.deleteModel), 'key', success, { id: options.deleteModel });
    } else if (param === undefined) {
      await run('', operation.path, 'key', success);
    } else {
      const plain = ids.find((id) => !/[/:]/.test(id)) ?? ids[0];
      for (const [what, id] of [
        ['a listed id', plain],
        ['a listed id with /', ids.find((id) => id.includes('/'))],
        ['a listed id with :', ids.find((id) => id.includes(':'))],
      ] as const) {
        if (id === undefined) {
          const why = ids.length === 0 ? `${collection} named no model to try` : `${collection} named none`;
          checks.push(skipped(operation, `${success} ${schemaName(operation, success)} for ${what}`, why));
        } else await run('', at(id), 'key', success, { id, what });
      }
      if ('404' in operation.responses) await run('', unknown, 'key', '404', { what: 'an unknown id' });
    }
    if (operation.method === 'GET' && '401' in operation.responses && operation.secured) {
      const path = ids[0] === undefined ? unknown : at(ids[0]);
      if (!options.hasKey) {
        for (const label of [' (no key)', ' (wrong key)'])
          checks.push(skipped(operation, `401 ${schemaName(operation, '401')}${label}`, 'no key was given'));
      } else {
        const before = checks.length;
        await run(' (no key)', path, 'none', '401', { auth: 'none' });
        const open = checks[before]?.verdict === 'n/a';
        await run(' (wrong key)', path, 'wrong', '401', { auth: 'wrong', open });
      }
    }
    checks.push(mediaTypeCheck(operation, answers), ...headerChecks(operation, answers));
  }
  checks.push(await unknownRoute(call));
  return { spec: { title: spec.title, version: spec.version }, baseURL: options.http.baseURL, checks };
}

/** What a probe adds to the plain "status and schema" check. */
interface Extra {
  /** The id asked for: a 2xx with an `id` must carry it. */
  id?: string;
  what?: string;
  auth?: 'none' | 'wrong';
  /** The no-key probe was answered as with the key: the server enforces no auth. */
  open?: boolean;
  /** The status the same path got with the key. */
  keyed?: number | undefined;
}

function judge(
  spec: Spec,
  options: ConformanceOptions,
  operation: SpecOperation,
  request: string,
  expected: string,
  outcome: Outcome,
  extra: Extra = {},
): Check {
  const promise = `${expected} ${schemaName(operation, expected)}${extra.what ? ` for ${extra.what}` : ''}${
    extra.auth === 'none' ? ' without a key' : extra.auth === 'wrong' ? ' for a wrong key' : ''
  }`;
  const row = { operation: operation.operationId, request, promise, faults: [] as Fault[], notes: [] as string[] };
  if (!('answer' in outcome)) return { ...row, status: outcome.status ?? null, verdict: 'fail', why: outcome.failure };
  const { answer } = outcome;
  const status = String(answer.status);
  const validate = options.validators[operation.operationId]?.[status];
  const errors = validate && answer.json ? (validate(answer.body) ?? []) : [];
  const faults = group(errors);
  const result = { ...row, status: answer.status, faults };
  if (extra.auth !== undefined && status !== '401') {
    if (extra.open || (extra.auth === 'none' && answer.status === extra.keyed))
      return { ...result, faults: [], verdict: 'n/a', why: `no auth enforced: ${status}, as with the key` };
    // Stryker disable next-line ConditionalExpression: fetch never gives a final status below 200
    if (answer.status >= 200 && answer.status < 300)
      return {
        ...result,
        faults: [],
        verdict: 'fail',
        why: `${extra.auth === 'none' ? 'no key' : 'a wrong key'} was accepted: ${status}`,
      };
  }
  if (status !== expected) {
    const declared = status in operation.responses ? '' : ` (a status the spec does not declare here)`;
    return {
      ...result,
      verdict: 'fail',
      why: `expected ${expected}, got ${status}${declared}: ${excerpt(answer.text)}`,
    };
  }
  if (validate && !answer.json)
    return { ...result, verdict: 'fail', why: `the body is not JSON: ${excerpt(answer.text)}` };
  if (extra.id !== undefined && faults.length === 0 && hasProperty(spec, operation, expected, 'id')) {
    const id = (answer.body as { id?: unknown }).id;
    if (id !== extra.id)
      faults.push({
        path: 'body.id',
        keyword: 'id',
        message: `body.id is not the id asked for (${extra.id})`,
        value: shortJSON(id),
        count: 1,
      });
  }
  const notes = extraFields(spec, operation, expected, answer.body);
  if (faults.length > 0) {
    const [head] = faults;
    const more = faults.length > 1 ? `, and ${faults.length - 1} more` : '';
    return { ...result, notes, verdict: 'fail', why: `${head?.message} (${head?.keyword})${more}` };
  }
  const extras = notes.length > 0 ? `; fields the spec does not name: ${notes.join(', ')}` : '';
  return { ...result, notes, verdict: 'pass', why: `as the spec says${extras}` };
}

/** Every declared JSON answer came as one of its declared media types. */
function mediaTypeCheck(operation: SpecOperation, answers: { status: number; answer: Answer }[]): Check {
  const types = [...new Set(Object.values(operation.responses).flatMap((r) => r.mediaTypes))];
  const promise = `content-type ${types.join(' or ')}`;
  const relevant = answers.filter(({ status }) => (operation.responses[String(status)]?.mediaTypes.length ?? 0) > 0);
  const row = { operation: operation.operationId, request: 'every answer above', promise, faults: [], notes: [] };
  if (relevant.length === 0) return { ...row, status: null, verdict: 'n/a', why: 'no answer with a declared status' };
  const wrong = relevant.filter(({ status, answer }) => {
    const type = answer.headers.get('content-type')?.replace(/;.*/, '').trim().toLowerCase();
    return !operation.responses[String(status)]?.mediaTypes.some((declared) => declared === type);
  });
  const got = wrong[0];
  if (got === undefined)
    return { ...row, status: null, verdict: 'pass', why: `${relevant.length} of ${relevant.length} as declared` };
  const type = got.answer.headers.get('content-type') ?? '(none)';
  return {
    ...row,
    status: got.status,
    verdict: 'fail',
    why: `${wrong.length} of ${relevant.length} not, e.g. ${type}`,
  };
}

/**
 * Each header the spec declares on this operation's answers: a missing
 * required one fails, a missing optional one (`x-request-id`) warns, as
 * clients quote it in bug reports.
 */
function headerChecks(operation: SpecOperation, answers: { status: number; answer: Answer }[]): Check[] {
  // Only headers of a status that came back: `retry-after` of a 429 is not provoked, so not reported.
  const got = answers.map(({ status }) => operation.responses[String(status)]?.headers ?? []);
  const names = [...new Set(got.flat().map((header) => header.name))];
  return names.map((name) => {
    const declaring = answers.filter(({ status }) =>
      operation.responses[String(status)]?.headers.some((header) => header.name === name),
    );
    const required = declaring.some(({ status }) =>
      operation.responses[String(status)]?.headers.some((header) => header.name === name && header.required),
    );
    const row = {
      operation: operation.operationId,
      request: 'every answer above',
      promise: `header ${name}${required ? '' : ' (optional, relied on)'}`,
      faults: [],
      notes: [],
      status: null,
    };
    const missing = declaring.filter(({ answer }) => !answer.headers.has(name)).length;
    if (missing === 0) return { ...row, verdict: 'pass', why: `on ${declaring.length} of ${declaring.length}` };
    return {
      ...row,
      verdict: required ? 'fail' : 'warn',
      why: `missing on ${missing} of ${declaring.length} answers`,
    };
  });
}

/** Not in the spec, but clients rely on it: a route a server lacks answers 404, never a success. */
async function unknownRoute(call: (method: string, path: string, auth: Auth) => Promise<Outcome>): Promise<Check> {
  const outcome = await call('GET', UNKNOWN_ROUTE, 'key');
  const row = {
    operation: '-',
    request: `GET ${UNKNOWN_ROUTE}`,
    promise: '404 for an unknown route (not in the spec)',
  };
  const base = { ...row, faults: [], notes: [] };
  if (!('answer' in outcome)) return { ...base, status: null, verdict: 'warn', why: outcome.failure };
  const { status, text } = outcome.answer;
  if (status === 404) return { ...base, status, verdict: 'pass', why: 'as clients expect' };
  return { ...base, status, verdict: 'warn', why: `expected 404, got ${status}: ${excerpt(text)}` };
}

function skipped(operation: SpecOperation, promise: string, why: string): Check {
  const request = `${operation.method} ${operation.path}`;
  return {
    operation: operation.operationId,
    request,
    promise,
    status: null,
    faults: [],
    notes: [],
    verdict: 'n/a',
    why,
  };
}

function notSent(operation: SpecOperation): string {
  return operation.pathParams.length > 0
    ? `not sent: read-only unless --delete-model <id> names a model to ${operation.method.toLowerCase()}`
    : `not sent: the check sends only GET requests`;
}

function schemaName(operation: SpecOperation, status: string): string {
  return operation.responses[status]?.schema ?? 'answer';
}

/** The ids a collection's answer names, from `data[*].id` (or a bare array, as Together sends). */
function listedIds(answer: Answer | undefined): string[] {
  const body = answer?.body as { data?: unknown } | undefined;
  // Stryker disable next-line ArrayDeclaration: items of any other array name no id (a string has no .id)
  const items = Array.isArray(body) ? body : Array.isArray(body?.data) ? body.data : [];
  return items
    .map((item: unknown) => (item as { id?: unknown } | null)?.id)
    .filter((id): id is string => typeof id === 'string' && id !== '' && id !== '.' && id !== '..');
}

/** As the official SDKs send an id: one segment, `/` as `%2F`, `:` and `@` kept. */
export function encodeId(id: string): string {
  return encodeURIComponent(id).replace(/%3A/gi, ':').replace(/%40/gi, '@');
}

/** Errors that break the same rule at the same place in many items, as one fault with a count. */
function group(errors: ValidationError[]): Fault[] {
  const faults = new Map<string, Fault>();
  for (const error of errors) {
    const key = `${error.path.replace(/\[\d+\]/g, '[*]')} ${error.keyword}`;
    const seen = faults.get(key);
    if (seen) seen.count++;
    else
      faults.set(key, {
        path: error.path,
        keyword: error.keyword,
        message: error.message,
        value: shortJSON(error.value),
        count: 1,
      });
  }
  return [...faults.values()];
}

function hasProperty(spec: Spec, operation: SpecOperation, status: string, name: string): boolean {
  // Stryker disable next-line StringLiteral: whatever the fallback names, no schema has that name
  const { schema } = schemaOf(spec, { $ref: `#/components/schemas/${operation.responses[status]?.schema ?? ''}` });
  return Object.hasOwn(object(schema['properties']), name);
}

/**
 * Fields of the body that its schema does not name, as paths
 * (`body.data[*].root`): allowed, as the spec's objects are open, and noted.
 */
function extraFields(spec: Spec, operation: SpecOperation, status: string, body: unknown): string[] {
  const found = new Set<string>();
  const visit = (schemaNode: unknown, value: unknown, path: string): void => {
    const { schema } = schemaOf(spec, schemaNode);
    if (Array.isArray(value)) value.forEach((item) => visit(schema['items'], item, `${path}[*]`));
    else if (typeof value === 'object' && value !== null && schema['properties'] !== undefined) {
      const properties = object(schema['properties']);
      for (const [key, child] of Object.entries(value)) {
        if (Object.hasOwn(properties, key)) visit(properties[key], child, `${path}.${key}`);
        else found.add(`${path}.${key}`);
      }
    }
  };
  const name = operation.responses[status]?.schema;
  // Stryker disable next-line ConditionalExpression: `#/components/schemas/undefined` names no schema either
  if (name !== undefined) visit({ $ref: `#/components/schemas/${name}` }, body, 'body');
  return [...found];
}

/** A value as JSON on one line, at most 80 characters; null for a missing one. */
function shortJSON(value: unknown): string | null {
  if (value === undefined) return null;
  return cut(JSON.stringify(value) ?? String(value), 80);
}

/** The start of a body, for a reason line. */
function excerpt(text: string): string {
  return text.trim() === '' ? '(empty body)' : cut(text.replace(/\s+/g, ' ').trim(), 100);
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function object(value: unknown): JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonSchema) : {};
}
