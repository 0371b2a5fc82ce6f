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
interface BrowserGlobals extends Record<
  'WorkerGlobalScope' | 'WorkerNavigator' | 'Deno' | 'Bun' | 'EdgeRuntime' | 'WebSocketPair',
  unknown
> {
  window?: { document?: unknown } | undefined;
  navigator?: { userAgent?: unknown } | undefined;
  process?: { versions?: { node?: string } } | undefined;
}
