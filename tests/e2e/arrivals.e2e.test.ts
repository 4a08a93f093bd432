/**
 * Issue 21 item 4 in Chromium: the 组版 (sharing through the web host) is told that the 校对's marks
 * arrived — a badge with the open marks on the 校对 button, a notice naming the proofreader, numbered
 * markers in the page margin of the print view — and the printed PDF is the same as before the marks.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { caretAfter, exportPrintPdf, hostSession, menu, openApp, openStory, shot } from './workspace-support';

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftotext']).status === 0;
const status = (p: Page) => p.getByTestId('collab-status');

describe.skipIf(!chromiumAvailable() || !hasPoppler)('arrivals: the 组版 sees the 校对 marks arrive', () => {
  const web = hostSession({ autosaveSeconds: 3600 });
  const { problems } = web;
  let editor: Page;
  let proofreader: Page;
  /** The printed text without the slug line (which names the file and the time). */
  const printed = (name: string) => execFileSync('pdftotext', [join(web.host.sandbox, name), '-'], { encoding: 'utf8' }).split('\n').filter((l) => !l.startsWith(`${name} `)).join('\n');

  beforeAll(async () => {
    editor = await openApp(web.browser, `${web.host.url}?role=组版&name=王组版`, problems, { width: 1600, height: 1000 });
    proofreader = await openApp(web.browser, web.host.url, problems);
    for (const p of [editor, proofreader]) await p.getByTestId('tool-view.fitPage').click();
  });

  it('badge, notice and margin markers on the 组版 desk; the printed PDF unchanged', async () => {
    await exportPrintPdf(editor, 'before.pdf');
    await menu(editor, 'file', 'file.share');
    await editor.getByTestId('share-proofreader-name').fill('赵校对');
    await editor.getByTestId('share-start').click();
    const invitation = await editor.getByTestId('invitation-proofreader').getByTestId('invitation-text').inputValue();
    await editor.getByTestId('dialog-ok').click();
    await menu(proofreader, 'file', 'file.join');
    await proofreader.getByTestId('join-invitation').fill(invitation);
    await proofreader.getByTestId('join-ok').click();
    await expect.poll(() => status(proofreader).getAttribute('data-connection'), { timeout: 30_000 }).toBe('online');
    expect(await editor.getByTestId('proof-badge').count()).toBe(0);
    expect(await editor.getByTestId('pending-markers').count()).toBe(0);

    await openStory(proofreader, 'b-nanguan');
    await caretAfter(proofreader, '为进一步');
    await proofreader.keyboard.type('切实');
    await proofreader.keyboard.press('ArrowRight');
    await proofreader.keyboard.press('ArrowRight');
    await proofreader.keyboard.press('Delete');
    await expect.poll(() => proofreader.getByTestId('story-body').locator('del.bm-deletion').count()).toBeGreaterThan(0);

    const notice = editor.getByTestId('notice');
    await expect.poll(async () => (await notice.allInnerTexts()).join(' '), { timeout: 15_000 }).toMatch(/赵校对 新增 \d+ 处校改/);
    await expect.poll(async () => (await editor.getByTestId('proof-badge').allInnerTexts()).join(), { timeout: 15_000 }).toBe('2');
    const markers = editor.locator('[data-testid="pending-markers"] g[data-marker]');
    await expect.poll(() => markers.count()).toBe(2);
    expect((await markers.evaluateAll((gs) => gs.map((g) => g.getAttribute('data-marker')))).sort()).toEqual(['deletion', 'insertion']);
    await shot(editor, 'arrivals-1600x1000.png');
    await editor.setViewportSize({ width: 1366, height: 768 });
    await editor.getByTestId('tool-view.fitPage').click();
    await shot(editor, 'arrivals-1366x768.png');
    // the badge counts what the 校对 panel lists
    await editor.getByTestId('proof-button').click();
    await expect.poll(() => editor.getByTestId('suggestion').count()).toBe(2);
    await expect.poll(() => notice.count(), { timeout: 15_000 }).toBe(0); // the notice clears itself

    await editor.keyboard.press('Escape');
    await exportPrintPdf(editor, 'after.pdf');
    expect(printed('after.pdf')).toBe(printed('before.pdf'));
  });
});
