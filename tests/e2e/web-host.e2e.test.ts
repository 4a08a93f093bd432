import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src-main/host/csp';
import { SESSION_HEADER } from '../../src-core/host-api';
import { findProjectRoot, startupPage } from '../../src-main/host/handlers';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { FONT_SOURCES } from '../../src-main/fonts/provider';

const root = findProjectRoot();

describe('the local web host', () => {
  let host: WebHost;
  const post = (method: string, body?: string) => fetch(new URL(`api/${method}`, host.url), { method: 'POST', headers: { 'Content-Type': 'application/json', [SESSION_HEADER]: host.secret }, body });

  beforeAll(async () => {
    if (!existsSync(join(root, 'dist-web/index.html'))) throw new Error('dist-web/ is not built: run `npm run test:e2e` (or `npm run web:build` first)');
    host = await startWebHost({ port: 0 });
  });
  afterAll(async () => {
    await host?.close();
  });

  it('listens on 127.0.0.1 only', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the built renderer with the CSP header', async () => {
    const res = await fetch(host.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('<div id="root">');
  });

  it('keeps the <meta> CSP of index.html equal to the header', () => {
    for (const file of [join(root, 'src-renderer/index.html'), join(root, 'dist-web/index.html')]) {
      const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(readFileSync(file, 'utf8'));
      expect(meta?.[1], file).toBe(CONTENT_SECURITY_POLICY);
    }
  });

  it('answers API calls with the CSP header too', async () => {
    const res = await post('listFonts', '[]');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    const body = await res.json();
    expect(body.ok).toBe(true);
    // the bundled faces, then whatever the machine has installed (sys-…)
    const ids: string[] = body.value.map((f: { id: string }) => f.id);
    expect(ids.filter((id) => !id.startsWith('sys-')).sort()).toEqual(FONT_SOURCES.flatMap((s) => s.faces()).map((f) => f.id).sort());
  });

  it('opens the sample page', async () => {
    const body = await (await post('startupPage')).json();
    expect(body.ok).toBe(true);
    expect(body.value.title).toBe('luoyang-page.banmian');
    expect(body.value.document.formatVersion).toBe(1);
  });

  it('sends font bytes as application/octet-stream', async () => {
    const res = await post('fontBytes', '["song-regular"]');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBeGreaterThan(1_000_000);
    expect([...bytes.slice(0, 4)]).toEqual([0, 1, 0, 0]); // TrueType sfnt version
  });

  it('refuses an unknown method with 400 and a bilingual error', async () => {
    const res = await post('deleteEverything', '[]');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.zh).toContain('未知');
    expect(body.en).toContain('Unknown host method');
  });

  it('refuses a font id that is a path with 400', async () => {
    const res = await post('fontBytes', JSON.stringify(['../../etc/passwd']));
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.zh).toBeTruthy();
    expect(body.en).toMatch(/font face id/);
  });

  it('refuses wrong arguments, bad JSON and other verbs', async () => {
    expect((await post('fontBytes', '[]')).status).toBe(400);
    expect((await post('fontBytes', '"song-regular"')).status).toBe(400);
    expect((await post('listFonts', '["x"]')).status).toBe(400);
    expect((await post('startupPage', '{not json')).status).toBe(400);
    expect((await post('constructor', '[]')).status).toBe(400);
    expect((await fetch(new URL('api/listFonts', host.url))).status).toBe(405);
  });

  it('answers a well-formed id it does not have with a HostResult error', async () => {
    // no 仿宋 with an open licence ships
    const body = await (await post('fontBytes', '["fangsong-regular"]')).json();
    expect(body).toMatchObject({ ok: false });
    expect(body.en).toContain('fangsong-regular');
  });

  it('keeps pages inside its sandbox folder and validates every argument', async () => {
    const sample = (await (await post('startupPage')).json()).value.document;
    const saved = await (await post('savePage', JSON.stringify([JSON.stringify(sample), 'api/test.banmian']))).json();
    expect(saved).toMatchObject({ ok: true, value: { path: 'api/test.banmian', title: 'test.banmian' } });
    expect(existsSync(join(host.sandbox, 'api/test.banmian'))).toBe(true);
    const opened = await (await post('openPage', JSON.stringify(['api/test.banmian']))).json();
    expect(opened.value.document.blocks.length).toBe(sample.blocks.length);
    const listed = await (await post('listPages', '[]')).json();
    expect(listed.value.map((f: { path: string }) => f.path)).toContain('api/test.banmian');
    for (const bad of ['../outside.banmian', '/etc/passwd.banmian', 'a/../../x.banmian', '.hidden.banmian', 'notes.txt', 'c:\\x.banmian']) {
      const r = await (await post('openPage', JSON.stringify([bad]))).json();
      expect(r.ok, bad).toBe(false);
      expect(r.en, bad).toMatch(/Invalid file name|must end in/);
    }
    // The web host has no dialogs: a null path is refused with a message, not a crash.
    expect((await (await post('openPage', '[null]')).json()).en).toMatch(/no system dialogs/);
    // Garbage page data is refused before anything is written.
    const refused = await (await post('savePage', JSON.stringify(['{"formatVersion": 1}', 'bad.banmian']))).json();
    expect(refused.ok).toBe(false);
    expect(existsSync(join(host.sandbox, 'bad.banmian'))).toBe(false);
    expect((await post('savePage', JSON.stringify([42, 'x.banmian']))).status).toBe(400);
    expect((await post('exportPdf', JSON.stringify(['{}', 'x.pdf', { bleedMm: -1 }]))).status).toBe(400);
    expect((await post('exportPdf', JSON.stringify(['{}', 'x.pdf', { shell: 'rm' }]))).status).toBe(400);
    expect((await post('importFiles', JSON.stringify([[]]))).status).toBe(400);
  });

  it('serves nothing outside dist-web', async () => {
    for (const path of ['%2e%2e/package.json', '..%2f..%2fpackage.json', '%2e%2e%2fsrc-main%2fhost%2fhandlers.ts']) {
      const res = await fetch(host.url + path);
      expect([403, 404], path).toContain(res.status);
    }
  });

  it('turns a broken sample file into a bilingual error, not an exception', async () => {
    const fake = mkdtempSync(join(tmpdir(), 'banmian-root-'));
    mkdirSync(join(fake, 'assets/samples'), { recursive: true });
    writeFileSync(join(fake, 'assets/samples/luoyang-page.banmian'), '{"formatVersion": 1, "page": ');
    process.env.BANMIAN_ROOT = fake;
    try {
      const result = await startupPage();
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.zh).toContain('luoyang-page.banmian');
        expect(result.en).toContain('JSON');
      }
    } finally {
      delete process.env.BANMIAN_ROOT;
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
