/**
 * Runs in a child process (see child-harness.ts): one `client.models.list()`
 * against `argv[2]` with no retries, then one JSON line on stdout: the peak
 * RSS in bytes, and the models counted or the error's class and message.
 * `argv[3]` holds extra client options as JSON (e.g. a short `timeout`).
 */
import OpenAI from '../index.js';

let peak = 0;
const sample = (): void => {
  peak = Math.max(peak, process.memoryUsage.rss());
};
const sampler = setInterval(sample, 20);

let outcome: { count: number } | { error: { name: string; message: string } };
try {
  const options: unknown = JSON.parse(process.argv[3] ?? '{}');
  const client = new OpenAI({
    apiKey: 'sk-hostile-child-0123456789',
    baseURL: process.argv[2],
    maxRetries: 0,
    ...(options as object),
  });
  outcome = { count: (await client.models.list()).data.length };
} catch (error) {
  const { name, message } = error instanceof Error ? error : new Error(String(error));
  outcome = { error: { name, message: message.length > 400 ? `${message.slice(0, 400)}…` : message } };
}
clearInterval(sampler);
sample();
// getrusage's high-water mark catches a peak between two samples (KiB on Linux).
peak = Math.max(peak, process.resourceUsage().maxRSS * 1024);
// Exit at once: a body the client failed to cancel must not keep the child (and the test) waiting.
process.stdout.write(`${JSON.stringify({ peakRSS: peak, ...outcome })}\n`, () => process.exit(0));
