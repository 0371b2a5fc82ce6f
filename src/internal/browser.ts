/**
 * Is this a browser page or a browser's Web Worker, where an API key in the
 * code is readable by anyone who opens the page? The official SDK's test
 * (7.x: a `window` with a `document` and a `navigator`, or a dedicated or
 * shared worker's global scope that is not Cloudflare Workers, Node, Deno,
 * Bun or an edge runtime), so the client refuses to start in the same places.
 *
 * `scope` is a parameter only so that tests can hand in a fake global.
 */
export function isBrowserLike(scope: object = globalThis): boolean {
  const g = scope as BrowserGlobals;
  if (typeof g.window?.document !== 'undefined' && typeof g.navigator !== 'undefined') {
    return true;
  }
  return (
    typeof g.WorkerGlobalScope === 'function' &&
    scope instanceof g.WorkerGlobalScope &&
    typeof g.WorkerNavigator === 'function' &&
    g.navigator instanceof g.WorkerNavigator &&
    typeof g.navigator.userAgent === 'string' &&
    g.navigator.userAgent !== 'Cloudflare-Workers' &&
    g.process?.versions?.node === undefined &&
    g.Deno === undefined &&
    g.Bun === undefined &&
    g.EdgeRuntime === undefined &&
    g.WebSocketPair === undefined
  );
}

/** The globals the check reads; none is declared in a Node-only or a DOM-only lib. */
interface BrowserGlobals {
  window?: { document?: unknown } | undefined;
  navigator?: { userAgent?: unknown } | undefined;
  WorkerGlobalScope?: unknown;
  WorkerNavigator?: unknown;
  process?: { versions?: { node?: string } } | undefined;
  Deno?: unknown;
  Bun?: unknown;
  EdgeRuntime?: unknown;
  WebSocketPair?: unknown;
}
