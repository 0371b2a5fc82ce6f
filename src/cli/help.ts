/**
 * The help screens, one per level: `openai-models --help`, `openai-models models --help`,
 * `openai-models models <command> --help`. Plain text, no colour, so they read the
 * same in a terminal, a pipe and the README.
 */
import { DEFAULTS } from '../internal/defaults.js';

const GLOBAL_OPTIONS = `Global options:
  --api-key <key>        API key (default: $OPENAI_API_KEY); never printed, not even with --debug
  --base-url <url>       http:// or https:// base URL (default: $OPENAI_BASE_URL, else ${DEFAULTS.baseURL})
  --organization <id>    sent as OpenAI-Organization (default: $OPENAI_ORG_ID)
  --project <id>         sent as OpenAI-Project (default: $OPENAI_PROJECT_ID)
  --timeout <duration>   per attempt: 30 or 30s (seconds), 500ms, 2m (default: 10m)
  --max-retries <n>      retries after 408, 409, 429, 5xx and network errors (default: 2)
  --max-response-size <size>
                         most bytes of an answer to read: 1048576, 512k, 64m, 1g (default: 32m)
  --format <format>      json, jsonl, yaml or table (default: table in a terminal, json in a pipe)
  --field <path>         print only this field (e.g. id, or a dotted path), one line per model
  --strict               check every answer against the spec's schemas; a deviation fails (exit 1)
  --debug                log each request and response on stderr (API key redacted)
  -h, --help             show help
  --version              show the version`;

const EXIT_CODES = `Exit codes: 0 success, 1 the API or the network failed, 2 a usage error.`;

export const TOP_HELP = `Usage: openai-models <resource> <command> [options]

The OpenAI Models API from the command line.

Resources:
  models     list, retrieve and delete models

Examples:
  openai-models models list
  openai-models models list --format table
  openai-models models retrieve --model gpt-4o-mini --format yaml
  openai-models models list --field id | grep ^gpt-4o

${GLOBAL_OPTIONS}

${EXIT_CODES}
`;

export const MODELS_HELP = `Usage: openai-models models <command> [options]

List and describe the various models available in the API.

Commands:
  list        list the models available to your API key
  retrieve    show one model (--model <id>, or the id as an argument)
  delete      delete a fine-tuned model (--model <id>)

Run 'openai-models models <command> --help' for a command's options.

${GLOBAL_OPTIONS}
`;

export const LIST_HELP = `Usage: openai-models models list [options]

Lists the currently available models, and provides basic information about
each one such as the owner and availability.  GET /models

Examples:
  openai-models models list --format table
  openai-models models list --format jsonl
  openai-models models list --field id

${GLOBAL_OPTIONS}

${EXIT_CODES}
`;

export const RETRIEVE_HELP = `Usage: openai-models models retrieve --model <id> [options]
       openai-models models retrieve <id> [options]

Retrieves a model instance, providing basic information about the model such
as the owner and permissioning.  GET /models/{model}

Options:
  --model <id>           the model to retrieve, e.g. gpt-4o-mini

Examples:
  openai-models models retrieve --model gpt-4o-mini
  openai-models models retrieve gpt-4o-mini --field owned_by

${GLOBAL_OPTIONS}

${EXIT_CODES}
`;

export const DELETE_HELP = `Usage: openai-models models delete --model <id> [options]
       openai-models models delete <id> [options]

Delete a fine-tuned model. You must have the Owner role in your organization
to delete a model.  DELETE /models/{model}

Options:
  --model <id>           the fine-tuned model to delete, e.g. ft:gpt-4o-mini:acemeco:suffix:abc123

Examples:
  openai-models models delete --model ft:gpt-4o-mini:acemeco:suffix:abc123

${GLOBAL_OPTIONS}

${EXIT_CODES}
`;
