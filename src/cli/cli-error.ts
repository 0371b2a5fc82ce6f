/**
 * A mistake in how the CLI was called (unknown command or option, a missing
 * `--model` or API key, a bad value). `run()` prints the message and a hint
 * to the help of `command`, and returns `exitCode`; never a stack trace.
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
