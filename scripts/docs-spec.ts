/**
 * First step of `npm run docs`: writes the build-time copy of the spec that
 * the HTML reference is built from (.tmp/docs/openapi.yaml), with what the
 * API contract itself should not carry:
 *
 * - `x-codeSamples` for each operation, a TypeScript, a CLI and a curl
 *   sample, copied from the guides' blocks marked `<!-- sample: <operationId> -->`.
 *   Those blocks are tested where they are (type-checked, replayed, run
 *   against Prism: CONTRIBUTING.md, "Documentation"), so the reference
 *   shows nothing that no test ran;
 * - links to the guides, after the spec's own description.
 *
 * spec/openapi.yaml stays as it is: types, mock and spec:diff read it alone.
 *
 * Usage: tsx scripts/docs-spec.ts [output file]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { allBlocks, isCliSession, isCurl, type Block } from './guides.js';
import { root, specPath } from './prism.js';

/** The samples' labels, in the order the reference offers them (redocly.yaml lists the same). */
export const SAMPLE_LABELS = ['TypeScript', 'CLI', 'curl'] as const;
export type SampleLabel = (typeof SAMPLE_LABELS)[number];

export interface CodeSample {
  lang: string;
  label: SampleLabel;
  source: string;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** `[operationId, path, method]` of every operation of a spec. */
export function operationsOf(spec: any): [string, string, string][] {
  return Object.entries<any>(spec.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map(
      (method) => [String(item[method].operationId), path, method] as [string, string, string],
    ),
  );
}

function kindOf(block: Block): { lang: string; label: SampleLabel } {
  if (block.lang === 'ts') return { lang: 'typescript', label: 'TypeScript' };
  if (isCliSession(block)) return { lang: 'bash', label: 'CLI' };
  if (isCurl(block)) return { lang: 'bash', label: 'curl' };
  throw new Error(`${block.file}:${block.line}: a sample must be a ts block, an openai-models session or a curl call`);
}

/** The samples of each operationId, one of each label in SAMPLE_LABELS order; throws on a missing, extra or stray one. */
export function codeSamples(operationIds: string[], blocks: Block[] = allBlocks()): Map<string, CodeSample[]> {
  const found = new Map<string, Map<SampleLabel, CodeSample & { at: string }>>(
    operationIds.map((id) => [id, new Map()]),
  );
  for (const block of blocks) {
    if (block.sample === undefined) continue;
    const at = `${block.file}:${block.line}`;
    const samples = found.get(block.sample);
    if (!samples) throw new Error(`${at}: no operation ${block.sample} in the spec`);
    const kind = kindOf(block);
    const twin = samples.get(kind.label);
    if (twin) throw new Error(`${at}: a second ${kind.label} sample of ${block.sample} (the first is at ${twin.at})`);
    samples.set(kind.label, { ...kind, source: block.code.trimEnd(), at });
  }
  return new Map(
    [...found].map(([id, samples]) => [
      id,
      SAMPLE_LABELS.map((label) => {
        const sample = samples.get(label);
        if (!sample) throw new Error(`no ${label} sample of ${id}: mark a tested block with <!-- sample: ${id} -->`);
        return { lang: sample.lang, label: sample.label, source: sample.source };
      }),
    ]),
  );
}

/** Where the guides are read on the web: the repository named by package.json. */
function guideLinks(): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const repository = String(pkg.repository.url)
    .replace(/^git\+/, '')
    .replace(/\.git$/, '');
  const link = (file: string): string => `${repository}/blob/main/${file}`;
  return [
    '## Guides',
    '',
    `- [README](${link('README.md')}): install, use, errors, retries, options.`,
    `- [The command-line tool](${link('docs/cli.md')}): every command, option, format and exit code.`,
    `- [Compatible servers](${link('docs/compatibility.md')}): what they do differently, strict mode, conformance.`,
    `- [Safety](${link('docs/safety.md')}): bounded answers, terminal escaping, key scrubbing.`,
    `- [Moving from the official SDK](${link('docs/migrating.md')}).`,
    `- [Contributing](${link('CONTRIBUTING.md')}): the spec workflow and the tests.`,
  ].join('\n');
}

/** The spec with code samples and links to the guides, as the reference is built from it. */
export function docsSpec(): any {
  const spec = parse(readFileSync(specPath, 'utf8'));
  const operations = operationsOf(spec);
  const samples = codeSamples(operations.map(([id]) => id));
  for (const [id, path, method] of operations) spec.paths[path][method]['x-codeSamples'] = samples.get(id);
  spec.info.description = `${String(spec.info.description).trimEnd()}\n\n${guideLinks()}\n`;
  return spec;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = resolve(process.argv[2] ?? join(root, '.tmp', 'docs', 'openapi.yaml'));
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, stringify(docsSpec(), { lineWidth: 0 }));
  console.error(`${out}: spec with code samples and links to the guides`);
}
