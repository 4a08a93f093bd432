/**
 * A Chromium trace of a page while something runs, read back as its events (the DevTools protocol's
 * Tracing domain, streamed): the bench's main-thread figures and the browser tests' layout checks.
 */
import type { CDPSession, Page } from 'playwright-core';

/** Runs `fn` with a trace of the page on (the given categories) and returns the trace's events, of the caller's shape. */
export async function recordTrace<E>(page: Page, categories: string[], fn: () => Promise<void>): Promise<E[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: categories }, transferMode: 'ReturnAsStream' });
  // (ended and read however fn ends, so that the page is never left tracing)
  const ran = await fn().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  const events = await endTrace<E>(cdp);
  await cdp.detach();
  if (ran) throw ran.error;
  return events;
}

async function endTrace<E>(cdp: CDPSession): Promise<E[]> {
  const complete = new Promise<{ stream?: string }>((done) => cdp.once('Tracing.tracingComplete', done));
  await cdp.send('Tracing.end');
  const { stream } = await complete;
  let text = '';
  for (;;) {
    const chunk = await cdp.send('IO.read', { handle: stream! });
    text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
    if (chunk.eof) break;
  }
  await cdp.send('IO.close', { handle: stream! });
  const parsed = JSON.parse(text) as { traceEvents?: E[] } | E[];
  return Array.isArray(parsed) ? parsed : (parsed.traceEvents ?? []);
}
