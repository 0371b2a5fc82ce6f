/**
 * Issue 13, item 2: whatever a server sends, one `client.models.list()` with
 * the default settings stays under 300 MB of RSS and fails with a typed
 * error (or works, for a real big list). Each case runs in its own child
 * process with a 256 MB heap (child-harness.ts), so a regression fails here
 * instead of taking the runner down; the harness kills a child above 1 GiB.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childHarness, type Child } from '../__tests__/child-harness.js';
import {
  BIG_LIST_SIZE,
  startHostileServer,
  type HostileCase,
  type HostileServer,
} from '../__tests__/hostile-server.js';

const BUDGET_MIB = 300;
const TOO_LARGE = /larger than maxResponseSize \(33554432 bytes\)/;

let server: HostileServer;
let child: Child;
beforeAll(async () => {
  [server, child] = await Promise.all([startHostileServer(), childHarness()]);
}, 30_000);
afterAll(async () => {
  child.dispose();
  await server.stop();
});

const cases: [HostileCase, string, RegExp][] = [
  ['endless-string', 'APIResponseTooLargeError', TOO_LARGE],
  ['gzip-bomb', 'APIResponseTooLargeError', TOO_LARGE],
  ['br-bomb', 'APIResponseTooLargeError', TOO_LARGE],
  ['deflate-bomb', 'APIResponseTooLargeError', TOO_LARGE],
  [
    'huge-length',
    'APIResponseTooLargeError',
    /^200 response body of 8589934592 bytes \(content-length\) is larger than maxResponseSize/,
  ],
  [
    'huge-error',
    'InternalServerError',
    /^500 status code \(body larger than 65536 bytes, cut: "\{\\"error\\":\{\\"message\\":\\"a+…"\)$/,
  ],
];

describe.concurrent(`one call, default limits, a 256 MB heap: under ${BUDGET_MIB} MB RSS and a typed error`, () => {
  it.each(cases)(
    '%s → %s',
    async (name, errorName, message) => {
      const result = await child.run(server.baseURL(name));
      expect(result.error?.name, JSON.stringify(result)).toBe(errorName);
      expect(result.error?.message).toMatch(message);
      expect(result.peakMiB).toBeLessThan(BUDGET_MIB);
    },
    60_000,
  );

  it('a real list of 20,000 models still works', async () => {
    const result = await child.run(server.baseURL('big-list'));
    expect(result, JSON.stringify(result)).toMatchObject({ count: BIG_LIST_SIZE });
    expect(result.peakMiB).toBeLessThan(BUDGET_MIB);
  }, 60_000);
});
