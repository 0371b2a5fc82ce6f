/** A browser page or Web Worker, where anyone can read the key: the official SDK 7's test, word for word. */
export function isBrowserLike(scope: object = globalThis): boolean {
  // Globals of other runtimes, declared in no lib that this package compiles with.
  const g: any = scope;
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
