import { readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { SESSION_HEADER } from '../../src-core/host-api';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { chromiumAvailable, launchChromium } from '../support/browser';

interface RawAnswer {
  status: number;
  body: string;
}

/** A request with any headers (fetch will not set Host), optionally streaming `bodyBytes` of zeros. */
function raw(url: string, path: string, headers: Record<string, string>, bodyBytes = 0): Promise<RawAnswer> {
  return new Promise((done, fail) => {
    const req = request(new URL(path, url), { method: 'POST', headers, agent: false }, (res) => {
      let body = '';
      res.on('data', (b: Buffer) => (body += b.toString()));
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    const chunk = Buffer.alloc(Math.min(bodyBytes, 1 << 20));
    let left = bodyBytes;
    const pump = (): void => {
      while (left > 0) {
        left -= chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      req.end();
    };
    // an over-limit body is answered before it is all sent; the client stops on the answer
    req.on('response', () => (left = 0));
    pump();
  });
}

describe('the web host answers only its own app (cross-site writes, DNS rebinding, floods)', () => {
  let host: WebHost;
  let port: number;
  const ok = () => ({ host: `127.0.0.1:${port}`, 'content-type': 'application/json', [SESSION_HEADER]: host.secret });

  beforeAll(async () => {
    host = await startWebHost({ port: 0 });
    port = Number(new URL(host.url).port);
  });
  afterAll(async () => {
    await host?.close();
  });

  it('answers a same-origin call that carries the session secret', async () => {
    const r = await raw(host.url, 'api/listFonts', ok());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body).ok).toBe(true);
  });

  it('refuses a spoofed Host (DNS rebinding) with 403, for the API and the files alike, and leaks no share token', async () => {
    for (const path of ['api/shareStart', 'api/listPages', 'index.html']) {
      const r = await raw(host.url, path, { ...ok(), host: `rebind.example:${port}` });
      expect(r.status, path).toBe(403);
      expect(r.body, path).not.toMatch(/token|invitation/i);
    }
  });

  it('refuses another origin, a missing or wrong secret and a non-JSON body with 403', async () => {
    const cases: Record<string, Record<string, string>> = {
      'other origin': { ...ok(), origin: 'http://evil.example' },
      'cross-site fetch metadata': { ...ok(), 'sec-fetch-site': 'cross-site' },
      'no secret': { host: `127.0.0.1:${port}`, 'content-type': 'application/json' },
      'wrong secret': { ...ok(), [SESSION_HEADER]: 'x'.repeat(host.secret.length) },
      'text/plain': { ...ok(), 'content-type': 'text/plain' },
    };
    for (const [name, headers] of Object.entries(cases)) {
      const r = await raw(host.url, 'api/listPages', headers);
      expect(r.status, name).toBe(403);
      expect(JSON.parse(r.body), name).toMatchObject({ ok: false, zh: expect.any(String), en: expect.any(String) });
    }
  });

  it('answers an over-limit body with 413 before reading it, without holding it in memory', async () => {
    const before = process.memoryUsage().rss;
    const declared = await raw(host.url, 'api/listPages', { ...ok(), 'content-length': String(380 * 1024 * 1024) }, 380 * 1024 * 1024);
    expect(declared.status).toBe(413);
    expect(JSON.parse(declared.body).en).toContain('limit');
    const chunked = await raw(host.url, 'api/listFonts', { ...ok(), 'transfer-encoding': 'chunked' }, 4 * 1024 * 1024);
    expect(chunked.status).toBe(413);
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('answers a malformed method name with 400, not 500', async () => {
    for (const path of ['api/%E0%A4%A', 'api/%00', 'api/list%2FPages']) {
      expect((await raw(host.url, path, ok())).status, path).toBe(400);
    }
  });
});

describe.skipIf(!chromiumAvailable())('a page from another site in the same browser', () => {
  let host: WebHost;
  let evil: Server;
  let browser: Browser;

  beforeAll(async () => {
    host = await startWebHost({ port: 0 });
    writeFileSync(join(host.sandbox, 'today.banmian'), 'the page as saved');
    evil = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><title>evil</title>');
    });
    await new Promise<void>((done) => evil.listen(0, '127.0.0.1', () => done()));
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    evil?.close();
    await host?.close();
  });

  it('cannot overwrite a page with a no-cors POST', async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${(evil.address() as { port: number }).port}/`);
    const sample = (await (await fetch(new URL('api/startupPage', host.url), { method: 'POST', headers: { 'content-type': 'application/json', [SESSION_HEADER]: host.secret } })).json()).value.document;
    await page.evaluate(
      async ({ url, body }) => {
        await fetch(`${url}api/savePage`, { method: 'POST', mode: 'no-cors', headers: { 'Content-Type': 'text/plain' }, body });
        await fetch(`${url}api/savePage`, { method: 'POST', mode: 'no-cors', body }).catch(() => undefined);
      },
      { url: host.url, body: JSON.stringify([JSON.stringify(sample), 'today.banmian']) },
    );
    expect(readFileSync(join(host.sandbox, 'today.banmian'), 'utf8')).toBe('the page as saved');
    await page.close();
  });
});
