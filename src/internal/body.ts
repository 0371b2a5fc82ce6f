import { APIResponseTooLargeError, redact, redactHeaders } from '../errors.js';

/**
 * How much of an error body (4xx/5xx) is read: enough for any message an API
 * sends (OpenAI's are a few hundred bytes), never the 3 GB a broken server
 * might stream. The rest is cancelled unread; the error keeps its status,
 * headers and request id.
 */
export const ERROR_BODY_LIMIT = 64 * 1024;

/** Without `stream`, decode() keeps no state between calls, so one decoder serves every one-chunk body. */
const UTF8 = new TextDecoder();

export interface Body {
  text: string;
  /** An error body went on past ERROR_BODY_LIMIT: `text` is its start. */
  truncated: boolean;
}

/**
 * The one place a response body is read (issue 13): at most `limit` bytes,
 * counted as they come out of the reader, i.e. after fetch has inflated gzip,
 * deflate or br, so a 2.6 MB bomb cannot become 2.6 GB in memory. Decoded as
 * it goes, so no more than the text itself is held.
 *
 * A 2xx body over `limit`, or declaring a `content-length` over it, is
 * cancelled (the connection with it, unless the caller holds a copy: see
 * `cancel`) and throws APIResponseTooLargeError;
 * the transport does not retry it; `secret` (the API key) is scrubbed from
 * the headers it keeps. An error body is cut at
 * ERROR_BODY_LIMIT instead, and read as far as that goes; a start of the
 * key at the cut is scrubbed, as what follows it is never read.
 */
export async function readBody(response: Response, limit: number, secret: string): Promise<Body> {
  const max = response.ok ? limit : Math.min(limit, ERROR_BODY_LIMIT);
  if (response.body === null) return { text: '', truncated: false };
  // A missing content-length reads as 0 here.
  const declared = Number(response.headers.get('content-length'));
  if (response.ok && declared > limit) {
    cancel(response.body);
    throw new APIResponseTooLargeError(response.status, redactHeaders(response.headers, secret), limit, declared);
  }
  const reader = response.body.getReader();
  // Most bodies come in one chunk. It waits here undecoded until the next read
  // says it was the last, then the shared UTF8 decodes it: making a decoder
  // for every call cost ~0.2 us of a 12 us retrieve (BENCHMARKS.md). A body
  // of more chunks gets a streaming decoder of its own, since a character can
  // span two chunks.
  let first: Uint8Array | undefined;
  let decoder: TextDecoder | undefined;
  let text = '';
  let read = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return { text: decoder === undefined ? UTF8.decode(first) : text + decoder.decode(), truncated: false };
    const over = read + value.byteLength > max;
    if (over) {
      cancel(reader);
      if (response.ok) throw new APIResponseTooLargeError(response.status, redactHeaders(response.headers, secret), limit);
    } else if (first === undefined) {
      first = value;
      read += value.byteLength;
      continue;
    }
    if (decoder === undefined) {
      decoder = new TextDecoder();
      text += decoder.decode(first, { stream: true });
    }
    // The cut may fall inside an echoed key: its start goes here, before a middleware or toAPIError sees the text.
    if (over) return { text: redact(text + decoder.decode(value.subarray(0, max - read)), secret, true), truncated: true };
    read += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
}

/**
 * Cancels a body, or the reader of one, and does not wait. On a response of
 * its own the source's cancel runs at once and closes the connection. On a
 * clone (APIPromise reads one after an early `.asResponse()`) only this copy
 * stops: the connection stays open, and what was read stays queued in the
 * caller's copy, until the caller reads or cancels theirs; the promise
 * settles only then, which may be never.
 */
export function cancel(stream: { cancel(): Promise<void> } | null): void {
  stream?.cancel().catch(() => {});
}
