/**
 * Issue 8 in Chromium: two browser pages on the web host, the layout editor (组版) and the
 * proofreader (校对), on one shared page.
 * 1. 文件 → 共享此版面 starts the server inside the web host; the proofreader joins with the
 *    invitation (name and role come from the token); each sees the other in the title bar and the
 *    proofreader's article outlined with their name on the canvas; the proofreader's tracked change
 *    appears on the editor's canvas (opening 一校 through the server); the editor accepts it; the print
 *    PDF exported through the HostApi has the accepted text (pdftotext); stopping the share.
 * 2. Offline: a server the test runs as a process is killed while the proofreader types → 离线 with
 *    the count of waiting changes; restarted → online and synced, nothing lost.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { formatInvitation } from '../../src-core/collab/invitation';
import { CollabSession } from '../../src-renderer/collab/session/session';
import { PageStore } from '../../src-core/store/page-store';
import { startWebHost, type WebHost } from '../../src-main/web-host/server';
import { chromiumAvailable, launchChromium } from '../support/browser';
import { NodeWebSocket } from '../support/node-websocket';
import { ServerProcess, bodyText, freePort, tempDir, token, until } from '../collab/support';
import { caretAfter, exportPrintPdf, hostSession, menu, openFitted, openStory, pageText, requireBuild, shot } from './workspace-support';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;

const status = (p: Page) => p.getByTestId('collab-status');

describe.skipIf(!chromiumAvailable())('two desks, one page: 共享此版面 in the web host', () => {
  const web = hostSession({ autosaveSeconds: 3600 });
  const { problems } = web;
  let editor: Page;
  let proofreader: Page;

  beforeAll(async () => {
    editor = await openFitted(web.browser, `${web.host.url}?role=组版&name=王组版`, problems);
    // The name and role the proofreader's address claims are replaced by the token's.
    proofreader = await openFitted(web.browser, `${web.host.url}?role=组版&name=冒名`, problems);
  });

  let invitation = '';

  it('文件 → 共享此版面 starts the server and shows the invitation for the proofreader', async () => {
    const p = editor;
    await menu(p, 'file', 'file.share');
    await p.getByTestId('dialog-share').waitFor();
    expect(await p.getByTestId('share-desk-name').inputValue()).toBe('王组版');
    expect(await p.getByTestId('share-lan').isDisabled()).toBe(true); // the web host shares on loopback only
    expect(await p.getByTestId('share-start').isDisabled()).toBe(true); // a proofreader's name is needed
    await p.getByTestId('share-proofreader-name').fill('赵校对');
    await p.getByTestId('share-start').click();
    const box = p.getByTestId('invitation-proofreader');
    await box.waitFor({ timeout: 30_000 });
    invitation = await box.getByTestId('invitation-text').inputValue();
    expect(invitation).toMatch(/^banmian:join\?server=ws%3A%2F%2F127\.0\.0\.1%3A\d+&page=p\d{8}-[0-9a-f]{8}&token=bm1\./);
    expect(await box.textContent()).toMatch(/给\s*赵校对（校对）的邀请/);
    expect(await p.getByTestId('share-address').innerText()).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    await shot(p, 'collab-share-dialog.png');
    await p.getByTestId('dialog-ok').click();
    await expect.poll(() => status(p).getAttribute('data-connection')).toBe('online');
    expect(await p.getByTestId('people').innerText()).toContain('王组版');
  });

  it('the proofreader joins with the invitation: role and name come from the token, each sees the other', async () => {
    const p = proofreader;
    await menu(p, 'file', 'file.join');
    await p.getByTestId('join-invitation').fill('banmian:join?server=nonsense');
    await p.getByTestId('join-ok').click();
    expect(await p.getByTestId('collab-error').first().innerText()).toContain('服务器地址应写作');
    await p.getByTestId('join-invitation').fill(invitation);
    await p.getByTestId('join-ok').click();
    await p.getByTestId('dialog-join').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => status(p).getAttribute('data-connection')).toBe('online');
    expect(await p.getByTestId('identity').getAttribute('data-role')).toBe('校对');
    expect(await p.getByTestId('identity').innerText()).toContain('赵校对');
    expect(await p.getByTestId('doc-title').innerText()).toContain('共享版面 p');
    for (const desk of [editor, p]) {
      await expect.poll(() => desk.getByTestId('person').allInnerTexts()).toHaveLength(2);
      const people = (await desk.getByTestId('person').allInnerTexts()).join(' ');
      expect(people).toContain('王组版');
      expect(people).toContain('赵校对');
    }
    // the same page on both desks
    expect((await pageText(p)).replace(/\s/g, '')).toBe((await pageText(editor)).replace(/\s/g, ''));
  });

  it("shows the proofreader's article outlined with their name on the editor's canvas, and their cursor in the story", async () => {
    await openStory(proofreader, 'b-nanguan');
    const outline = editor.locator('[data-testid="peer-outlines"] g[data-peer="赵校对"]');
    await outline.first().waitFor({ timeout: 15_000 });
    expect(await outline.first().getAttribute('data-role')).toBe('校对');
    expect(await outline.first().locator('text').textContent()).toBe('赵校对 校对');
    await caretAfter(proofreader, '为进一步');
    await openStory(editor, 'b-nanguan');
    const caret = editor.locator('.story-body .remote-caret-label');
    await caret.waitFor({ timeout: 15_000 });
    expect(await caret.innerText()).toBe('赵校对 校对');
    await shot(editor, 'collab-presence.png');
  });

  it("the proofreader's tracked change appears on the editor's canvas; the editor accepts it", async () => {
    await caretAfter(proofreader, '为进一步');
    await proofreader.keyboard.type('切实');
    await expect.poll(() => proofreader.getByTestId('story-body').locator('ins.bm-insertion').allInnerTexts()).toEqual(['切实']);
    // the first mark opened 一校, through the server (the layout document is read-only for 校对)
    await menu(editor, 'proof', 'proof.panel');
    await expect.poll(() => editor.getByTestId('round-state').innerText(), { timeout: 15_000 }).toBe('一校进行中');
    await menu(editor, 'proof', 'proof.view');
    await expect.poll(() => pageText(editor), { timeout: 15_000 }).toContain('切实');
    const item = editor.getByTestId('suggestion');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.innerText()).toMatch(/增\s*「切实」\s*赵校对 · 一校/);
    await shot(editor, 'collab-tracked-change.png');
    await item.getByTestId('accept').click();
    await expect.poll(() => item.count()).toBe(0);
    await menu(editor, 'proof', 'proof.view'); // back to the print view: the accepted text is in it
    await expect.poll(async () => (await pageText(editor)).replace(/\s/g, '')).toContain('为进一步切实强化');
    await expect.poll(() => proofreader.getByTestId('story-body').locator('ins.bm-insertion').count()).toBe(0);
    expect(await status(proofreader).getAttribute('data-connection')).toBe('online');
    expect(await proofreader.getByTestId('collab-refused').count()).toBe(0);
  });

  it.skipIf(!hasPoppler)('the print PDF exported through the HostApi has the accepted text', async () => {
    const p = editor;
    await p.keyboard.press('Escape');
    await exportPrintPdf(p, 'shared-page.pdf');
    const printed = execFileSync('pdftotext', [join(web.host.sandbox, 'shared-page.pdf'), '-'], { encoding: 'utf8' });
    const line = printed.split('\n').find((l) => l.includes('为进一步'));
    expect(line).toMatch(/^为进一步切实强化/);
  });

  it('stopping the share: the proofreader is told the server is gone; the editor keeps the page', async () => {
    await menu(editor, 'file', 'file.leaveShare');
    await expect.poll(() => editor.getByTestId('collab-status').count()).toBe(0);
    await expect.poll(() => status(proofreader).getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
    // told who stopped it, as a notice and in the status line: not 离线 like a fault, and not retried
    await expect.poll(() => status(proofreader).innerText(), { timeout: 15_000 }).toContain('王组版 已停止共享');
    expect(await status(proofreader).getAttribute('data-reconnecting')).toBe('false');
    await shot(proofreader, 'collab-share-stopped.png');
    expect((await pageText(editor)).replace(/\s/g, '')).toContain('为进一步切实强化');
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|net::/.test(m))).toEqual([]);
  });
});

/**
 * A collaboration server process, a layout desk in Node sharing the sample page on it as `pageId`,
 * a web host and a browser: set up before the describe's tests, taken down after.
 */
function seededPage(prefix: string, pageId: string) {
  const tmp = tempDir(prefix);
  const f = { usersFile: join(tmp.dir, 'users.json') } as { usersFile: string; server: ServerProcess; host: WebHost; browser: Browser; seed: CollabSession; store: PageStore };
  beforeAll(async () => {
    requireBuild();
    f.server = new ServerProcess(await freePort(), join(tmp.dir, 'data'), f.usersFile);
    await f.server.start();
    f.store = new PageStore(samplePage());
    f.seed = new CollabSession({ url: f.server.url, token: token(f.usersFile, '王组版', '组版'), pageId, user: { name: '王组版', role: '组版' }, docs: f.store, WebSocket: NodeWebSocket, reconnectDelay: 200 });
    await f.seed.whenSynced();
    f.host = await startWebHost({ port: 0, autosaveSeconds: 3600 });
    f.browser = await launchChromium();
  });
  afterAll(async () => {
    f.seed?.destroy();
    await f.browser?.close();
    await f.host?.close();
    await f.server?.kill('SIGTERM');
    tmp.remove();
  });
  return f;
}

describe.skipIf(!chromiumAvailable())('offline: the server goes away while the proofreader types', () => {
  const PAGE = 'offline-e2e';
  const f = seededPage('banmian-collab-e2e-', PAGE);
  const problems: string[] = [];

  it('says 离线 with the number of waiting changes, and syncs everything when the server is back', async () => {
    const p = await openFitted(f.browser, f.host.url, problems);
    await menu(p, 'file', 'file.join');
    await p.getByTestId('join-invitation').fill(formatInvitation({ server: f.server.url, pageId: PAGE, token: token(f.usersFile, '孙校对', '校对', [PAGE]) }));
    await p.getByTestId('join-ok').click();
    await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
    await openStory(p, 'b-nanguan');

    await f.server.kill('SIGKILL');
    await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
    await caretAfter(p, '为进一步');
    await p.keyboard.type('离线');
    await expect.poll(async () => Number(await status(p).getAttribute('data-pending'))).toBeGreaterThan(0);
    const text = await status(p).innerText();
    expect(text).toContain('离线');
    expect(text).toMatch(/— \d+ 处修改待同步/);
    await shot(p, 'collab-offline.png');

    await f.server.start();
    await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
    await expect.poll(() => status(p).getAttribute('data-pending'), { timeout: 15_000 }).toBe('0');
    expect(await status(p).innerText()).toContain('在线 已同步');
    // the first mark, made offline, opened 一校 once the server was back (the server writes rounds)
    await expect.poll(() => p.getByTestId('round-state').innerText(), { timeout: 15_000 }).toBe('一校进行中');
    // nothing lost: the layout desk has the proofreader's text
    await until('the text reaches the layout desk', () => bodyText(f.store.articleDoc('nanguan')!).includes('为进一步离线'));
  });
});

describe.skipIf(!chromiumAvailable())('a pulled cable: the proofreader’s network is cut for 10 s (sockets left hanging)', () => {
  const PAGE = 'cable-e2e';
  const f = seededPage('banmian-collab-cable-', PAGE);
  const problems: string[] = [];

  async function joinAs(name: string, role: '组版' | '校对', viewport: { width: number; height: number }): Promise<Page> {
    const p = await openFitted(f.browser, f.host.url, problems, viewport);
    await menu(p, 'file', 'file.join');
    await p.getByTestId('join-invitation').fill(formatInvitation({ server: f.server.url, pageId: PAGE, token: token(f.usersFile, name, role, [PAGE]) }));
    await p.getByTestId('join-ok').click();
    await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
    return p;
  }

  it('离线 within the heartbeat window, the pending count is the edits made, all synced after; the other desk is told 赵校对 离线', async () => {
    const editor = await joinAs('李组版', '组版', { width: 1600, height: 1000 });
    const p = await joinAs('赵校对', '校对', { width: 1366, height: 768 });
    // a joined page lives on the server: no unsaved dot, the status line says where
    expect(await p.getByTestId('dirty').count()).toBe(0);
    expect(await p.getByTestId('collab-where').innerText()).toMatch(/在 127\.0\.0\.1:\d+ 上共享/);
    await openStory(p, 'b-nanguan');
    await expect.poll(() => editor.getByTestId('person').count(), { timeout: 15_000 }).toBe(3);

    // the notice clears itself after a few seconds: watch for it from now on
    const peerOfflineNotice = editor.getByTestId('notice').filter({ hasText: '赵校对 离线' }).waitFor({ timeout: 60_000 });
    await p.context().setOffline(true);
    // well inside the provider's own 30 s, beyond the heartbeat's 3.5 s (the time itself is measured in the bench)
    await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 8_000 }).toBe('offline');
    // three edits: each word arrives whole (one input event, as from an input method, so a busy
    // machine cannot split it), with a pause after it longer than one undo step
    await caretAfter(p, '为进一步');
    for (const word of ['甲', '乙乙', '丙丙丙']) {
      await p.keyboard.insertText(word);
      await p.waitForTimeout(1200);
    }
    await expect.poll(() => status(p).getAttribute('data-pending')).toBe('3');
    expect(await status(p).innerText()).toMatch(/离线 · 重新连接中…[\s\S]*— 3 处修改待同步/);
    await shot(p, 'collab-cable-offline-1366.png');
    // the editor's desk names who went (the server closes a silent desk within its ping window)
    await expect.poll(() => editor.locator('[data-testid="person"][data-gone="offline"]').innerText(), { timeout: 15_000 }).toContain('赵校对');
    await peerOfflineNotice;
    await shot(editor, 'collab-cable-peer-offline-1600.png');

    await p.waitForTimeout(10_000 - 3 * 1200);
    await p.context().setOffline(false);
    await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 15_000 }).toBe('online');
    await expect.poll(() => status(p).getAttribute('data-pending'), { timeout: 15_000 }).toBe('0');
    expect(await status(p).innerText()).toContain('在线 已同步');
    await until('the edits reach the layout desk', () => bodyText(f.store.articleDoc('nanguan')!).includes('为进一步甲乙乙丙丙丙'), 15_000);
    await expect.poll(() => editor.locator('[data-testid="person"]:not([data-gone])').count(), { timeout: 15_000 }).toBe(3);
  });
});
