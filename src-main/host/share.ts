import { execFileSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { HostResult, ShareInvitation, ShareRequest, SharedPageInfo } from '../../src-core/host-api';
import { formatInvitation } from '../../src-core/collab/invitation';
import type { Role } from '../../src-core/collab/roles';
import { CollabServerError, startCollabServer, type CollabServer } from '../server/server';
import { SqliteDriverError } from '../server/sqlite-driver';
import { writeFileAtomic } from '../files/banmian-file';
import { parseSavedShare, type SavedShare } from './saved-share';
import { UsersFileError, addUser, listUsers, removeUser } from '../server/users';

/**
 * 文件 → 共享此版面 in the host process: the collaboration server of src-main/server, started on
 * request with its database and users file in the host's state folder (`<state>/collab`), one page
 * shared at a time. Every share gets a fresh page id and fresh tokens, granted that page only;
 * stopping revokes them (and starting again revokes any left by a share that never stopped).
 *
 * On this machine only the server listens on 127.0.0.1 with ws://. On the LAN it listens on every
 * address with wss://, using a self-signed certificate the host makes once with openssl; its SHA-256
 * fingerprint goes into the invitations, and the apps trust exactly that certificate (Electron main
 * pins it, see `isTrustedCertificate`).
 *
 * A share lasts until it is stopped: its settings (port, page id, tokens) are kept in `share.json`
 * next to the database, and a host that starts again after a crash resumes it (`resume`) at the same
 * address with the same page and tokens, so the desks reconnect by themselves and nothing is lost.
 */

export interface PageSharingOptions {
  /** Folder for the database, the users file and the certificate. */
  folder: string;
  /** Whether this host may listen beyond loopback (Electron yes; the web host, for tests, no). */
  allowLan: boolean;
}

const fail = <T>(zh: string, en: string): HostResult<T> => ({ ok: false, zh, en });
const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function newPageId(): string {
  const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
  return `p${day}-${randomBytes(4).toString('hex')}`;
}

/** The machine's LAN addresses (IPv4, not loopback), where the others reach the server. */
function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

/** The certificate for wss:// on the LAN: made once with openssl, kept in the state folder. */
function lanCertificate(folder: string, hosts: string[]): { key: Buffer; cert: Buffer; fingerprint: string } {
  const dir = join(folder, 'tls');
  const keyFile = join(dir, 'key.pem');
  const certFile = join(dir, 'cert.pem');
  if (!existsSync(keyFile) || !existsSync(certFile)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const names = ['IP:127.0.0.1', ...hosts.map((h) => `IP:${h}`)].join(',');
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', keyFile, '-out', certFile, '-days', '3650', '-subj', '/CN=Banmian shared page', '-addext', `subjectAltName=${names}`], { stdio: 'ignore' });
      chmodSync(keyFile, 0o600);
    } catch (e) {
      const missing = (e as NodeJS.ErrnoException).code === 'ENOENT';
      throw new CollabServerError(
        missing ? '局域网共享需要 openssl 生成证书，本机未安装；请安装 openssl，或只在本机共享、或使用报社的协作服务器' : `无法生成局域网证书：${describe(e)}`,
        missing ? 'Sharing on the network needs openssl to make a certificate, and it is not installed: install it, share on this machine only, or use the newsroom server' : `Cannot make the network certificate: ${describe(e)}`,
      );
    }
  }
  const cert = readFileSync(certFile);
  return { key: readFileSync(keyFile), cert, fingerprint: new X509Certificate(cert).fingerprint256 };
}

export class PageSharing {
  private current: { server: CollabServer; info: SharedPageInfo; userIds: string[] } | undefined;
  private readonly trusted = new Set<string>();

  constructor(private readonly options: PageSharingOptions) {}

  private get usersFile(): string {
    return join(this.options.folder, 'users.json');
  }

  /** Waits for a resume under way, so a desk asking right after its host started finds the share. */
  async status(): Promise<HostResult<SharedPageInfo | null>> {
    await this.resuming;
    return { ok: true, value: this.current?.info ?? null };
  }

  async start(request: ShareRequest): Promise<HostResult<SharedPageInfo>> {
    if (this.current) return fail('本版面已在共享中；请先停止共享', 'A page is already being shared: stop sharing first');
    if (request.lan && !this.options.allowLan) return fail('此宿主只能在本机共享（局域网共享请使用桌面版）', 'This host shares on this machine only (use the desktop app to share on the network)');
    const { folder } = this.options;
    let server: CollabServer | undefined;
    const userIds: string[] = [];
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      // Tokens left by a share that never stopped (the app was killed) must not keep working.
      for (const u of listUsers(this.usersFile)) removeUser(this.usersFile, u.id);
      const pageId = newPageId();
      const hosts = request.lan ? lanAddresses() : [];
      if (request.lan && hosts.length === 0) return fail('这台电脑没有连接局域网', 'This computer is not on a network');
      const tls = request.lan ? lanCertificate(folder, hosts) : undefined;
      server = await this.launch(0, request.lan, tls);
      const grant = (name: string, role: Role): string => {
        const { user, token } = addUser(this.usersFile, name, role, [pageId]);
        userIds.push(user.id);
        return token;
      };
      const deskUrl = request.lan ? `wss://127.0.0.1:${server.port}` : server.url;
      const addresses = request.lan ? hosts.map((h) => `wss://${h}:${server!.port}`) : [server.url];
      const deskToken = grant(request.deskName, '组版');
      const invite = (name: string, role: Role): ShareInvitation => ({ role, name, invitation: formatInvitation({ server: addresses[0], pageId, token: grant(name, role), fingerprint: tls?.fingerprint }) });
      const invitations = [invite(request.proofreaderName, '校对'), ...(request.dutyEditorName ? [invite(request.dutyEditorName, '值班编辑')] : [])];
      if (tls) this.trusted.add(tls.fingerprint);
      const info: SharedPageInfo = { pageId, deskUrl, deskToken, addresses, ...(tls ? { fingerprint: tls.fingerprint } : {}), invitations, startedAt: new Date().toISOString(), deskName: request.deskName };
      const saved = writeFileAtomic(this.shareFile, JSON.stringify({ format: 1, port: server.port, lan: request.lan, userIds, info } satisfies SavedShare));
      if (!saved.ok) throw new CollabServerError(`无法保存共享设置：${saved.zh}`, `Cannot keep the share's settings: ${saved.en}`);
      this.current = { server, info, userIds };
      return { ok: true, value: info };
    } catch (e) {
      for (const id of userIds) removeUser(this.usersFile, id);
      await server?.close();
      if (e instanceof CollabServerError || e instanceof UsersFileError || e instanceof SqliteDriverError) return fail(e.zh, e.en);
      return fail(`无法启动共享：${describe(e)}`, `Cannot start sharing: ${describe(e)}`);
    }
  }

  async stop(): Promise<HostResult<null>> {
    const current = this.current;
    if (!current) return { ok: true, value: null };
    this.current = undefined;
    try {
      rmSync(this.shareFile, { force: true });
      for (const id of current.userIds) removeUser(this.usersFile, id);
      await current.server.close();
      return { ok: true, value: null };
    } catch (e) {
      return fail(`停止共享时出错：${describe(e)}`, `Stopping the share failed: ${describe(e)}`);
    }
  }

  /**
   * Resumes the share a crashed host left running (`share.json`): the same port, page id and tokens,
   * the same database. Null when there was none. When the port is taken the settings stay, so a
   * later start can try again; stopping the share forgets them.
   */
  resume(): Promise<HostResult<SharedPageInfo | null>> {
    this.resuming ??= this.resumeSaved();
    return this.resuming;
  }

  private resuming: Promise<HostResult<SharedPageInfo | null>> | undefined;

  private async resumeSaved(): Promise<HostResult<SharedPageInfo | null>> {
    if (this.current) return { ok: true, value: this.current.info };
    if (!existsSync(this.shareFile)) return { ok: true, value: null };
    let saved: SavedShare;
    try {
      const parsed = parseSavedShare(readFileSync(this.shareFile, 'utf8'), this.shareFile);
      if (!parsed.ok) return parsed;
      saved = parsed.saved;
      if (saved.lan && !this.options.allowLan) return fail(`${this.shareFile} 是局域网共享，此宿主只能在本机共享`, `${this.shareFile} is a network share and this host shares on this machine only`);
      const tls = saved.lan ? lanCertificate(this.options.folder, lanAddresses()) : undefined;
      if (tls && tls.fingerprint !== saved.info.fingerprint) return fail(`${this.shareFile}：局域网证书已更换，原邀请不再有效，请重新共享`, `${this.shareFile}: the network certificate changed, the old invitations no longer work: share again`);
      if (tls) this.trusted.add(tls.fingerprint);
      const server = await this.launch(saved.port, saved.lan, tls);
      this.current = { server, info: saved.info, userIds: saved.userIds };
      return { ok: true, value: saved.info };
    } catch (e) {
      const inUse = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
      if (inUse) return fail(`无法恢复共享：端口已被占用（${this.shareFile}），请关闭占用它的程序后重启，或停止共享后重新共享`, `Cannot resume the share: its port is taken (${this.shareFile}); close what uses it and restart, or stop and share again`);
      if (e instanceof CollabServerError || e instanceof UsersFileError || e instanceof SqliteDriverError) return fail(e.zh, e.en);
      return fail(`无法恢复共享：${describe(e)}`, `Cannot resume the share: ${describe(e)}`);
    }
  }

  private get shareFile(): string {
    return join(this.options.folder, 'share.json');
  }

  private launch(port: number, lan: boolean, tls: { key: Buffer; cert: Buffer } | undefined): Promise<CollabServer> {
    return startCollabServer({ port, host: lan ? '0.0.0.0' : '127.0.0.1', dataDir: join(this.options.folder, 'data'), usersFile: this.usersFile, tls: tls && { key: tls.key, cert: tls.cert }, name: 'banmian-share' });
  }

  /** A joining desk trusts the certificate fingerprint its invitation names. */
  trust(fingerprint: string): void {
    this.trusted.add(fingerprint.toUpperCase());
  }

  /** For Electron main's certificate check: SHA-256 as hex pairs with colons, as in the invitation. */
  isTrustedCertificate(fingerprint: string): boolean {
    return this.trusted.has(fingerprint.toUpperCase());
  }
}
