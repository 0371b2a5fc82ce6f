import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearAttemptTimeout, setAttemptTimeout, SHARED_FROM_MS, TICK_MS, type Expiring, type Timer } from './timeouts.js';

/** A timer's target that notes how long after `start` it expired (fake time), and how often. */
function target(start = Date.now()) {
  const expired: number[] = [];
  const self: Expiring & { expired: number[] } = {
    due: 0,
    prev: null,
    next: null,
    expired,
    expire: () => void expired.push(Date.now() - start),
  };
  return self;
}

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  // Every test leaves nothing waiting: the shared interval stops at its next tick.
  vi.advanceTimersByTime(TICK_MS);
  expect(vi.getTimerCount()).toBe(0);
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('a timeout shorter than SHARED_FROM_MS', () => {
  it('has a timer of its own, to the millisecond', () => {
    const ms = SHARED_FROM_MS - 1;
    const waiting = target();
    expect(setAttemptTimeout(waiting, ms)).not.toBeUndefined();
    vi.advanceTimersByTime(ms - 1);
    expect(waiting.expired).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(waiting.expired).toEqual([ms]);
  });

  it('cleared, never expires', () => {
    const waiting = target();
    clearAttemptTimeout(waiting, setAttemptTimeout(waiting, 100));
    vi.advanceTimersByTime(1000);
    expect(waiting.expired).toEqual([]);
  });
});

describe('a timeout of SHARED_FROM_MS or more', () => {
  it('waits on the shared interval: never early, less than a tick late, from any point of a tick', () => {
    const cases: { ms: number; phase: number; waiting: ReturnType<typeof target> }[] = [];
    // The first one starts the interval: its ticks fall at TICK_MS, 2 * TICK_MS, ...
    const started = Date.now();
    const first = target();
    expect(setAttemptTimeout(first, SHARED_FROM_MS)).toBeUndefined();
    cases.push({ ms: SHARED_FROM_MS, phase: 0, waiting: first });
    for (const phase of [1, TICK_MS / 2, TICK_MS - 1]) {
      vi.advanceTimersByTime(phase - ((Date.now() - started) % TICK_MS));
      for (const ms of [SHARED_FROM_MS, SHARED_FROM_MS + 1, SHARED_FROM_MS + TICK_MS - 1, 7777]) {
        const waiting = target();
        expect(setAttemptTimeout(waiting, ms)).toBeUndefined();
        cases.push({ ms, phase, waiting });
      }
    }
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(10_000);
    for (const { ms, phase, waiting } of cases) {
      expect(waiting.expired, `${ms} ms from ${phase} ms into a tick`).toHaveLength(1);
      expect(waiting.expired[0], `${ms} ms from ${phase} ms into a tick`).toBeGreaterThanOrEqual(ms);
      expect(waiting.expired[0], `${ms} ms from ${phase} ms into a tick`).toBeLessThan(ms + TICK_MS);
    }
  });

  it('cleared, never expires, wherever it stood on the list, and the others still do', () => {
    const all = Array.from({ length: 5 }, () => target());
    const timers: Timer[] = all.map((waiting) => setAttemptTimeout(waiting, SHARED_FROM_MS));
    // The list is newest first: clear its head, a middle one and its tail.
    for (const i of [4, 2, 0]) clearAttemptTimeout(all[i]!, timers[i]);
    // A second time changes nothing.
    clearAttemptTimeout(all[2]!, timers[2]);
    vi.advanceTimersByTime(SHARED_FROM_MS + 2 * TICK_MS);
    expect(all.map((waiting) => waiting.expired.length)).toEqual([0, 1, 0, 1, 0]);
  });

  it('can be cleared after it expired (as an attempt does), and expires once', () => {
    const waiting = target();
    const timer = setAttemptTimeout(waiting, SHARED_FROM_MS);
    vi.advanceTimersByTime(SHARED_FROM_MS + 2 * TICK_MS);
    expect(() => clearAttemptTimeout(waiting, timer)).not.toThrow();
    vi.advanceTimersByTime(SHARED_FROM_MS);
    expect(waiting.expired).toHaveLength(1);
  });

  it('holds the process open exactly while something waits, and the interval stops once nothing does', () => {
    const setInterval = vi.spyOn(globalThis, 'setInterval');
    const a = target();
    const b = target();
    const timerA = setAttemptTimeout(a, SHARED_FROM_MS);
    const interval = setInterval.mock.results[0]?.value as NodeJS.Timeout;
    expect(interval.hasRef()).toBe(true);
    clearAttemptTimeout(a, timerA);
    expect(interval.hasRef()).toBe(false);
    const timerB = setAttemptTimeout(b, SHARED_FROM_MS);
    expect(interval.hasRef()).toBe(true);
    expect(setInterval).toHaveBeenCalledTimes(1);
    // One of two leaves: the other still holds the process open.
    const timerA2 = setAttemptTimeout(a, SHARED_FROM_MS);
    clearAttemptTimeout(a, timerA2);
    expect(interval.hasRef()).toBe(true);
    clearAttemptTimeout(b, timerB);
    expect(interval.hasRef()).toBe(false);
    vi.advanceTimersByTime(TICK_MS);
    expect(vi.getTimerCount()).toBe(0);
    // The next one starts a new interval.
    clearAttemptTimeout(a, setAttemptTimeout(a, SHARED_FROM_MS));
    expect(setInterval).toHaveBeenCalledTimes(2);
  });

  it('keeps to the clock when the interval runs slow, as in a hidden browser tab', () => {
    // A throttled interval: it ticks once a second, whatever it was asked for.
    const ticks = new Set<ReturnType<typeof setInterval>>();
    const realSetInterval = globalThis.setInterval;
    vi.stubGlobal('setInterval', (callback: () => void) => {
      const handle = realSetInterval(callback, 1000);
      ticks.add(handle);
      return handle;
    });
    const waiting = target();
    setAttemptTimeout(waiting, SHARED_FROM_MS);
    expect(ticks.size).toBe(1);
    vi.advanceTimersByTime(SHARED_FROM_MS - 1);
    expect(waiting.expired).toEqual([]);
    vi.advanceTimersByTime(1000);
    // On the first slow tick past the deadline, not after SHARED_FROM_MS / TICK_MS slow ticks.
    expect(waiting.expired).toEqual([SHARED_FROM_MS]);
    vi.advanceTimersByTime(1000);
  });

  it('expires what is due at a tick even when one expiry clears another', () => {
    const order: string[] = [];
    const y = target();
    const x = { ...target(), expire: () => void (order.push('x'), clearAttemptTimeout(y, undefined)) };
    const z = { ...target(), expire: () => void order.push('z') };
    const w = { ...target(), expire: () => void order.push('w') };
    for (const waiting of [w, z, y, x]) setAttemptTimeout(waiting, SHARED_FROM_MS);
    // The list runs x, y, z, w: x's expiry clears y, which was due at the same tick and does not expire.
    vi.advanceTimersByTime(SHARED_FROM_MS);
    expect(order).toEqual(['x', 'z', 'w']);
    expect(y.expired).toEqual([]);
  });

  it("works with a browser's timers, which are plain numbers", () => {
    const handles = new Map<number, ReturnType<typeof setTimeout>>();
    vi.stubGlobal('setInterval', (callback: () => void, ms: number): number => {
      const id = handles.size + 1;
      const repeat = (): void => {
        handles.set(id, setTimeout(repeat, ms));
        callback();
      };
      handles.set(id, setTimeout(repeat, ms));
      return id;
    });
    vi.stubGlobal('clearInterval', (id: number) => clearTimeout(handles.get(id)));
    const a = target();
    const b = target();
    clearAttemptTimeout(a, setAttemptTimeout(a, SHARED_FROM_MS));
    setAttemptTimeout(b, SHARED_FROM_MS);
    vi.advanceTimersByTime(SHARED_FROM_MS + 2 * TICK_MS);
    expect([a.expired.length, b.expired.length]).toEqual([0, 1]);
  });
});
