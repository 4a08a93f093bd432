/**
 * Issue 21, a page that comes back under a new share: the 校对's network is cut and it edits; the 组版
 * stops sharing and shares the same page again (a new page id and invitation); the 校对 leaves the dead
 * share (its edits stay in its backup, listed under 文件 → 恢复未同步的修改) and joins the new one. It
 * is offered to merge them (合并 / 另开); merging brings the outage edit to both desks once, and the
 * backup goes once the server has it.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { SESSION_HEADER } from '../../src-core/host-api';
import { chromiumAvailable } from '../support/browser';
import { freePort } from '../collab/support';
import { browserSession, menu, openApp, openStory, shot, typeAfter } from './workspace-support';
import { startHostProcess } from './host-process';

/** The pages keep the secret of the index.html they loaded; the restarted host is given the same one. */
const SECRET = 'reshare-e2e-secret';

const status = (p: Page) => p.getByTestId('collab-status');

async function invite(editor: Page): Promise<string> {
  await menu(editor, 'file', 'file.share');
  await editor.getByTestId('share-proofreader-name').fill('赵校对');
  await editor.getByTestId('share-start').click();
  const invitation = await editor.getByTestId('invitation-proofreader').getByTestId('invitation-text').inputValue({ timeout: 30_000 });
  await editor.getByTestId('dialog-ok').click();
  return invitation;
}

async function joinShare(proofreader: Page, invitation: string): Promise<void> {
  await menu(proofreader, 'file', 'file.join');
  await proofreader.getByTestId('join-invitation').fill(invitation);
  await proofreader.getByTestId('join-ok').click();
}

async function shotBoth(p: Page, name: string): Promise<void> {
  for (const viewport of [{ width: 1600, height: 1000 }, { width: 1366, height: 768 }]) {
    await p.setViewportSize(viewport);
    await shot(p, `${name}-${viewport.width}.png`);
  }
}

describe.skipIf(!chromiumAvailable())('a page shared again under a new id', () => {
  const web = browserSession('banmian-reshare-');
  const { problems, sandbox } = web;
  const children: ChildProcess[] = [];

  afterAll(() => {
    for (const c of children) c.kill('SIGKILL');
  });

  it("offers the proofreader's outage edit when it joins the new share, and merging brings it to both desks once", async () => {
    // two desks, two hosts: each keeps its own backups (in its own pages folder)
    const urls: string[] = [];
    for (const desk of ['layout', 'proof']) {
      const port = await freePort();
      mkdirSync(join(sandbox, desk));
      children.push(await startHostProcess(port, join(sandbox, desk), { secret: SECRET }));
      urls.push(`http://127.0.0.1:${port}/`);
    }
    const [layoutUrl, url] = urls as [string, string];
    const kept = async () => (await (await fetch(`${url}api/deskBackupList`, { method: 'POST', headers: { 'content-type': 'application/json', [SESSION_HEADER]: SECRET }, body: '[]' })).json()).value as { pageId: string; pending: number }[];
    const editor = await openApp(web.browser, `${layoutUrl}?role=组版&name=王组版`, problems, { width: 1600, height: 1000 });
    const proofreader = await openApp(web.browser, url, problems, { width: 1366, height: 768 });
    const firstInvitation = await invite(editor);
    await joinShare(proofreader, firstInvitation);
    for (const p of [editor, proofreader]) {
      await expect.poll(() => status(p).getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
      // 南关 is low in the sample's last column: in view with the whole page
      await p.getByTestId('tool-view.fitPage').click();
      await openStory(p, 'b-nanguan');
    }

    await proofreader.context().setOffline(true);
    await expect.poll(() => status(proofreader).getAttribute('data-connection'), { timeout: 15_000 }).toBe('offline');
    await typeAfter(proofreader, '为进一步', '校对断线时改');
    // the 组版 stops sharing and shares the same page again: a new page id
    // stopping takes a moment (the desk's backup, the server): share again once it says it stopped
    const stopped = editor.getByTestId('notice').filter({ hasText: '已停止共享' }).waitFor({ timeout: 60_000 });
    await menu(editor, 'file', 'file.leaveShare');
    await stopped;
    const secondInvitation = await invite(editor);
    expect(secondInvitation).not.toBe(firstInvitation);
    await proofreader.context().setOffline(false);
    await menu(proofreader, 'file', 'file.leaveShare');

    // the edit is kept and listed, with its page, server, time and count
    await menu(proofreader, 'file', 'file.recoverUnsynced');
    const list = proofreader.getByTestId('unsynced-list');
    await expect.poll(() => list.innerText()).toMatch(/127\.0\.0\.1/);
    await shotBoth(proofreader, 'reshare-unsynced-list');
    // discarding asks first; cancelling keeps the backup
    await proofreader.getByTestId('unsynced-discard').click();
    await expect.poll(() => list.innerText()).toContain('删除后这 1 处修改将丢失');
    await shot(proofreader, 'reshare-unsynced-discard-ask-1366.png');
    await proofreader.getByTestId('unsynced-discard-cancel').click();
    expect((await kept()).filter((b) => b.pending > 0)).toHaveLength(1);
    await proofreader.getByTestId('dialog-ok').click();

    await joinShare(proofreader, secondInvitation);
    const offer = proofreader.getByTestId('merge-offer-text');
    await expect.poll(() => offer.innerText(), { timeout: 30_000 }).toContain('你在此版面上还有 1 处未同步的修改');
    await shotBoth(proofreader, 'reshare-merge-offer');
    await proofreader.getByTestId('merge-offer-merge').click();
    await openStory(proofreader, 'b-nanguan');
    for (const p of [editor, proofreader]) {
      await expect.poll(() => p.getByTestId('story-body').innerText(), { timeout: 30_000 }).toContain('校对断线时改');
      expect((await p.getByTestId('story-body').innerText()).split('校对断线时改')).toHaveLength(2);
    }
    // once the server has the edit, the old backup goes; nothing else is left to offer
    await expect.poll(async () => (await kept()).filter((b) => b.pending > 0).length, { timeout: 30_000 }).toBe(0);
    await shot(editor, 'reshare-editor-merged-1600.png');
    expect(problems.filter((m) => !/WebSocket|ERR_CONNECTION_REFUSED|ERR_INTERNET_DISCONNECTED|Failed to load resource/.test(m))).toEqual([]);
  }, 240_000);
});
