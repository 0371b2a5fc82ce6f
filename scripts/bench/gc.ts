/**
 * Empties V8's young generation, untimed, before each timed slice of one
 * contender: otherwise a scavenge that the previous contender's garbage made
 * due lands, at 1-2 ms, on whichever contender runs next, which was most of
 * the run-to-run noise of a 2 ms slice. Needs `--expose-gc` (run.ts starts
 * one-run.ts with it); without it, a no-op.
 */
const gc = (globalThis as { gc?: (options: { type: 'minor' }) => void }).gc;

export function collectYoung(): void {
  gc?.({ type: 'minor' });
}
