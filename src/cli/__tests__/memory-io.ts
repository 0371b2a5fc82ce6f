import type { IO } from '../io.js';

/** An `IO` that keeps what `run()` writes, for assertions. */
export function memoryIO(options: { env?: IO['env']; stdoutTTY?: boolean; stderrTTY?: boolean } = {}): IO & {
  out(): string;
  err(): string;
} {
  let out = '';
  let err = '';
  return {
    stdout: { isTTY: options.stdoutTTY ?? false, write: (text) => void (out += text) },
    stderr: { isTTY: options.stderrTTY ?? false, write: (text) => void (err += text) },
    env: options.env ?? {},
    out: () => out,
    err: () => err,
  };
}
