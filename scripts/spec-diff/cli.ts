/** Entry point of `npm run spec:diff`; the work is in run.ts. */
import { specDiff } from './run.js';

process.exitCode = await specDiff(process.argv.slice(2), {
  cwd: process.cwd(),
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
});
