/**
 * The spec's "Getting started" section is the first thing a reader of the
 * HTML reference copies, so its TypeScript example must compile against the
 * real client: this type-checks every ```ts block of `info.description` with
 * the project's tsconfig, `openai-models` mapped to src/index.ts.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { specPath } from './prism.js';

const root = resolve(import.meta.dirname, '..');
const description: string = parse(readFileSync(specPath, 'utf8')).info.description;
const blocks = [...description.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1] ?? '');

// Each check reuses the previous program's parsed files (lib, src/).
let previous: ts.Program | undefined;

/** The compiler's diagnostics for `code` as an ES module of this project, one line each. */
function typeErrors(code: string): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  if (!config) throw new Error('tsconfig.json could not be read');
  // .mts: an ES module whatever package.json says, so top-level await is allowed.
  const file = resolve(root, 'scripts/__getting-started__.mts');
  const options = { ...config.options, noEmit: true, paths: { 'openai-models': ['./src/index.ts'] }, baseUrl: root };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (resolve(name) === file ? code : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => resolve(name) === file || fileExists(name);
  const program = ts.createProgram([file], options, host, previous);
  previous = program;
  const source = program.getSourceFile(file);
  if (!source) throw new Error(`the compiler did not load ${file}`);
  // Only the example's own diagnostics: `npm run typecheck` covers src/.
  return [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)].map(
    (d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
  );
}

describe('spec info.description, Getting started', () => {
  it('has a TypeScript example that imports the package by its published name', () => {
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toContain("from 'openai-models'");
    expect(description).toContain('npm install openai-models');
    expect(description).toContain('npx openai models list');
  });

  it.each(blocks.map((code, index) => [index, code] as const))('example %i type-checks against src/', (_, code) => {
    expect(typeErrors(code)).toEqual([]);
  });

  it('reports a wrong call as a type error (the check can fail)', () => {
    const broken = (blocks[0] ?? '').replace('client.models.retrieve(', 'client.models.fetchOne(');
    expect(broken).not.toBe(blocks[0]);
    expect(typeErrors(broken).join('\n')).toMatch(/fetchOne/);
  });
});
