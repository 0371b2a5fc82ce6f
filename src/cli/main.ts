import { run } from './run.js';

/** The parts of Node's `process` that the executable uses; `process` itself fits. */
export interface Process {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdout: Stream;
  readonly stderr: Stream;
  exit(code: number): void;
}

interface Stream {
  readonly isTTY?: boolean | undefined;
  write(text: string, done?: () => void): boolean;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * The `openai-models` executable: wires `run()` to the process, lets piped
 * output drain, and exits with run()'s code. The only place that calls
 * `exit`; `bin.ts` hands it the real `process`.
 */
export async function main(proc: Process): Promise<void> {
  // `openai-models models list | head -1`: a closed pipe is not an error.
  proc.stdout.on('error', (error) => proc.exit(error.code === 'EPIPE' ? 0 : 1));
  const code = await run(proc.argv.slice(2), {
    stdout: output(proc.stdout),
    stderr: output(proc.stderr),
    env: proc.env,
  });
  await drained(proc.stdout);
  await drained(proc.stderr);
  proc.exit(code);
}

function output(stream: Stream): { isTTY: boolean; write(text: string): void } {
  return { isTTY: stream.isTTY === true, write: (text) => void stream.write(text) };
}

/** Resolves once everything written before has been handed to the OS. */
function drained(stream: Stream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}
