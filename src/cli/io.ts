import type { Fetch } from '../index.js';

/** Where the CLI writes: `process.stdout` / `process.stderr` in `bin.ts`, a buffer in tests. */
export interface Output {
  write(text: string): void;
  /** Whether a person is looking: picks the default format and allows colour. */
  readonly isTTY: boolean;
}

/** Everything `run()` touches in the outside world, so tests can hand in their own. */
export interface IO {
  stdout: Output;
  stderr: Output;
  /** The environment: `OPENAI_API_KEY`, `OPENAI_BASE_URL`, `NO_COLOR`... (`process.env` in `bin.ts`). */
  env: Readonly<Record<string, string | undefined>>;
  /** A `fetch` for the client (tests); `globalThis.fetch` when left out. */
  fetch?: Fetch | undefined;
}

/**
 * Colour only for a terminal, and never when `NO_COLOR` is set to anything
 * but "" (https://no-color.org).
 */
export function useColour(output: Output, env: IO['env']): boolean {
  const noColour = env['NO_COLOR'];
  return output.isTTY && (noColour === undefined || noColour === '');
}

/** ANSI styles, or the text untouched when colour is off. */
export function styler(on: boolean): { bold(text: string): string; red(text: string): string } {
  const wrap = (open: number, close: number) => (text: string) => (on ? `\x1b[${open}m${text}\x1b[${close}m` : text);
  return { bold: wrap(1, 22), red: wrap(31, 39) };
}

/**
 * `output` with every occurrence of `secret` replaced: a last guard so the API
 * key never reaches the terminal, whatever a server or a bug echoes back.
 * Keys shorter than 8 characters are not searched for (as in the client), so
 * a silly test key cannot garble real output.
 */
export function redacting(output: Output, secret: () => string | undefined): Output {
  return {
    isTTY: output.isTTY,
    write(text) {
      const key = secret();
      output.write(key !== undefined && key.length >= 8 ? text.split(key).join('[REDACTED]') : text);
    },
  };
}
