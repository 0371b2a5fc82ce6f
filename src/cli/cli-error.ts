/**
 * A failure the CLI words itself: a mistake in how it was called (unknown
 * command or option, a missing `--model` or API key, a bad value; exit 2),
 * or an answer it cannot print (exit 1). `run()` prints the message, for a
 * usage error a hint to the help of `command`, and returns `exitCode`; never
 * a stack trace.
 */
export class CLIError extends Error {
  override name = 'CLIError';
  /** The command whose `--help` the hint points to, e.g. `models list`; `''` for the top level. */
  readonly command: string;
  readonly exitCode: number;

  constructor(message: string, options: { command?: string; exitCode?: number } = {}) {
    super(message);
    this.command = options.command ?? '';
    this.exitCode = options.exitCode ?? 2;
  }
}
