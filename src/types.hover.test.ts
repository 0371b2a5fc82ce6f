/**
 * What an editor shows when hovering over a result (issue 14): the named
 * types, as the official SDK shows its own, never `WithRequestID<{ id: string; ... }>`.
 * Asked of TypeScript's language service, which is what editors ask.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { afterAll, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(root, 'src', '.hover-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hovers(source: string): string[] {
  const file = join(dir, 'probe.ts');
  writeFileSync(file, source);
  const options =
    ts.getParsedCommandLineOfConfigFile(
      join(root, 'tsconfig.json'),
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} },
    )?.options ?? {};
  const service = ts.createLanguageService({
    getScriptFileNames: () => [file],
    getScriptVersion: () => '1',
    getScriptSnapshot: (name) =>
      ts.sys.fileExists(name) ? ts.ScriptSnapshot.fromString(ts.sys.readFile(name) ?? '') : undefined,
    getCurrentDirectory: () => root,
    getCompilationSettings: () => options,
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: ts.sys.fileExists,
    readFile: ts.sys.readFile,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  });
  const shown: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclaration(node) && node.name.getText().startsWith('hover')) {
      const info = service.getQuickInfoAtPosition(file, node.name.getStart());
      shown.push(ts.displayPartsToString(info?.displayParts).replace(/\s+/g, ' '));
    }
    ts.forEachChild(node, visit);
  };
  const program = service.getProgram();
  const sourceFile = program?.getSourceFile(file);
  if (!sourceFile) throw new Error('probe not compiled');
  visit(sourceFile);
  return shown;
}

it('shows a retrieved model as Model, a deleted one as ModelDeleted, a list as Page<Model>', () => {
  const shown = hovers(`
    import OpenAI from '../index.js';
    const client = new OpenAI({ apiKey: 'sk-x' });
    export async function probe() {
      const hoverModel = await client.models.retrieve('gpt-4o-mini');
      const hoverDeleted = await client.models.delete('ft:x');
      const hoverPage = await client.models.list();
      for await (const hoverItem of client.models.list()) void hoverItem;
      const hoverData = (await client.models.retrieve('x').withResponse()).data;
      return [hoverModel, hoverDeleted, hoverPage, hoverData];
    }
  `);
  expect(shown).toEqual([
    // The names of the official SDK's namespace, merged with the class (issue 14).
    'const hoverModel: OpenAI.Models.Model & { _request_id?: string | null; }',
    'const hoverDeleted: OpenAI.Models.ModelDeleted & { _request_id?: string | null; }',
    'const hoverPage: OpenAI.Page<OpenAI.Models.Model>',
    'const hoverItem: OpenAI.Models.Model',
    'const hoverData: OpenAI.Models.Model & { _request_id?: string | null; }',
  ]);
}, 60_000);
