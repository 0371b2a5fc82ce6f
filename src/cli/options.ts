import { parseArgs } from 'node:util';
import { CLIError } from './cli-error.js';
import { isSubcommand } from './commands.js';

/**
 * Every option the CLI knows, global or not, for `util.parseArgs`. Options
 * may stand anywhere on the line (`openai-models --format yaml models list` and
 * `openai-models models list --format yaml` are the same); `commands.ts` refuses
 * `--model` where a command takes none.
 */
const OPTIONS = {
  'api-key': { type: 'string' },
  'base-url': { type: 'string' },
  organization: { type: 'string' },
  project: { type: 'string' },
  timeout: { type: 'string' },
  'max-retries': { type: 'string' },
  'max-response-size': { type: 'string' },
  format: { type: 'string' },
  field: { type: 'string' },
  model: { type: 'string' },
  strict: { type: 'boolean' },
  // `conformance` only (conformance-command.ts refuses what it does not take).
  header: { type: 'string', multiple: true },
  'delete-model': { type: 'string' },
  'fail-on': { type: 'string' },
  date: { type: 'boolean' },
  debug: { type: 'boolean' },
  version: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const FORMATS = ['json', 'jsonl', 'yaml', 'table'] as const;
export type Format = (typeof FORMATS)[number];

export type Parsed = ReturnType<
  typeof parseArgs<{ args: string[]; options: typeof OPTIONS; allowPositionals: true; strict: true }>
>;
export type Values = Parsed['values'];

/** `argv` split into options and positionals; unknown options and missing values become a `CLIError`. */
export function parse(argv: string[]): Parsed {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CLIError(parseErrorMessage(error), { command: commandGuess(argv) });
  }
}

/** Node's messages are long and suggest `--` tricks; say the essential. */
function parseErrorMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && 'code' in error ? error.code : undefined;
  const option = /'(-[^']*)'/.exec(message)?.[1];
  // With `strict` and `allowPositionals`, parseArgs throws an unknown option or a bad value, each naming the option.
  if (option === undefined) return message;
  // parseArgs already names `--colour=red` as '--colour'.
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
  const name = option.replace(' <value>', '');
  if (/argument missing/.test(message)) return `option '${name}' needs a value`;
  if (/ambiguous/.test(message))
    return `option '${name}' needs a value (write ${name}=-x for a value that starts with '-')`;
  return `option '${name}' takes no value`;
}

/** The command a line that did not parse names, for its usage hint: `models list`, `models` or `''`. */
function commandGuess(argv: string[]): string {
  const [group, command] = parseArgs({
    args: argv,
    options: OPTIONS,
    allowPositionals: true,
    strict: false,
  }).positionals;
  if (group === 'conformance') return group;
  if (group !== 'models') return '';
  return isSubcommand(command) ? `models ${command}` : 'models';
}
