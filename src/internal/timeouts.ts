/**
 * The timer of one attempt (transport.ts): `expire()` is called once `ms`
 * have passed, unless the timer is cleared first.
 *
 * A timer of its own per attempt (setTimeout, then clearTimeout) cost about
 * 0.7 µs of a 12 µs retrieve, for a timeout (10 minutes by default) that
 * almost never fires: a quarter of what the client adds to openapi-fetch
 * (BENCHMARKS.md). So long timeouts share one interval instead, as undici's
 * own timeouts do (its "fast timers", lib/util/timers.js): an attempt joins a
 * list and leaves it, and the interval, ticking every TICK_MS while anything
 * is on the list, expires what is due.
 *
 * - A shared timeout never fires early, and fires less than one tick
 *   (0.25 s, 5 % of the shortest timeout that goes this way) after its
 *   deadline, plus whatever holds up the event loop, as any timer would. The
 *   deadline is read off the clock (`performance.now()`), not counted in
 *   ticks: an interval that runs late never catches up, and a browser slows
 *   down the intervals of a hidden tab. Shorter timeouts keep a timer of their
 *   own, to the millisecond.
 * - The interval holds the process open while an attempt waits on it, as the
 *   timer it replaces did, and lets go (`unref`) the moment none does; it
 *   stops at its first tick with nothing to watch.
 */

/** How often the shared interval ticks. */
export const TICK_MS = 250;

/** Timeouts from this long on share the interval: a tick is 5 % of it. */
export const SHARED_FROM_MS = 20 * TICK_MS;

/** What a timer expires; the list of the shared interval runs through these fields. */
export interface Expiring {
  expire(): void;
  /** When it expires, on `performance.now()`'s clock, while on the shared interval's list. */
  due: number;
  prev: Expiring | null;
  next: Expiring | null;
}

/** A timer of its own, or `undefined` for a place on the shared interval's list. */
export type Timer = ReturnType<typeof setTimeout> | undefined;

/** Calls `target.expire()` once `ms` have passed; `clearAttemptTimeout` stops it. */
export function setAttemptTimeout(target: Expiring, ms: number): Timer {
  if (ms < SHARED_FROM_MS) return setTimeout(expire, ms, target);
  target.due = performance.now() + ms;
  target.next = head;
  if (head !== null) head.prev = target;
  else if (interval === undefined) interval = setInterval(tick, TICK_MS);
  else hold(interval, true);
  head = target;
  return undefined;
}

export function clearAttemptTimeout(target: Expiring, timer: Timer): void {
  if (timer !== undefined) return clearTimeout(timer);
  // Marks it for a tick that has taken it off the list but not expired it yet.
  target.due = CLEARED;
  unlink(target);
  if (head === null && interval !== undefined) hold(interval, false);
}

const CLEARED = -1;

let head: Expiring | null = null;
let interval: ReturnType<typeof setInterval> | undefined;

function expire(target: Expiring): void {
  target.expire();
}

function tick(): void {
  // First off the list, then expired: an expire() runs the caller's code,
  // which may clear others; the list is never walked while that runs.
  const now = performance.now();
  let due: Expiring[] | undefined;
  for (let target = head; target !== null; ) {
    const next = target.next;
    if (target.due <= now) {
      unlink(target);
      (due ??= []).push(target);
    }
    target = next;
  }
  if (due !== undefined) for (const target of due) if (target.due !== CLEARED) target.expire();
  if (head === null) {
    clearInterval(interval);
    interval = undefined;
  }
}

/** Takes `target` off the list; a second time does nothing. */
function unlink(target: Expiring): void {
  if (target.prev !== null) target.prev.next = target.next;
  else if (head === target) head = target.next;
  else return;
  if (target.next !== null) target.next.prev = target.prev;
  target.prev = null;
  target.next = null;
}

/** Node's timers can stop holding the process open; a browser's are plain numbers. */
function hold(timer: ReturnType<typeof setInterval>, on: boolean): void {
  const node = timer as Partial<NodeJS.Timeout>;
  if (on) node.ref?.();
  else node.unref?.();
}
