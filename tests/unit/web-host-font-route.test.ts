import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../src-core/host-api';
import { fontProvider } from '../../src-main/fonts/provider';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';

/**
 * The web host's font route: fontBytes answers with the face's content address, and that address
 * is served as immutable, so the browser keeps the fonts between launches.
 */
describe('the web host serves fonts by content address', () => {
  let host: WebHost;
  const askFor = (id: string) =>
    fetch(new URL('api/fontBytes', host.url), { method: 'POST', redirect: 'manual', headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: host.secret }, body: JSON.stringify([id]) });
  beforeAll(async () => {
    host = await startWebHost({ port: 0 });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('answers fontBytes with 303 to /fonts/<id>.<first 16 hex of the bytes’ SHA-256>, itself not cached', async () => {
    const expected = createHash('sha256').update(fontProvider().bytes('song-regular')!).digest('hex').slice(0, 16);
    const res = await askFor('song-regular');
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/fonts/song-regular.${expected}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    // The same address every time: the hash is of the content, not of the moment.
    expect((await askFor('song-regular')).headers.get('location')).toBe(`/fonts/song-regular.${expected}`);
    expect((await askFor('hei-regular')).headers.get('location')).toMatch(/^\/fonts\/hei-regular\.[0-9a-f]{16}$/);
  });

  it('serves the address with the face’s bytes, cached for a year as immutable', async () => {
    const location = (await askFor('hei-bold')).headers.get('location')!;
    const res = await fetch(new URL(location, host.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes).equals(Buffer.from(fontProvider().bytes('hei-bold')!))).toBe(true);
    expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
    const head = await fetch(new URL(location, host.url), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('refuses a stale hash, an unknown face and a malformed address with a bilingual 404, never cached', async () => {
    for (const path of ['/fonts/song-regular.0123456789abcdef', '/fonts/nosuch-face.0123456789abcdef', '/fonts/song-regular', '/fonts/song-regular.ttf']) {
      const res = await fetch(new URL(path, host.url));
      expect(res.status, path).toBe(404);
      expect(res.headers.get('cache-control'), path).toBe('no-store');
      const body = await res.json();
      expect(body.ok).toBe(false);
      expect(body.zh, path).toMatch(/字体|找不到/);
      expect(body.en, path).toMatch(/font|Not found/i);
    }
    expect((await fetch(new URL('/fonts/song-regular.0123456789abcdef', host.url), { method: 'POST' })).status).toBe(405);
  });

  it('still refuses an invalid face id before any redirect', async () => {
    const res = await askFor('../../etc/passwd');
    expect(res.status).toBe(400);
    expect((await res.json()).en).toMatch(/font face id/);
  });
});

describe('the web host caches only the build’s hashed assets', () => {
  let host: WebHost;
  const root = mkdtempSync(join(tmpdir(), 'banmian-dist-'));
  beforeAll(async () => {
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'index.html'), '<!doctype html><head></head><div id="root"></div>');
    writeFileSync(join(root, 'assets/index-AbC123.js'), 'console.log(1)');
    writeFileSync(join(root, 'other.js'), 'console.log(2)');
    host = await startWebHost({ port: 0, root });
  });
  afterAll(async () => {
    await host?.close();
    rmSync(root, { recursive: true, force: true });
  });
  const cacheOf = async (path: string) => {
    const res = await fetch(new URL(path, host.url));
    return `${res.status} ${res.headers.get('cache-control')}`;
  };

  it('keeps assets/ for a year and never index.html (it carries the session secret) nor anything else', async () => {
    expect(await cacheOf('/assets/index-AbC123.js')).toBe('200 public, max-age=31536000, immutable');
    expect(await cacheOf('/')).toBe('200 no-store');
    expect(await cacheOf('/index.html')).toBe('200 no-store');
    expect(await cacheOf('/other.js')).toBe('200 no-store');
    // An escaped way out of assets/ is the file it names, not an asset.
    expect(await cacheOf('/assets/..%2Findex.html')).toBe('200 no-store');
    expect(await cacheOf('/assets/missing-1.js')).toBe('404 no-store');
  });
});
