import { APIConnectionTimeoutError, APIError, APIResponseTooLargeError } from '../index.js';
import { CLIError } from './cli-error.js';
import type { Output } from './io.js';
import { oneLine, sanitize } from './sanitize.js';

export interface ReportOptions {
  /** `--debug`: add the error's class and its causes below the one line. */
  debug: boolean;
  red(text: string): string;
}

/**
 * Prints a failure on stderr and returns the exit code: 2 for a usage error
 * (with a hint to the right `--help`), 1 when the API or the network failed
 * (one line: status, the API's message, the request id). Only a bug, an
 * error the CLI did not expect, gets a stack trace. Everything but the
 * CLI's own colour goes through sanitize.ts: messages, ids and bodies come
 * from servers (or from argv) and must not reach the terminal raw.
 */
export function report(error: unknown, stderr: Output, options: ReportOptions): number {
  const label = options.red('error:');
  if (error instanceof CLIError) {
    const help = error.command === '' ? 'openai-models --help' : `openai-models ${error.command} --help`;
    // Only a usage error (exit 2) points to the help; a problem with the answer is one line.
    stderr.write(`${label} ${oneLine(error.message)}\n${error.exitCode === 2 ? `Run '${help}' for usage.\n` : ''}`);
    return error.exitCode;
  }
  if (error instanceof APIError) {
    stderr.write(`${label} ${describe(error)}\n`);
    if (options.debug) stderr.write(details(error));
    return 1;
  }
  const stack = error instanceof Error ? (error.stack ?? error.message) : String(error);
  stderr.write(`${label} unexpected failure (a bug; please report it): ${sanitize(stack)}\n`);
  return 1;
}

/**
 * `404 The model 'x' does not exist or you do not have access to it. (request ID req_123)`.
 * The client's message already leads with the status (`APIError.makeMessage`).
 */
export function describe(error: APIError): string {
  let line = error.message;
  if (error instanceof APIConnectionTimeoutError) line += ' Try a larger --timeout.';
  if (error instanceof APIResponseTooLargeError) line += ' Try a larger --max-response-size.';
  if (error.requestID) line += ` (request ID ${error.requestID})`;
  return oneLine(line);
}

/** Under `--debug`: the error's class, its type and code, and each cause. */
function details(error: APIError): string {
  const lines = [`${error.name}${error.type ? ` type=${error.type}` : ''}${error.code ? ` code=${error.code}` : ''}`];
  let cause = error.cause;
  for (let depth = 0; cause !== undefined && depth < 5; depth++) {
    lines.push(`cause: ${cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause)}`);
    cause = cause instanceof Error ? cause.cause : undefined;
  }
  return lines.map((line) => `  ${oneLine(line)}\n`).join('');
}
