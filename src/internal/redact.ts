/**
 * Replaces every `secret` in `text` (one under 8 characters would match plain text). `cut`: `text` is the
 * start of a longer body, so a start of the key at its very end goes too.
 */
export function redact(text: string, secret: string | undefined, cut = false): string {
  if (!secret || secret.length < 8) return text;
  const out = text.replaceAll(secret, '[REDACTED]');
  if (!cut) return out;
  // Stryker disable next-line ArithmeticOperator: starting longer tries the whole key, already replaced above: the same result
  for (let n = secret.length - 1; n > 0; n--)
    if (out.endsWith(secret.slice(0, n))) return `${out.slice(0, -n)}[REDACTED]`;
  return out;
}

/** The headers of an answer, or a copy with the key scrubbed where a proxy echoed it back. */
export function redactHeaders(headers: Headers, secret: string | undefined): Headers {
  if (![...headers.values()].some((value) => redact(value, secret) !== value)) return headers;
  // Appended one by one: set() would keep one of several set-cookie lines.
  const copy = new Headers();
  for (const [name, value] of headers) copy.append(name, redact(value, secret));
  return copy;
}

/** The first 200 characters of `text`, white space folded, quoted. */
export function snippet(text: string, max = 200): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(folded.length > max ? `${folded.slice(0, max)}…` : folded);
}
