/** A browser page or Web Worker, where anyone can read the key: the official SDK 7's test, word for word. */
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
