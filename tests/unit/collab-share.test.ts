import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkServerAddress, formatInvitation, parseInvitation } from '../../src-core/collab/invitation';
import type { SharedPageInfo } from '../../src-core/host-api';
import { checkCall, dispatchHostCall, stopSharing } from '../../src-main/host/handlers';
import { sandboxAccess, type HostEnv } from '../../src-main/host/page-files';
import { UserDirectory, mayOpen } from '../../src-main/server/users';

const TOKEN = 'bm1.u0123456789ab.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';
const FP = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).padStart(2, '0').toUpperCase()).join(':');

describe('invitations (src-core/collab/invitation.ts)', () => {
  it('round-trips address, page, token and fingerprint through one line', () => {
    const line = formatInvitation({ server: 'wss://192.168.1.20:41234', pageId: 'p20240115-a1b2c3d4', token: TOKEN, fingerprint: FP });
    expect(line.startsWith('banmian:join?server=wss%3A%2F%2F192.168.1.20%3A41234&page=p20240115-a1b2c3d4&token=bm1.')).toBe(true);
    expect(parseInvitation(`  ${line}\n`)).toEqual({ ok: true, server: 'wss://192.168.1.20:41234', pageId: 'p20240115-a1b2c3d4', token: TOKEN, fingerprint: FP });
    expect(parseInvitation(formatInvitation({ server: 'ws://127.0.0.1:1234', pageId: 'pg', token: TOKEN }))).toEqual({ ok: true, server: 'ws://127.0.0.1:1234', pageId: 'pg', token: TOKEN });
  });

  it('refuses damaged invitations with a clear bilingual reason', () => {
    const good = formatInvitation({ server: 'ws://127.0.0.1:1234', pageId: 'pg', token: TOKEN });
    expect(parseInvitation('hello')).toMatchObject({ ok: false, zh: expect.stringContaining('邀请码无效'), en: expect.stringContaining('invitation') });
    expect(parseInvitation(good.slice(0, -30))).toMatchObject({ ok: false, zh: expect.stringContaining('令牌无效') });
    expect(parseInvitation(good.replace('page=pg', 'page=..%2Fetc'))).toMatchObject({ ok: false, zh: '版面编号无效' });
    expect(parseInvitation(good.replace('127.0.0.1', '10.0.0.5'))).toMatchObject({ ok: false, zh: expect.stringContaining('wss://') });
    expect(parseInvitation(`${good}&fp=AB:CD`)).toMatchObject({ ok: false, zh: '证书指纹无效' });
    expect(parseInvitation(good.replace('%3A%2F%2F', '%E0%A4%A'))).toMatchObject({ ok: false });
  });

  it('accepts ws:// only on loopback and wss:// anywhere', () => {
    expect(checkServerAddress('ws://127.0.0.1:1234/')).toEqual({ ok: true, url: 'ws://127.0.0.1:1234' });
    expect(checkServerAddress('ws://localhost:1234')).toMatchObject({ ok: true });
    expect(checkServerAddress('wss://collab.newsroom.example')).toMatchObject({ ok: true });
    expect(checkServerAddress('ws://collab.newsroom.example:1234')).toMatchObject({ ok: false });
    expect(checkServerAddress('http://127.0.0.1:1234')).toMatchObject({ ok: false });
    expect(checkServerAddress('wss://host:99999')).toMatchObject({ ok: false });
  });
});

describe('the host sharing a page (shareStart / shareStop / shareStatus)', () => {
  const folder = mkdtempSync(join(tmpdir(), 'banmian-share-'));
  const env: HostEnv = { files: sandboxAccess(folder), autosaveSeconds: 30 };
  afterAll(async () => {
    await stopSharing(env);
    rmSync(folder, { recursive: true, force: true });
  });

  it('checks every argument before anything starts', () => {
    const good = { deskName: '王组版', proofreaderName: '赵校对', lan: false };
    expect(checkCall('shareStart', [good])).toMatchObject({ rejected: false });
    expect(checkCall('shareStart', [{ ...good, dutyEditorName: '钱值班' }])).toMatchObject({ rejected: false });
    for (const bad of [[], [good, 1], [{ ...good, deskName: '' }], [{ ...good, proofreaderName: '  ' }], [{ ...good, deskName: '名'.repeat(41) }], [{ ...good, lan: 'yes' }], [{ ...good, admin: true }], [{ ...good, proofreaderName: 'a\u0000b' }], ['王组版']]) {
      expect(checkCall('shareStart', bad)).toMatchObject({ rejected: true, zh: expect.stringContaining('shareStart'), en: expect.stringContaining('proofreader') });
    }
    expect(checkCall('shareStop', [1])).toMatchObject({ rejected: true });
    expect(checkCall('shareStatus', [])).toMatchObject({ rejected: false });
    expect(checkCall('shareTrust', [FP])).toMatchObject({ rejected: false });
    expect(checkCall('shareTrust', ['sha256/abc'])).toMatchObject({ rejected: true });
  });

  it('starts the server on loopback with tokens granted for a fresh page only; stopping revokes them', async () => {
    expect(await dispatchHostCall('shareStatus', [], env)).toEqual({ ok: true, value: null });
    const lan = await dispatchHostCall('shareStart', [{ deskName: '王组版', proofreaderName: '赵校对', lan: true }], env);
    expect(lan).toMatchObject({ ok: false, zh: expect.stringContaining('只能在本机共享') });

    const started = await dispatchHostCall('shareStart', [{ deskName: ' 王组版 ', proofreaderName: '赵校对', dutyEditorName: '钱值班', lan: false }], env);
    if ('rejected' in started || !started.ok) throw new Error(JSON.stringify(started));
    const info = started.value as SharedPageInfo;
    expect(info.deskUrl).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(info.addresses).toEqual([info.deskUrl]);
    expect(info.invitations.map((i) => [i.role, i.name])).toEqual([
      ['校对', '赵校对'],
      ['值班编辑', '钱值班'],
    ]);
    const health = (await (await fetch(`${info.deskUrl.replace('ws:', 'http:')}/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);

    const users = join(folder, '.banmian-state', 'collab', 'users.json');
    expect(statSync(users).mode & 0o077).toBe(0);
    const directory = new UserDirectory(users);
    const proof = parseInvitation(info.invitations[0].invitation);
    if (!proof.ok) throw new Error(proof.en);
    expect(proof.pageId).toBe(info.pageId);
    const person = directory.authenticate(proof.token);
    expect(person).toMatchObject({ name: '赵校对', role: '校对' });
    expect(mayOpen(person!, info.pageId)).toBe(true);
    expect(mayOpen(person!, 'another-page')).toBe(false);
    expect(directory.authenticate(info.deskToken)).toMatchObject({ name: '王组版', role: '组版' });

    expect(await dispatchHostCall('shareStart', [{ deskName: '王组版', proofreaderName: '赵校对', lan: false }], env)).toMatchObject({ ok: false, zh: expect.stringContaining('已在共享') });
    expect(await dispatchHostCall('shareStatus', [], env)).toEqual({ ok: true, value: info });

    expect(await dispatchHostCall('shareStop', [], env)).toEqual({ ok: true, value: null });
    expect(await dispatchHostCall('shareStatus', [], env)).toEqual({ ok: true, value: null });
    await new Promise((r) => setTimeout(r, 20)); // a new mtime for the directory's reread
    expect(directory.authenticate(proof.token)).toBeUndefined();
    expect(directory.authenticate(info.deskToken)).toBeUndefined();
    await expect(fetch(`${info.deskUrl.replace('ws:', 'http:')}/health`)).rejects.toThrow();
  });
});
