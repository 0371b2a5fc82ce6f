import { APIError, OpenAI, OpenAIError, type Logger } from '../index.js';
import { CLIError } from './cli-error.js';
import { resolve } from './commands.js';
import { runConformance } from './conformance-command.js';
import { redacting, styler, useColour, type IO, type Output } from './io.js';
import { parse } from './options.js';
import { deeperThan } from '../internal/json.js';
import { fieldNames, maxDepth, pickField, render, type Result } from './render.js';
import { report } from './report.js';
import { oneLine } from './sanitize.js';
import { settings } from './settings.js';
import { version } from './version.js';

/**
 * The whole CLI: `argv` without `node` and the script (`['models', 'list']`),
 * the outside world in `io`; resolves to the exit code (0 ok, 1 the API or
 * the network failed, 2 a usage error). It never calls `process.exit` and
 * never throws, so tests call it directly.
 */
export async function run(argv: readonly string[], io: IO): Promise<number> {
  // Scrub the key from everything written, from the first byte on.
  // Trimmed as the client trims it, so that an echo of the key sent is found.
  const secret = (apiKeyIn(argv) ?? io.env['OPENAI_API_KEY'])?.trim();
  const stdout = redacting(io.stdout, () => secret);
  const stderr = redacting(io.stderr, () => secret);
  const errStyle = styler(useColour(io.stderr, io.env));
  // Known once the options are parsed; a usage error before that has no details to show.
  let debug: boolean | undefined;
  try {
    const { values, positionals } = parse([...argv]);
    debug = values.debug === true;
    if (values.version) {
      stdout.write(`${version()}\n`);
      return 0;
    }
    if (positionals[0] === 'conformance') return await runConformance(positionals.slice(1), values, io, stdout, stderr);
    const resolved = resolve(positionals, values);
    if ('help' in resolved) {
      // `openai-models` or `openai-models models` alone is a usage error: the help goes to stderr.
      (values.help ? stdout : stderr).write(resolved.help);
      return values.help ? 0 : 2;
    }
    const { command } = resolved;
    const options = settings(values, io.env, io.stdout.isTTY, command.name);
    const logger = stderrLogger(stderr);
    for (const warning of options.warnings) logger.warn(warning);
    let result: Result;
    try {
      result = await command.run(new OpenAI({ ...options.client, fetch: io.fetch, logger }));
    } catch (error) {
      // The client refused what it was given (the base URL, the model id) before any request: a usage error.
      const refused = error instanceof OpenAIError && !(error instanceof APIError);
      throw refused ? new CLIError(error.message, { command: command.name }) : error;
    }
    const depth = maxDepth(options.format);
    if (deeperThan(result.body, depth)) {
      throw new CLIError(`cannot print the answer: it nests objects or arrays more than ${depth} levels deep`, {
        exitCode: 1,
      });
    }
    if (options.field === undefined) {
      stdout.write(await render(result, options.format, styler(useColour(io.stdout, io.env)).bold));
      return 0;
    }
    const text = pickField(result, options.field);
    if (text === undefined) {
      // Only an answer with at least one object gets here (pickField), so there are names to list.
      throw new CLIError(`no field '${options.field}' in the answer (it has: ${fieldNames(result).join(', ')})`, {
        command: command.name,
      });
    }
    stdout.write(text);
    return 0;
  } catch (error) {
    return report(error, stderr, { debug: debug === true, red: errStyle.red });
  }
}

/** The value of `--api-key` (`--api-key K` or `--api-key=K`), read before parsing so even a parse error is scrubbed. */
function apiKeyIn(argv: readonly string[]): string | undefined {
  let key: string | undefined;
  // The last one counts, as in parseArgs.
  argv.forEach((arg, i) => {
    if (arg.startsWith('--api-key=')) key = arg.slice('--api-key='.length);
    else if (arg === '--api-key') key = argv[i + 1];
  });
  return key;
}

/**
 * The client's log lines (`--debug`, `OPENAI_LOG`) on stderr, one line each,
 * prefixed with their level; sanitized, as they quote what servers sent.
 */
function stderrLogger(stderr: Output): Logger {
  const line =
    (level: string) =>
    (message: string, ...rest: unknown[]): void => {
      stderr.write(`${level}: ${oneLine([message, ...rest.map((value) => JSON.stringify(value))].join(' '))}\n`);
    };
  return {
    info: line('info'),
    debug: line('debug'),
    // Stryker disable next-line StringLiteral: the client logs errors never, so this prefix is never printed
    error: line('error'),
    warn: line('warn'),
  };
}
