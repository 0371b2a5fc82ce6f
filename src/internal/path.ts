import { OpenAIError } from '../errors.js';

/**
 * Encodes one path parameter as the official clients do: `encodeURIComponent`
 * except for the RFC 3986 `pchar`s that are safe inside a segment, notably
 * `:` and `@`, so `ft:gpt-4o-mini:org:suffix:abc` stays readable while `a/b`
 * becomes `a%2Fb` (https://datatracker.ietf.org/doc/html/rfc3986#section-3.3).
 *
 * Refuses, before any request is built, what would send a *different*
 * request: a non-string, `""` or `"."` (the URL would become the list
 * endpoint), `".."` (the parent path) and lone UTF-16 surrogates (which
 * cannot be encoded).
 */
export function encodePathParam(name: string, value: unknown): string {
  if (typeof value !== 'string') {
    throw new OpenAIError(`Expected a string for \`${name}\` but received ${describe(value)}`);
  }
  if (value === '') {
    throw new OpenAIError(`Expected a non-empty value for \`${name}\` but received ''`);
  }
  if (value === '.' || value === '..') {
    throw new OpenAIError(
      `Value '${value}' can't be safely passed as the \`${name}\` path parameter: the URL would name another endpoint`,
    );
  }
  if (!value.isWellFormed()) {
    throw new OpenAIError(`Expected well-formed Unicode for \`${name}\` but it contains a lone surrogate`);
  }
  return value.replace(/[^A-Za-z0-9\-._~!$&'()*+,;=:@]+/g, encodeURIComponent);
}

/**
 * openapi-fetch's `pathSerializer`: fills `{name}` templates with
 * `encodePathParam`. Its default (plain `encodeURIComponent`, no checks) would
 * turn `..` into the parent path and `:` into `%3A`.
 */
export function serializePath(pathname: string, params: Record<string, unknown>): string {
  // Same result as pathname.replace(/\{([^{}]+)\}/g, ...), but a regex
  // replace with a callback costs ~1 us per call, as much as everything else
  // in this file together (issue 6, BENCHMARKS.md).
  let out = '';
  let from = 0;
  for (let open = pathname.indexOf('{'); open !== -1; open = pathname.indexOf('{', from)) {
    const close = pathname.indexOf('}', open);
    if (close === -1) break;
    const name = pathname.slice(open + 1, close);
    out += pathname.slice(from, open) + encodePathParam(name, params[name]);
    from = close + 1;
  }
  return out + pathname.slice(from);
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`;
}
