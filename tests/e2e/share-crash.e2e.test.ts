/**
 * Issue 21, no desk loses an edit: two browser contexts on the web host, the 组版 sharing the page
 * (文件 → 共享此版面) and the 校对 joined. The web host runs as a child process and is SIGKILLed
 * mid-session; both desks type while it is gone; it is restarted on the same port and pages folder.
 * The share resumes at its address with the same page and tokens, both desks reconnect by themselves
 * (nobody clicks anything), and every edit made during the outage is on both desks. Then the 组版's
 * app starts again (a reload): it rejoins its own share from its backup without doubling anything.
 */
import type { ChildProcess } from 'node:child_process';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../src-core/host-api';
import { chromiumAvailable } from '../support/browser';
import { freePort } from '../collab/support';
import { browserSession, menu, openApp, openStory, shot, typeAfter } from './workspace-support';
import { startHostProcess } from './host-process';

/** The pages keep the secret of the index.html they loaded; the restarted host is given the same one. */
const SECRET = 'share-crash-e2e-secret';

async function killed(child: ChildProcess): Promise<void> {
  const gone = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await gone;
}

const status = (p: Page) => p.getByTestId('collab-status');

describe.skipIf(!chromiumAvailable())('the sharing host is killed mid-session and restarted', () => {
  const web = browserSession('banmian-share-crash-');
  const { problems, sandbox } = web;
  let child: ChildProcess | undefined;

  afterAll(() => {
    child?.kill('SIGKILL');
  });

  it('both desks reconnect by themselves and every outage edit is on both', async () => {
    const port = await freePort();
    child = await startHostProcess(port, sandbox, { secret: SECRET });
    const url = `http://127.0.0.1:${port}/`;
    const editor = await openApp(web.browser, `${url}?role=组版&name=王组版`, problems, { width: 1600, height: 1000 });
    const proofreader = await openApp(web.browser, url, problems, { width: 1366, height: 768 });
    for (const p of [editor, proofreader]) await p.getByTestId('tool-view.fitPage').click();

    await menu(editor, 'file', 'file.share');
    await editor.getByTestId('share-proofreader-name').fill('赵校对');
    await editor.getByTestId('share-start').click();
    const invitation = await editor.getByTestId('invitation-proofreader').getByTestId('invitation-text').inputValue({ timeout: 30_000 });
    await editor.getByTestId('dialog-ok').click();
    await menu(proofreader, 'file', 'file.join');
    await proofreader.getByTestId('join-invitation').fill(invitation);
    await proofreader.getByTestId('join-ok').click();
    for (const p of [editor, proofreader]) {
      await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
      await openStory(p, 'b-nanguan');
    }

    await killed(child);
    child = undefined;
    for (const p of [editor, proofreader]) await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
    await typeAfter(editor, '为进一步', '组版断线时改');
    await typeAfter(proofreader, '为进一步', '校对断线时改');
    for (const p of [editor, proofreader]) await expect.poll(async () => Number(await status(p).getAttribute('data-pending'))).toBeGreaterThan(0);
    await shot(editor, 'share-crash-editor-offline-1600.png');
    await shot(proofreader, 'share-crash-proofreader-offline-1366.png');

    child = await startHostProcess(port, sandbox, { secret: SECRET });
    // the host resumed the same share: same page, same address
    const shared = await (await fetch(`${url}api/shareStatus`, { method: 'POST', headers: { 'content-type': 'application/json', [SESSION_HEADER]: SECRET }, body: '[]' })).json();
    expect(decodeURIComponent(invitation)).toContain(`page=${shared.value.pageId}`);
    expect(decodeURIComponent(invitation)).toContain(shared.value.addresses[0]);
    for (const p of [editor, proofreader]) {
      await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 60_000 }).toBe('online');
      await expect.poll(() => status(p).getAttribute('data-pending'), { timeout: 30_000 }).toBe('0');
    }
    for (const p of [editor, proofreader]) {
      await expect.poll(() => p.getByTestId('story-body').innerText(), { timeout: 30_000 }).toContain('组版断线时改');
      await expect.poll(() => p.getByTestId('story-body').innerText(), { timeout: 30_000 }).toContain('校对断线时改');
    }
    await shot(editor, 'share-crash-editor-back-1600.png');
    await shot(proofreader, 'share-crash-proofreader-back-1366.png');

    // the 组版's app starts again (as after a crash of the desktop app): it rejoins its own share by itself
    await editor.reload();
    await editor.waitForSelector('.status[data-state="ready"]', { timeout: 90_000 });
    await expect.poll(() => editor.getByTestId('doc-title').innerText(), { timeout: 30_000 }).toContain(shared.value.pageId);
    await expect.poll(() => status(editor).getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
    // 南关 is low in the sample's last column: in view with the whole page
    await editor.getByTestId('tool-view.fitPage').click();
    await openStory(editor, 'b-nanguan');
    const text = await editor.getByTestId('story-body').innerText();
    expect(text).toContain('组版断线时改');
    expect(text).toContain('校对断线时改');
    expect(text.split('组版断线时改')).toHaveLength(2); // merged, not doubled
    await shot(editor, 'share-crash-editor-rejoined-1600.png');
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|Failed to load resource/.test(m))).toEqual([]);
  }, 240_000);
});
