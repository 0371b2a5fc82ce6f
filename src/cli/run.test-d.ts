import { expectTypeOf, test } from 'vitest';
import type { Fetch } from '../index.js';
import { CLIError } from './cli-error.js';
import type { IO, Output } from './io.js';
import { FORMATS, type Format } from './options.js';
import { run } from './run.js';

test('run(argv, io) resolves to an exit code', () => {
  expectTypeOf(run).parameters.toEqualTypeOf<[readonly string[], IO]>();
  expectTypeOf(run).returns.resolves.toBeNumber();
  // @ts-expect-error io is required: run() never reaches for process.* itself
  void run(['models', 'list']);
});

test('IO is what tests and bin.ts provide', () => {
  expectTypeOf<IO['fetch']>().toEqualTypeOf<Fetch | undefined>();
  expectTypeOf<IO['env']>().toEqualTypeOf<Readonly<Record<string, string | undefined>>>();
  expectTypeOf<Output['isTTY']>().toBeBoolean();
  // @ts-expect-error the environment is read only
  const write = (io: IO): void => void (io.env['OPENAI_API_KEY'] = 'x');
  expectTypeOf(write).toBeFunction();
});

test('formats are a closed set', () => {
  expectTypeOf<Format>().toEqualTypeOf<'json' | 'jsonl' | 'yaml' | 'table'>();
  expectTypeOf(FORMATS).toEqualTypeOf<readonly ['json', 'jsonl', 'yaml', 'table']>();
  expectTypeOf(new CLIError('x').exitCode).toBeNumber();
});
