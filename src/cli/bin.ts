#!/usr/bin/env node
/**
 * The `openai` executable: wires `run()` to the process. The only file that
 * calls `process.exit`.
 */
import { run } from './run.js';

// `openai-models models list | head -1`: a closed pipe is not an error.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  process.exit(error.code === 'EPIPE' ? 0 : 1);
});

const code = await run(process.argv.slice(2), {
  stdout: { isTTY: process.stdout.isTTY === true, write: (text) => void process.stdout.write(text) },
  stderr: { isTTY: process.stderr.isTTY === true, write: (text) => void process.stderr.write(text) },
  env: process.env,
});

// Let piped output drain before exiting.
await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
process.exit(code);
