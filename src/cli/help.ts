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
       openai-models conformance [options]

The OpenAI Models API from the command line.

Resources:
  models     list, retrieve and delete models

Commands:
  conformance    check a server's Models endpoints against the spec ('openai-models conformance --help')

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

export const CONFORMANCE_HELP = `Usage: openai-models conformance [--base-url <url>] [options]

Checks an OpenAI-compatible server's Models endpoints against this package's
spec (spec/openapi.yaml): every operation and declared answer, with the
schemas' every error; ids with / and :, an unknown id, no key and a wrong
key, the content-type, x-request-id and the status of an unknown route.
One row per check: pass, warn (clients rely on it; the spec does not promise
it), fail (a violation of the spec) or n/a.

Read-only: it sends GET requests only, unless --delete-model names a model to
delete. The key and --header values go to the base URL only (redirects
elsewhere are not followed) and never appear in the report.

Options:
  --base-url <url>       the server (default: $OPENAI_BASE_URL, else ${DEFAULTS.baseURL})
  --api-key <key>        its key (default: $OPENAI_API_KEY); without one, the auth checks are n/a
  --header 'name: value' another header to authenticate with (repeatable); scrubbed like the key
  --organization <id>    sent as OpenAI-Organization (default: $OPENAI_ORG_ID)
  --project <id>         sent as OpenAI-Project (default: $OPENAI_PROJECT_ID)
  --format <format>      table, json or markdown (default: table)
  --fail-on <verdict>    fail (default) or warn: the verdict that makes the exit code 1
  --delete-model <id>    also check DELETE /models/{model} on this model: it is deleted
  --timeout <duration>   per request: 30 or 30s (seconds), 500ms, 2m (default: 30s)
  --max-retries <n>      retries after 408, 409, 429, 5xx and network errors (default: 0)
  --max-response-size <size>
                         most bytes of an answer to read: 1048576, 512k, 64m, 1g (default: 32m)
  --date                 print today's date (UTC) in the report; off so that reports compare
  --debug                log each request and its status on stderr
  -h, --help             show help

Examples:
  openai-models conformance --base-url http://localhost:11434/v1
  openai-models conformance --base-url http://localhost:8000/v1 --format markdown
  openai-models conformance --base-url https://proxy.example/v1 --header 'x-api-key: ...' --format json

Exit codes: 0 no check failed, 1 a check failed (or, with --fail-on warn,
warned) or the server cannot be reached, 2 a usage error.
`;
