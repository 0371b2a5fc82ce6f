import { OpenAIError } from './errors.js';
import { withBody } from './internal/transport.js';
import type { WithRequestID } from './internal/validate.js';

/** What `.withResponse()` resolves to. */
export interface WithResponse<T> {
  data: WithRequestID<T>;
  /** The HTTP response (its body already read into `data`). */
  response: Response;
  /** The `x-request-id` header. */
  requestID: string | null;
  /** Alias of `requestID`, as the official SDK spells it. */
  request_id: string | null;
}

/**
 * The promise every call returns. The request starts on the next microtask: `.asResponse()` called at once
 * gets the body unread, and a call nobody awaits is still sent.
 */
export class APIPromise<T> implements PromiseLike<WithRequestID<T>> {
  /** The request, sent once: the first to ask chooses whether its body is read (`text`) or handed on. */
  readonly #sending: (parseAs?: 'text' | 'stream') => Promise<{ response: Response; text: string | undefined }>;
  readonly #parse: (text: string, response: Response) => WithRequestID<T>;
  #data: Promise<WithRequestID<T>> | undefined;

  constructor(
    send: (parseAs: 'text' | 'stream') => Promise<{ response: Response; text: string | undefined }>,
    parse: (text: string, response: Response) => WithRequestID<T>,
  ) {
    let sent: ReturnType<typeof send> | undefined;
    this.#sending = (parseAs = 'text') => (sent ??= send(parseAs));
    this.#parse = parse;
    // Its failure is reported by the promise of whoever awaits the call.
    queueMicrotask(() => void this.#sending().catch(() => {}));
  }

  /** The raw `Response`. Called right away (before the request left), its body is unread and yours to consume. */
  asResponse(): Promise<Response> {
    // Read already for an earlier await: a copy.
    return this.#sending('stream').then(({ response, text }) =>
      text === undefined ? response : withBody(response, text || null),
    );
  }

  /** The parsed value together with the response and its request id. */
  async withResponse(): Promise<WithResponse<T>> {
    const data = await this.then();
    const { response } = await this.#sending();
    const requestID = response.headers.get('x-request-id');
    return { data, response, requestID, request_id: requestID };
  }

  then<R1 = WithRequestID<T>, R2 = never>(
    onfulfilled?: ((value: WithRequestID<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    this.#data ??= this.#sending().then(async ({ response, text }) =>
      // After an early .asResponse() the body is the caller's: parse a copy.
      this.#parse(text ?? (await copy(response).text()), response),
    );
    return this.#data.then(onfulfilled, onrejected);
  }

  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<WithRequestID<T> | R> {
    return this.then(undefined, onrejected);
  }

  finally(onfinally?: (() => void) | null): Promise<WithRequestID<T>> {
    return this.then().finally(onfinally);
  }

  get [Symbol.toStringTag](): string {
    return 'APIPromise';
  }
}

/** A copy of a body the caller holds, or a clear error once they have read or locked it (clone() would throw a bare TypeError). */
function copy(response: Response): Response {
  if (response.bodyUsed || response.body?.locked) {
    throw new OpenAIError('The body from .asResponse() was already read or locked; await the call first to have both.');
  }
  return response.clone();
}
