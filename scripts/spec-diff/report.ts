/**
 * How spec:diff shows its findings: a plain changelog (breaking changes
 * first), GitHub annotations, or a Keep a Changelog fragment for CHANGELOG.md.
 */
import type { Change } from './changes.js';
import { SPEC } from './base.js';

export interface Verdict {
  baseLabel: string;
  from: string;
  to: string;
  changes: Change[];
  /** The last line: why the exit code is what it is. */
  summary: string;
  failed: boolean;
}

const line = (c: Change): string => `${c.where}: ${c.text} [${c.id}]`;
const LABEL = { ERR: 'error  ', WARN: 'warning', INFO: 'info   ' } as const;

export function formatText(v: Verdict): string {
  const breaking = v.changes.filter((c) => c.breaking);
  const compatible = v.changes.filter((c) => !c.breaking);
  const out = [`spec:diff: ${SPEC} (info.version ${v.to}) against ${v.baseLabel} (info.version ${v.from})`];
  if (breaking.length > 0)
    out.push('', `Breaking changes (${breaking.length}):`, ...breaking.map((c) => `  ${LABEL[c.level]} ${line(c)}`));
  if (compatible.length > 0)
    out.push(
      '',
      `Compatible changes (${compatible.length}):`,
      ...compatible.map((c) => `  ${LABEL[c.level]} ${line(c)}`),
    );
  out.push('', v.summary);
  return `${out.join('\n')}\n`;
}

/** https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatGitHub(v: Verdict): string {
  const annotations = v.changes.map((c) => {
    const command = !c.breaking ? 'notice' : v.failed ? 'error' : 'warning';
    const props = [
      `file=${SPEC}`,
      ...(c.line ? [`line=${c.line}`] : []),
      `title=${escapeProperty(`spec:diff ${c.id}`)}`,
    ];
    return `::${command} ${props.join(',')}::${escapeData(line(c))}`;
  });
  const summary = `::${v.failed ? 'error' : 'notice'} file=${SPEC},title=spec%3Adiff::${escapeData(v.summary)}`;
  return `${[...annotations, summary].join('\n')}\n${formatText(v)}`;
}

/** Keep a Changelog's sections, chosen from oasdiff's check id. */
function section(c: Change): 'Added' | 'Changed' | 'Deprecated' | 'Removed' {
  if (c.id.includes('deprecated')) return 'Deprecated';
  if (/(^|-)(removed|deleted)(-|$)/.test(c.id)) return 'Removed';
  if (/(^|-)added(-|$)/.test(c.id)) return 'Added';
  return 'Changed';
}

export function formatMarkdown(v: Verdict): string {
  const out = [`<!-- npm run spec:diff -- --markdown: info.version ${v.from} → ${v.to} -->`];
  if (v.changes.length === 0)
    out.push('', '### Changed', '', `- Spec ${v.to}: no change callers can see (documentation only).`);
  for (const name of ['Added', 'Changed', 'Deprecated', 'Removed'] as const) {
    const items = v.changes.filter((c) => section(c) === name);
    if (items.length === 0) continue;
    out.push('', `### ${name}`, '');
    for (const c of items) out.push(`- ${c.breaking ? '**Breaking:** ' : ''}Spec ${v.to}, \`${c.where}\`: ${c.text}.`);
  }
  return `${out.join('\n')}\n`;
}
