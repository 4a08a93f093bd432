/**
 * Issue 21 (c) in Chromium: the newsroom server from the app. A server process the test starts
 * (`npm run server`'s entry) with a 组版 token and two 校对 tokens, one granted the page and one not.
 * The layout editor (1600×1000) publishes the open page with 文件 → 发布到服务器; the proofreader
 * (1366×768) lists the pages by name in 文件 → 加入共享版面 → 报社服务器 and opens it; errors say
 * what is wrong (token refused, server unreachable, no page for this token).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { derivePageId } from '../../src-core/collab/directory';
import { chromiumAvailable } from '../support/browser';
import { ServerProcess, freePort, tempDir, token } from '../collab/support';
import { hostSession, menu, openApp, pageText, shot } from './workspace-support';

const status = (p: Page) => p.getByTestId('collab-status');
const LABEL = '洛阳日报 2024-01-16 第03版';
const PAGE_ID = derivePageId({ paperName: '洛阳日报', date: '2024-01-16', pageNumber: '03' }, () => 'unused');

async function setHeader(p: Page, key: string, value: string): Promise<void> {
  const field = p.getByTestId(`header-${key}`);
  await field.fill(value);
  await field.press('Enter');
}

describe.skipIf(!chromiumAvailable())('newsroom server: 发布到服务器 and joining by page name', () => {
  const tmp = tempDir('banmian-newsroom-e2e-');
  const usersFile = join(tmp.dir, 'users.json');
  let server: ServerProcess;
  let editor: Page;
  let proofreader: Page;
  const tokens = { layout: '', proof: '', other: '' };

  beforeAll(async () => {
    tokens.layout = token(usersFile, '王组版', '组版');
    tokens.proof = token(usersFile, '赵校对', '校对', [PAGE_ID]);
    tokens.other = token(usersFile, '孙校对', '校对', ['p20240116-04-00000000']);
    server = new ServerProcess(await freePort(), join(tmp.dir, 'data'), usersFile);
    await server.start();
  });
  const web = hostSession({ autosaveSeconds: 3600 });
  const { problems } = web;

  beforeAll(async () => {
    editor = await openApp(web.browser, `${web.host.url}?role=组版&name=王组版`, problems, { width: 1600, height: 1000 });
    proofreader = await openApp(web.browser, web.host.url, problems, { width: 1366, height: 768 });
    for (const p of [editor, proofreader]) await p.getByTestId('tool-view.fitPage').click();
  });

  afterAll(async () => {
    await server?.kill('SIGTERM');
    tmp.remove();
  });

  it('npm run server prints how to publish and join', () => {
    expect(server.output).toContain('文件 → 发布到服务器');
    expect(server.output).toContain('File → Join a shared page → Newsroom server');
  });

  it('文件 → 发布到服务器: refused token and unreachable server are told apart; then the page goes up under its name', async () => {
    const p = editor;
    await setHeader(p, 'date', '2024-01-16');
    await setHeader(p, 'pageNumber', '03');
    await menu(p, 'file', 'file.publish');
    await p.getByTestId('dialog-publish').waitFor();
    expect(await p.getByTestId('publish-name').innerText()).toBe(LABEL);
    expect(await p.getByTestId('publish-ok').isDisabled()).toBe(true);
    await p.getByTestId('newsroom-server').fill(server.url);
    await p.getByTestId('newsroom-token').fill(`bm1.unobody.${'A'.repeat(30)}`);
    await p.getByTestId('publish-ok').click();
    await expect.poll(() => p.getByTestId('collab-error').innerText()).toContain('令牌无效或已被撤销');
    await p.getByTestId('newsroom-server').fill(`ws://127.0.0.1:${await freePort()}`);
    await p.getByTestId('newsroom-token').fill(tokens.layout);
    await p.getByTestId('publish-ok').click();
    await expect.poll(() => p.getByTestId('collab-error').innerText()).toContain('连接不上服务器');
    await shot(p, 'newsroom-publish-error-1600.png');
    await p.getByTestId('newsroom-server').fill(server.url);
    await p.getByTestId('publish-ok').click();
    await p.getByTestId('dialog-publish').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => status(p).getAttribute('data-connection')).toBe('online');
    await shot(p, 'newsroom-published-1600.png');
  });

  it('a token without a grant for the page sees no page to open', async () => {
    const p = proofreader;
    await menu(p, 'file', 'file.join');
    await p.getByTestId('join-tab-newsroom').click();
    await p.getByTestId('newsroom-server').fill(server.url);
    await p.getByTestId('newsroom-token').fill(tokens.other);
    await p.getByTestId('newsroom-list').click();
    await expect.poll(() => p.getByTestId('collab-error').innerText()).toContain('服务器上没有 孙校对 可以打开的版面');
    expect(await p.getByTestId('newsroom-page').count()).toBe(0);
  });

  it('the proofreader lists the pages by name (no raw ids) and opens the published page', async () => {
    const p = proofreader;
    await p.getByTestId('newsroom-token').fill(tokens.proof);
    await p.getByTestId('newsroom-list').click();
    await expect.poll(() => p.getByTestId('newsroom-page').allInnerTexts()).toEqual([LABEL]);
    expect(await p.getByTestId('dialog-join').innerText()).not.toContain(PAGE_ID);
    await shot(p, 'newsroom-join-list-1366.png');
    await p.getByTestId('newsroom-page').click();
    await p.getByTestId('dialog-join').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => status(p).getAttribute('data-connection')).toBe('online');
    expect(await p.getByTestId('identity').getAttribute('data-role')).toBe('校对');
    expect(await p.getByTestId('doc-title').innerText()).toContain(LABEL);
    for (const desk of [editor, p]) await expect.poll(() => desk.getByTestId('person').allInnerTexts()).toHaveLength(2);
    expect((await pageText(p)).replace(/\s/g, '')).toBe((await pageText(editor)).replace(/\s/g, ''));
    await shot(p, 'newsroom-joined-1366.png');
  });

  it('publishing the same page again finds it there and says to join it', async () => {
    const p = editor;
    await menu(p, 'file', 'file.leaveShare');
    await expect.poll(() => p.getByTestId('collab-status').count()).toBe(0);
    await menu(p, 'file', 'file.publish');
    await p.getByTestId('newsroom-server').fill(server.url);
    await p.getByTestId('newsroom-token').fill(tokens.layout);
    await p.getByTestId('publish-ok').click();
    await expect.poll(() => p.getByTestId('collab-error').innerText()).toContain(`服务器上已有「${LABEL}」`);
    await p.keyboard.press('Escape');
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|net::|401/.test(m))).toEqual([]);
  });
});
