/**
 * `openai-models conformance`: its options read and checked (a mistake is a
 * usage error, exit 2, before any request), the checks run, the report
 * printed, and the exit code: 0 when nothing fails (`--fail-on warn` counts
 * warnings too), 1 when a check fails or the server cannot be reached.
 */
import { DEFAULTS, readEnv } from '../internal/defaults.js';
import { CLIError } from './cli-error.js';
import { conformance, Unreachable, type Validators } from './conformance.js';
import { CONFORMANCE_FORMATS, renderReport, type ConformanceFormat } from './conformance-render.js';
import { loadSpec } from './conformance-spec.js';
import { CONFORMANCE_HELP } from './help.js';
import { redacting, styler, useColour, type IO, type Output } from './io.js';
import type { Values } from './options.js';
import { oneLine } from './sanitize.js';
import { duration, size } from './settings.js';

const COMMAND = 'conformance';
/** A check should not hang for the client's 10 minutes: a server that slow has failed it. */
const DEFAULT_TIMEOUT_MS = 30_000;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

export async function runConformance(
  rest: readonly string[],
  values: Values,
  io: IO,
  stdout: Output,
  stderr: Output,
): Promise<number> {
  if (values.help) {
    stdout.write(CONFORMANCE_HELP);
    return 0;
  }
  const usage = (message: string): CLIError => new CLIError(message, { command: COMMAND });
  if (rest[0] !== undefined) throw usage(`unexpected argument '${rest[0]}'`);
  for (const name of ['model', 'field', 'strict'] as const)
    if (values[name] !== undefined) throw usage(`'${COMMAND}' takes no --${name}`);
  const format = values.format ?? 'table';
  if (!CONFORMANCE_FORMATS.some((known) => known === format))
    throw usage(`--format must be one of ${CONFORMANCE_FORMATS.join(', ')}; got '${format}'`);
  const failOn = values['fail-on'] ?? 'fail';
  if (failOn !== 'fail' && failOn !== 'warn') throw usage(`--fail-on must be fail or warn; got '${failOn}'`);
  const baseURL = (values['base-url']?.trim() || readEnv('OPENAI_BASE_URL', io.env)) ?? DEFAULTS.baseURL;
  if (!/^https?:\/\/[^/]/i.test(baseURL) || !URL.canParse(baseURL))
    throw usage(`--base-url must be an http:// or https:// URL; got '${baseURL}'`);
  const apiKey = values['api-key']?.trim() || readEnv('OPENAI_API_KEY', io.env);
  const headers = (values.header ?? []).map((line) => header(line, usage));
  const auth: Record<string, string> = apiKey === undefined ? {} : { authorization: `Bearer ${apiKey}` };
  for (const [name, value] of headers) auth[name] = value;
  const extra: Record<string, string> = {};
  const organization = values.organization?.trim() || readEnv('OPENAI_ORG_ID', io.env);
  const project = values.project?.trim() || readEnv('OPENAI_PROJECT_ID', io.env);
  if (organization !== undefined) extra['openai-organization'] = organization;
  if (project !== undefined) extra['openai-project'] = project;
  const deleteModel = values['delete-model'];
  if (deleteModel !== undefined && ['', '.', '..'].includes(deleteModel.trim()))
    throw usage(`--delete-model needs a model id; got '${deleteModel}'`);

  // Every `--header` value is a secret, as the key is (run() scrubs that one).
  const scrub = (output: Output): Output =>
    headers.reduce((scrubbed, [, value]) => redacting(scrubbed, () => value), output);
  const [out, err] = [scrub(stdout), scrub(stderr)];
  const { validators } = (await import('../../generated/validators-all-errors.js')) as unknown as {
    validators: Validators;
  };
  let report;
  try {
    report = await conformance({
      spec: loadSpec(),
      validators,
      hasKey: Object.keys(auth).length > 0,
      deleteModel,
      http: {
        baseURL,
        fetch: io.fetch ?? globalThis.fetch,
        timeout:
          values.timeout === undefined
            ? DEFAULT_TIMEOUT_MS
            : checked(duration(values.timeout), 'timeout', values.timeout, usage),
        maxRetries:
          values['max-retries'] === undefined
            ? 0
            : checked(retries(values['max-retries']), 'max-retries', values['max-retries'], usage),
        maxResponseSize:
          values['max-response-size'] === undefined
            ? DEFAULTS.maxResponseSize
            : checked(size(values['max-response-size']), 'max-response-size', values['max-response-size'], usage),
        auth,
        headers: extra,
        log: values.debug ? (line) => err.write(`debug: ${oneLine(line)}\n`) : undefined,
      },
    });
  } catch (error) {
    if (!(error instanceof Unreachable)) throw error;
    err.write(`${styler(useColour(io.stderr, io.env)).red('error:')} ${oneLine(error.message)}\n`);
    return 1;
  }
  const date = values.date ? new Date().toISOString().slice(0, 10) : undefined;
  const bold = styler(useColour(io.stdout, io.env)).bold;
  out.write(await renderReport(report, format as ConformanceFormat, { date, bold }));
  const failing = report.checks.some(
    (check) => check.verdict === 'fail' || (failOn === 'warn' && check.verdict === 'warn'),
  );
  return failing ? 1 : 0;
}

/** `--header 'name: value'` as a pair; the value is never quoted back, as it may be a key. */
function header(line: string, usage: (message: string) => CLIError): [string, string] {
  const colon = line.indexOf(':');
  const name = line.slice(0, colon).trim().toLowerCase();
  const value = line.slice(colon + 1).trim();
  if (colon === -1 || !TOKEN.test(name) || value === '' || /[\r\n\0]/.test(value))
    throw usage(`--header must be 'name: value' with a valid header name and a value`);
  return [name, value];
}

function retries(text: string): number | undefined {
  return /^\d{1,3}$/.test(text) ? Number(text) : undefined;
}

function checked(value: number | undefined, name: string, text: string, usage: (message: string) => CLIError): number {
  if (value === undefined) throw usage(`--${name} has a value it cannot use: '${text}' (see --help)`);
  return value;
}
