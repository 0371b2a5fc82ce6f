import { OpenAI, type Logger } from '../index.js';
import { CLIError } from './cli-error.js';
import { resolve } from './commands.js';
import { redacting, styler, useColour, type IO, type Output } from './io.js';
import { parse } from './options.js';
import { fieldNames, pickField, render } from './render.js';
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
  const secret = apiKeyIn(argv) ?? io.env['OPENAI_API_KEY'];
  const stdout = redacting(io.stdout, () => secret);
  const stderr = redacting(io.stderr, () => secret);
  const errStyle = styler(useColour(io.stderr, io.env));
  let debug = argv.includes('--debug');
  try {
    const { values, positionals } = parse([...argv]);
    debug = values.debug === true;
    if (values.version) {
      stdout.write(`${version()}\n`);
      return 0;
    }
    const resolved = resolve(positionals, values);
    if ('help' in resolved) {
      // `openai-models` or `openai-models models` alone is a usage error: the help goes to stderr.
      (values.help ? stdout : stderr).write(resolved.help);
      return values.help ? 0 : 2;
    }
    const { command } = resolved;
    const options = settings(values, io.env, io.stdout.isTTY, command.name);
    const client = new OpenAI({ ...options.client, fetch: io.fetch, logger: stderrLogger(stderr) });
    const result = await command.run(client);
    if (options.field === undefined) {
      stdout.write(render(result, options.format, styler(useColour(io.stdout, io.env)).bold));
      return 0;
    }
    const text = pickField(result, options.field);
    if (text === undefined) {
      const known = fieldNames(result).join(', ');
      throw new CLIError(`no field '${options.field}' in the answer${known ? ` (it has: ${known})` : ''}`, { command: command.name });
    }
    stdout.write(text);
    return 0;
  } catch (error) {
    return report(error, stderr, { debug, red: errStyle.red });
  }
}

/** The value of `--api-key` (`--api-key K` or `--api-key=K`), read before parsing so even a parse error is scrubbed. */
function apiKeyIn(argv: readonly string[]): string | undefined {
  for (let i = argv.length - 1; i >= 0; i--) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--api-key=')) return arg.slice('--api-key='.length);
    if (arg === '--api-key') return argv[i + 1];
  }
  return undefined;
}

/**
 * The client's log lines (`--debug`, `OPENAI_LOG`) on stderr, one line each,
 * prefixed with their level; sanitized, as they quote what servers sent.
 */
function stderrLogger(stderr: Output): Logger {
  const line =
    (level: string) =>
    (message: string, ...rest: unknown[]): void => {
      const extra = rest.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(' ');
      stderr.write(`${level}: ${oneLine(`${message}${extra ? ` ${extra}` : ''}`)}\n`);
    };
  return { error: line('error'), warn: line('warn'), info: line('info'), debug: line('debug') };
}
