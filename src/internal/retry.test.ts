import { describe, expect, it } from 'vitest';
import { isIdempotent, retryDelayMs, shouldRetryStatus } from './retry.js';

const h = (init: Record<string, string> = {}) => new Headers(init);

describe('shouldRetryStatus', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i', (status) => {
    expect(shouldRetryStatus(status, h())).toBe(true);
  });
  it.each([400, 401, 403, 404, 422])('does not retry %i', (status) => {
    expect(shouldRetryStatus(status, h())).toBe(false);
  });
  it('lets x-should-retry override the status', () => {
    expect(shouldRetryStatus(400, h({ 'x-should-retry': 'true' }))).toBe(true);
    expect(shouldRetryStatus(503, h({ 'x-should-retry': 'false' }))).toBe(false);
  });
});

describe('isIdempotent', () => {
  it('is true for GET and DELETE (all three operations), false for POST and PATCH', () => {
    expect(['GET', 'delete', 'HEAD', 'PUT'].map(isIdempotent)).toEqual([true, true, true, true]);
    expect(['POST', 'PATCH'].map(isIdempotent)).toEqual([false, false]);
  });
});

describe('retryDelayMs', () => {
  const now = Date.parse('2026-11-22T10:00:00Z');
  const noJitter = () => 0;
  const fullJitter = () => 0.999999;

  it('uses retry-after-ms first', () => {
    expect(retryDelayMs(0, h({ 'retry-after-ms': '1500', 'retry-after': '9' }), now)).toBe(1500);
  });
  it('uses retry-after in seconds, fractions included', () => {
    expect(retryDelayMs(0, h({ 'retry-after': '2' }), now)).toBe(2000);
    expect(retryDelayMs(0, h({ 'retry-after': '0.25' }), now)).toBe(250);
  });
  it('uses retry-after as an HTTP date', () => {
    expect(retryDelayMs(0, h({ 'retry-after': 'Sun, 22 Nov 2026 10:00:03 GMT' }), now)).toBe(3000);
  });
  it('backs off exponentially from 0.5 s to a cap of 8 s without usable headers', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryDelayMs(n, h(), now, noJitter))).toEqual([
      500, 1000, 2000, 4000, 8000, 8000, 8000,
    ]);
  });
  it('takes off at most 25% jitter', () => {
    expect(retryDelayMs(1, undefined, now, fullJitter)).toBeGreaterThan(750);
    expect(retryDelayMs(1, undefined, now, fullJitter)).toBeLessThanOrEqual(1000);
  });
  it.each([
    ['retry-after', '120'],
    ['retry-after', '-1'],
    ['retry-after', 'soon'],
    ['retry-after', 'Sun, 22 Nov 2026 11:00:00 GMT'],
    ['retry-after-ms', '60000'],
    ['retry-after-ms', 'abc'],
  ])('ignores %s: %s (out of [0, 60 s) or unreadable) and backs off instead', (name, value) => {
    expect(retryDelayMs(0, h({ [name]: value }), now, noJitter)).toBe(500);
  });
});

describe('retryDelayMs: blank and zero waits', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  const h = (headers: Record<string, string>) => new Headers(headers);
  it('takes retry-after-ms: 0 at its word (retry at once)', () => {
    expect(retryDelayMs(0, h({ 'retry-after-ms': '0' }), now, () => 0)).toBe(0);
  });
  it('skips a blank retry-after-ms for retry-after, and a blank retry-after for the backoff', () => {
    expect(retryDelayMs(0, h({ 'retry-after-ms': '', 'retry-after': '3' }), now, () => 0)).toBe(3000);
    expect(retryDelayMs(1, h({ 'retry-after': '' }), now, () => 0)).toBe(1000);
    expect(retryDelayMs(1, h({ 'retry-after-ms': ' ', 'retry-after': ' ' }), now, () => 0)).toBe(1000);
  });
});
