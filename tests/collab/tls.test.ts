import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { JoinedPageDocs } from '../../src-core/collab/joined-page';
import { CollabSession } from '../../src-renderer/collab/session/session';
import { startCollabServer } from '../../src-main/server/server';
import { root, tempDir, token, until } from './support';

/** Beyond localhost only with TLS: served directly (wss://) with a certificate, or refused at start. */

const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
const tmp = tempDir('banmian-tls-');
afterAll(() => tmp.remove());

describe('TLS and where the server listens', () => {
  it('refuses to listen beyond loopback in the clear, with a bilingual message', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(root, 'src-main/server/cli.ts'), '--host', '0.0.0.0', '--port', '0', '--data', join(tmp.dir, 'd0'), '--users', join(tmp.dir, 'u0.json')], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('需要 TLS');
    expect(r.stderr).toContain('needs TLS');
  });

  it.skipIf(!hasOpenssl)('serves wss:// with a certificate, and a desk syncs over it', async () => {
    const key = join(tmp.dir, 'key.pem');
    const cert = join(tmp.dir, 'cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '1', '-subj', '/CN=localhost', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'pipe' });
    const usersFile = join(tmp.dir, 'users.json');
    const server = await startCollabServer({ port: 0, dataDir: join(tmp.dir, 'data'), usersFile, tls: { key: readFileSync(key), cert: readFileSync(cert) } });
    const ca = readFileSync(cert);
    // the desk trusts this one certificate, as a newsroom would install its own CA
    class TrustingWebSocket extends WebSocket {
      constructor(url: string) {
        super(url, { ca });
      }
    }
    try {
      expect(server.url).toMatch(/^wss:\/\/127\.0\.0\.1:\d+$/);
      const docs = new JoinedPageDocs();
      const session = new CollabSession({ url: server.url, token: token(usersFile, '王组版', '组版'), pageId: 'tls', user: { name: '王组版', role: '组版' }, docs, WebSocket: TrustingWebSocket });
      try {
        docs.layoutDoc.getMap('header').set('date', '2024-03-03');
        await session.whenSynced();
        await until('stored on the server', () => server.hocuspocus.documents.get('banmian/tls/layout')?.getMap('header').get('date') === '2024-03-03');
      } finally {
        session.destroy();
      }
      // a desk that does not trust the certificate does not connect
      const untrusting = new CollabSession({ url: server.url, token: 'x', pageId: 'tls', user: { name: '某', role: '校对' }, docs: new JoinedPageDocs(), WebSocket, reconnectDelay: 100 });
      const states: string[] = [];
      untrusting.subscribe(() => states.push(untrusting.status().connection));
      try {
        await until('the handshake fails', () => states.includes('offline'));
        expect(states).not.toContain('online');
      } finally {
        untrusting.destroy();
      }
    } finally {
      await server.close();
    }
  });
});
