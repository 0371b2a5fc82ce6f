/**
 * `npm start`: the main job. Starts Prism from spec/openapi.yaml on a free
 * port and runs the `openai-models` command-line tool against it, the way a person
 * would type it, printing each command line before its output. Needs no API
 * key: Prism accepts any bearer token, so a dummy one is passed.
 */
import { run } from '../src/cli/run.js';
import { startPrism } from './prism.js';

const prism = await startPrism();
console.error(`Prism mock of spec/openapi.yaml ready at ${prism.url} in ${prism.startupMs} ms`);
console.error(`OPENAI_BASE_URL=${prism.url} OPENAI_API_KEY=sk-mock-not-a-real-key\n`);

const env = { ...process.env, OPENAI_BASE_URL: prism.url, OPENAI_API_KEY: 'sk-mock-not-a-real-key' };
const io = {
  stdout: { isTTY: process.stdout.isTTY === true, write: (text: string) => void process.stdout.write(text) },
  stderr: { isTTY: process.stderr.isTTY === true, write: (text: string) => void process.stderr.write(text) },
  env,
};

const showcase: { argv: string[]; expect: number }[] = [
  { argv: ['models', 'list', '--format', 'table'], expect: 0 },
  { argv: ['models', 'retrieve', '--model', 'gpt-4o-mini'], expect: 0 },
  { argv: ['models', 'retrieve', 'gpt-4o-mini', '--format', 'yaml'], expect: 0 },
  { argv: ['models', 'delete', '--model', 'ft:gpt-4o-mini:acemeco:suffix:abc123', '--format', 'table'], expect: 0 },
  { argv: ['models', 'list', '--field', 'id'], expect: 0 },
  // A usage error, to show the exit code and the hint.
  { argv: ['models', 'retrieve'], expect: 2 },
];

let failures = 0;
try {
  for (const { argv, expect } of showcase) {
    console.log(`$ openai-models ${argv.join(' ')}`);
    const code = await run(argv, io);
    console.log(`(exit code ${code})\n`);
    if (code !== expect) failures++;
  }
} finally {
  await prism.stop();
}
if (failures > 0) {
  console.error(`${failures} command(s) did not exit as expected`);
  process.exitCode = 1;
}
