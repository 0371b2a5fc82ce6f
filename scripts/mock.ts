/**
 * `npm run mock`: a Prism mock of spec/openapi.yaml for your own app and for
 * the CLI, on http://127.0.0.1:4010 until Ctrl-C.
 *
 *   npm run mock                      # port 4010, the spec's examples
 *   npm run mock -- --port 4011       # or MOCK_PORT=4011 npm run mock
 *   npm run mock -- --dynamic         # answers generated from the schemas
 *
 * A port already in use is refused at once (exit code 1), never silently
 * swapped for another: the URL you configured must be the one that answers.
 */
import { parseArgs } from 'node:util';
import { startPrism } from './prism.js';

export const DEFAULT_MOCK_PORT = 4010;

const { values } = parseArgs({
  options: { port: { type: 'string' }, dynamic: { type: 'boolean', short: 'd', default: false } },
  strict: true,
});
const portText = values.port ?? process.env['MOCK_PORT'] ?? String(DEFAULT_MOCK_PORT);
const port = Number(portText);
if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
  console.error(`error: the port must be a number from 1 to 65535, got ${JSON.stringify(portText)}`);
  process.exit(2);
}

let prism;
try {
  prism = await startPrism({ port, dynamic: values.dynamic, onOutput: (text) => void process.stdout.write(text) });
} catch (error) {
  console.error(`error: cannot start the mock: ${error instanceof Error ? error.message : String(error)}`);
  console.error(`Pick another port: npm run mock -- --port <n> (or MOCK_PORT=<n>).`);
  process.exit(1);
}
const { url, stop } = prism;
console.log(
  `\nMock of spec/openapi.yaml ready at ${url}${values.dynamic ? ' (dynamic answers)' : ''}. Any API key is accepted:`,
);
console.log(`  export OPENAI_BASE_URL=${url} OPENAI_API_KEY=sk-mock`);
console.log(`  curl -H 'Authorization: Bearer sk-mock' -H 'Prefer: code=404' ${url}/models/nope`);
console.log('Press Ctrl-C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void stop().then(() => {
      console.log('Mock stopped.');
      process.exit(0);
    });
  });
}
