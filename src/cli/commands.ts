import type { OpenAI } from '../index.js';
import { CLIError } from './cli-error.js';
import { DELETE_HELP, LIST_HELP, MODELS_HELP, RETRIEVE_HELP, TOP_HELP } from './help.js';
import type { Values } from './options.js';
import type { Result } from './render.js';

/** A command that calls the API. */
export interface Command {
  /** As typed after `openai`, e.g. `models list`. */
  name: string;
  help: string;
  run(client: OpenAI): Promise<Result>;
}

/** Where the words of the line lead: a command to run, or the help to show. */
export type Resolved = { command: Command } | { help: string };

/**
 * The commands of `models`, the one list of them: resolve() has a case for
 * each (TypeScript holds it to that), options.ts names them in the usage hint
 * of a line that does not parse.
 */
const SUBCOMMANDS = ['list', 'retrieve', 'delete'] as const;

export function isSubcommand(word: string | undefined): word is (typeof SUBCOMMANDS)[number] {
  return SUBCOMMANDS.some((known) => known === word);
}

/**
 * Finds the command named by the positionals (`models list`,
 * `models retrieve gpt-4o-mini`...). An unknown word, a missing or doubled
 * model id and a stray argument are usage errors.
 */
export function resolve(positionals: readonly string[], values: Values): Resolved {
  const [resource, sub, ...rest] = positionals;
  if (resource === undefined) return { help: TOP_HELP };
  if (resource !== 'models') throw new CLIError(`unknown command '${resource}'`);
  if (sub === undefined) return { help: MODELS_HELP };
  const name = `models ${sub}`;
  if (!isSubcommand(sub)) throw new CLIError(`unknown command '${name}'${suggest(sub)}`, { command: 'models' });
  switch (sub) {
    case 'list':
      if (values.help) return { help: LIST_HELP };
      noExtra(name, rest);
      if (values.model !== undefined) throw new CLIError(`'${name}' takes no --model`, { command: name });
      return {
        command: {
          name,
          help: LIST_HELP,
          run: (client) => client.models.list().then((body) => ({ kind: 'list', body })),
        },
      };
    case 'retrieve':
    case 'delete': {
      const help = sub === 'retrieve' ? RETRIEVE_HELP : DELETE_HELP;
      if (values.help) return { help };
      const model = modelId(name, values.model, rest);
      return {
        command: {
          name,
          help,
          run: (client) =>
            sub === 'retrieve'
              ? client.models.retrieve(model).then((body) => ({ kind: 'model', body }))
              : client.models.delete(model).then((body) => ({ kind: 'deleted', body })),
        },
      };
    }
  }
}

/** The model id from `--model` or the one positional, never both (unless they agree). */
function modelId(name: string, option: string | undefined, rest: readonly string[]): string {
  const [positional, ...extra] = rest;
  noExtra(name, extra);
  if (option !== undefined && positional !== undefined && option !== positional) {
    throw new CLIError(`give the model once: --model ${option} or ${positional}`, { command: name });
  }
  const model = option ?? positional;
  if (model === undefined) throw new CLIError(`missing --model <id>`, { command: name });
  return model;
}

function noExtra(name: string, extra: readonly string[]): void {
  if (extra.length > 0) throw new CLIError(`unexpected argument '${extra[0]}'`, { command: name });
}

/** A hint for a typo: the known command within two edits of `word`. */
function suggest(word: string): string {
  const close = SUBCOMMANDS.find((known) => editDistance(word, known) <= 2);
  return close ? ` (did you mean '${close}'?)` : '';
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
