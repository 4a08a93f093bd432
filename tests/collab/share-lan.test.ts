import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { samplePage } from '../../bench/pages';
import { parseInvitation } from '../../src-core/collab/invitation';
import { JoinedPageDocs } from '../../src-core/collab/joined-page';
import { CollabSession } from '../../src-renderer/collab/session/session';
import type { SharedPageInfo } from '../../src-core/host-api';
import { PageStore } from '../../src-core/store/page-store';
import { dispatchHostCall, sharingOf, stopSharing } from '../../src-main/host/handlers';
import { sandboxAccess, type HostEnv } from '../../src-main/host/page-files';
import { tempDir, until } from './support';

/**
 * 文件 → 共享此版面 on the LAN, as the desktop app does it: wss:// on every address with a
 * self-signed certificate the host makes, its fingerprint in the invitation; a desk that trusts that
 * one certificate joins over it. (Electron's pinning itself needs an Electron binary: not here.)
 */

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const tmp = tempDir('banmian-share-lan-');
const env: HostEnv = { files: { ...sandboxAccess(tmp.dir), kind: 'electron' }, autosaveSeconds: 30 };
afterAll(async () => {
  await stopSharing(env);
  tmp.remove();
});

describe.skipIf(!hasOpenssl)('sharing on the local network', () => {
  it('serves wss:// with a certificate whose fingerprint is in the invitation; a desk trusting it joins', async () => {
    const started = await dispatchHostCall('shareStart', [{ deskName: '王组版', proofreaderName: '赵校对', lan: true }], env);
    if ('rejected' in started || !started.ok) {
      // A machine without a network interface says so clearly; nothing else is acceptable.
      expect(started).toMatchObject({ ok: false, zh: '这台电脑没有连接局域网' });
      return;
    }
    const info = started.value as SharedPageInfo;
    const certPem = readFileSync(join(tmp.dir, '.banmian-state', 'collab', 'tls', 'cert.pem'));
    expect(statSync(join(tmp.dir, '.banmian-state', 'collab', 'tls', 'key.pem')).mode & 0o077).toBe(0);
    const fingerprint = new X509Certificate(certPem).fingerprint256;
    expect(info.fingerprint).toBe(fingerprint);
    expect(info.deskUrl).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
    expect(info.addresses.every((a) => /^wss:\/\/\d+\.\d+\.\d+\.\d+:\d+$/.test(a))).toBe(true);
    const invitation = parseInvitation(info.invitations[0].invitation);
    if (!invitation.ok) throw new Error(invitation.en);
    expect(invitation).toMatchObject({ server: info.addresses[0], fingerprint });
    expect(sharingOf(env).isTrustedCertificate(fingerprint)).toBe(true);
    // another fingerprint: its first digit changed (replacing it with a fixed one failed when the certificate's began with it)
    const other = `${fingerprint[0] === '0' ? '1' : '0'}${fingerprint.slice(1)}`;
    expect(sharingOf(env).isTrustedCertificate(other)).toBe(false);

    class PinnedWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, { ca: certPem });
      }
    }
    const store = new PageStore(samplePage());
    const desk = new CollabSession({ url: info.deskUrl, token: info.deskToken, pageId: info.pageId, user: { name: '王组版', role: '组版' }, docs: store, WebSocket: PinnedWebSocket });
    const joined = new JoinedPageDocs();
    const remote = new CollabSession({ url: invitation.server, token: invitation.token, pageId: invitation.pageId, docs: joined, createArticleDoc: joined.createArticleDoc, WebSocket: PinnedWebSocket, reconnectDelay: 100 });
    try {
      await desk.whenSynced();
      expect(await remote.identify()).toEqual({ ok: true, name: '赵校对', role: '校对' });
      await until('the page reaches the LAN desk', () => joined.articleIds().length === store.articleIds().length && joined.articleIds().every((id) => joined.articleDoc(id)));
      await remote.whenSynced();
      expect(joined.snapshot().blocks).toEqual(store.snapshot().blocks);
    } finally {
      remote.destroy();
      desk.destroy();
    }
    expect(await dispatchHostCall('shareStop', [], env)).toEqual({ ok: true, value: null });
  });
});
