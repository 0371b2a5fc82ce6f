/**
 * In a browser the client refuses to start unless `dangerouslyAllowBrowser`
 * is set, as the official SDK does, with the same error: the page would hand
 * the API key to anyone who opens it.
 */
import OfficialOpenAI from 'openai';
import { afterEach, describe, expect, it, vi } from 'vitest';
import OpenAI, { OpenAIError } from '../index.js';
import { isBrowserLike } from './browser.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

/** What the official check looks at: a `window` with a `document`, and a `navigator`. */
function pretendBrowser(): void {
  vi.stubGlobal('window', { document: {} });
  vi.stubGlobal('navigator', { userAgent: 'Mozilla/5.0' });
}

describe('in a browser page', () => {
  it('refuses to start without dangerouslyAllowBrowser, with the official SDK error', () => {
    pretendBrowser();
    const official = captureError(() => new OfficialOpenAI({ apiKey: 'sk-x' }));
    const ours = captureError(() => new OpenAI({ apiKey: 'sk-x' }));
    expect(ours).toBeInstanceOf(OpenAIError);
    expect(ours.message).toContain("It looks like you're running in a browser-like environment.");
    expect(ours.message).toContain('new OpenAI({ apiKey, dangerouslyAllowBrowser: true });');
    expect(ours.message).toBe(official.message);
    expect(ours.message).not.toContain('sk-x');
  });

  it('starts with dangerouslyAllowBrowser: true', () => {
    pretendBrowser();
    const client = new OpenAI({ apiKey: 'sk-x', dangerouslyAllowBrowser: true });
    expect(client.models).toBeDefined();
  });

  it('still asks for a key first, as the official SDK does', () => {
    pretendBrowser();
    expect(() => new OpenAI({ apiKey: '' })).toThrow(/OPENAI_API_KEY/);
  });
});

describe('isBrowserLike', () => {
  it('is false in Node, and true only when window, window.document and navigator all exist', () => {
    expect(isBrowserLike()).toBe(false);
    expect(isBrowserLike({ window: { document: {} }, navigator: {} })).toBe(true);
    expect(isBrowserLike({ window: {}, navigator: {} })).toBe(false);
    expect(isBrowserLike({ window: { document: {} } })).toBe(false);
  });

  it("is true in a browser's Web Worker, false in Cloudflare Workers and in Node/Deno/Bun-like workers", () => {
    class WorkerGlobalScope {}
    class WorkerNavigator {
      constructor(readonly userAgent: string) {}
    }
    const worker = (userAgent: string, extra: object = {}): object =>
      Object.assign(
        Object.create(WorkerGlobalScope.prototype),
        { WorkerGlobalScope, WorkerNavigator, navigator: new WorkerNavigator(userAgent) },
        extra,
      );
    expect(isBrowserLike(worker('Mozilla/5.0'))).toBe(true);
    expect(isBrowserLike(worker('Cloudflare-Workers'))).toBe(false);
    expect(isBrowserLike(worker('Mozilla/5.0', { process: { versions: { node: '22.0.0' } } }))).toBe(false);
    expect(isBrowserLike(worker('Mozilla/5.0', { Deno: {} }))).toBe(false);
    expect(isBrowserLike(worker('Mozilla/5.0', { Bun: {} }))).toBe(false);
    expect(isBrowserLike(worker('Mozilla/5.0', { EdgeRuntime: 'edge-runtime' }))).toBe(false);
    expect(isBrowserLike(worker('Mozilla/5.0', { WebSocketPair: class {} }))).toBe(false);
  });

  it('is false for a scope that only looks like a worker', () => {
    class WorkerGlobalScope {}
    class WorkerNavigator {
      constructor(readonly userAgent: unknown) {}
    }
    const scope = (parts: object): object => Object.assign(Object.create(WorkerGlobalScope.prototype), parts);
    // Each lacks one mark of a browser's worker; the rest are in place.
    expect(
      isBrowserLike(scope({ WorkerGlobalScope: {}, WorkerNavigator, navigator: new WorkerNavigator('Mozilla/5.0') })),
    ).toBe(false);
    expect(
      isBrowserLike(
        scope({ WorkerGlobalScope: class Other {}, WorkerNavigator, navigator: new WorkerNavigator('Mozilla/5.0') }),
      ),
    ).toBe(false);
    expect(
      isBrowserLike(scope({ WorkerGlobalScope, WorkerNavigator: {}, navigator: new WorkerNavigator('Mozilla/5.0') })),
    ).toBe(false);
    expect(isBrowserLike(scope({ WorkerGlobalScope, WorkerNavigator, navigator: { userAgent: 'Mozilla/5.0' } }))).toBe(
      false,
    );
    expect(
      isBrowserLike(scope({ WorkerGlobalScope, WorkerNavigator, navigator: new WorkerNavigator(undefined) })),
    ).toBe(false);
  });
});

function captureError(make: () => unknown): Error {
  try {
    make();
  } catch (error) {
    if (error instanceof Error) return error;
  }
  throw new Error('expected the constructor to throw');
}
