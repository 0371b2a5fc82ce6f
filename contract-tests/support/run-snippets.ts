/**
 * Runs every `*.ts` program of one folder in turn, in this process, and
 * prints what each wrote with `console.*` as one JSON object on stdout:
 * `{ "01-x.ts": { "lines": [...], "threw"?: "Name: message" } }`.
 *
 * Used by contract-tests/dropin.test.ts under `node --import tsx`, once per
 * package the programs import (`openai` or `openai-models`), so both runs
 * see the same process state and the same server.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { format } from 'node:util';

const dir = resolve(process.argv[2] ?? '.');
const write = process.stdout.write.bind(process.stdout);
const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
const originals = methods.map((name) => console[name]);
const results: Record<string, { lines: string[]; threw?: string }> = {};

for (const file of readdirSync(dir)
  .filter((name) => name.endsWith('.ts'))
  .sort()) {
  const lines: string[] = [];
  for (const name of methods) console[name] = (...args: unknown[]) => void lines.push(format(...args));
  try {
    await import(pathToFileURL(join(dir, file)).href);
    results[file] = { lines };
  } catch (error) {
    results[file] = { lines, threw: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  } finally {
    methods.forEach((name, i) => (console[name] = originals[i] ?? console[name]));
  }
}
write(`${JSON.stringify(results)}\n`);
