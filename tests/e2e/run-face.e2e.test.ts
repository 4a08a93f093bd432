import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, exportPrintPdf, hostSession, openApp, openFitted, openStory, resultsDir, shot } from './workspace-support';

/**
 * A face per run of text: 楷体 set on a selection in the story editor's toolbar is drawn on the
 * page in 楷 and embedded and drawn in the print PDF (the sample page uses no 楷 otherwise); in 校对
 * mode it is a suggestion.
 */

const RUN = '中航光电科技产业社区';
const KAI_PS = 'LXGWWenKai-Regular';

/** Opens 谢峰's story and selects RUN in its first paragraph with the keyboard, as a person would. */
async function selectRun(page: Page): Promise<void> {
  await openStory(page, 'b-xie-feng');
  const first = page.getByTestId('story-body').locator('p').first();
  expect(await first.innerText()).toContain(`的${RUN}工地`);
  await clickCaret(first, { x: 4, y: 6 });
  await page.keyboard.press('Home');
  for (let i = 0; i < '位于浅井南路的'.length; i++) await page.keyboard.press('ArrowRight');
  for (let i = 0; i < RUN.length; i++) await page.keyboard.press('Shift+ArrowRight');
  // ProseMirror takes the selection from the DOM on selectionchange, which the browser sends later:
  // the toolbar acts on the editor's selection, so wait until it holds the whole run.
  const selected = () => page.getByTestId('story-body').evaluate((el) => {
    const state = (el as HTMLElement & { editor?: { state: { selection: { from: number; to: number }; doc: { textBetween(a: number, b: number): string } } } }).editor?.state;
    return state ? state.doc.textBetween(state.selection.from, state.selection.to) : '';
  });
  await expect.poll(selected).toBe(RUN);
}

describe.skipIf(!chromiumAvailable())('a face on a selection in the story editor', () => {
  const web = hostSession({ sandbox: 'banmian-face-' });
  const { problems, sandbox } = web;
  let page: Page;
  const tool = (name: string, args: string[]) => {
    const out = spawnSync(name, args, { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    return out.stdout;
  };

  beforeAll(async () => {
    page = await openFitted(web.browser, web.host.url, problems, { width: 1366, height: 768 });
  });

  it('sets 楷体 on the selected words; the page draws them in 楷 and the PDF embeds and draws 楷', async () => {
    await selectRun(page);
    const first = page.getByTestId('story-body').locator('p').first();
    const face = page.getByTestId('story-face');
    await expect.poll(() => face.inputValue()).toBe('');
    await face.selectOption('kai');
    await expect.poll(() => first.locator('span[data-face="kai"]').innerText()).toBe(RUN);
    expect(await face.inputValue()).toBe('kai');
    // The canvas draws the run in the 楷 face the host declared.
    const kaiText = () => page.locator('svg text[font-family="bm-kai-regular"]').allTextContents().then((t) => t.join(''));
    await expect.poll(kaiText, { timeout: 30_000 }).toContain(RUN.slice(0, 4));
    await shot(page, 'story-run-face-1366.png');
    await page.keyboard.press('Escape');
    await exportPrintPdf(page, 'run-face.pdf');
    const pdf = join(sandbox, 'run-face.pdf');
    const fonts = tool('pdffonts', [pdf]).split('\n').slice(2).filter(Boolean);
    const kai = fonts.filter((row) => row.split(/\s+/)[0].endsWith(`+${KAI_PS}`));
    expect(kai, fonts.join('\n')).toHaveLength(1);
    expect(kai[0]).toMatch(/\byes\s+yes\s+yes\b/); // embedded, subset, ToUnicode
    // -raw: in the content's order (a column's lines in turn), not the page's rows across columns.
    expect(tool('pdftotext', ['-raw', '-enc', 'UTF-8', pdf, '-']).replace(/\s+/g, '')).toContain(`位于浅井南路的${RUN}工地内`);
    tool('pdftoppm', ['-r', '150', '-png', '-singlefile', pdf, join(resultsDir, 'story-run-face-pdf')]);
    expect(problems).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable())('a face on a selection in 校对 mode', () => {
  const web = hostSession({ sandbox: 'banmian-face-proof-', autosaveSeconds: 3600 });
  const { problems } = web;
  let page: Page;

  beforeAll(async () => {
    page = await openApp(web.browser, `${web.host.url}?role=校对&name=王岚`, problems, { width: 1366, height: 768 });
    await page.getByTestId('tool-view.fitPage').click();
  });

  it('is a suggestion: the old run struck through, the same text inserted in 楷, listed for the layout editor to accept or reject', async () => {
    await selectRun(page);
    await page.getByTestId('story-face').selectOption('kai');
    const body = page.getByTestId('story-body');
    await expect.poll(() => body.locator('ins.bm-insertion').allInnerTexts()).toEqual([RUN]);
    // The face is on the inserted text only (its span wraps or sits in the insertion, by mark order).
    expect(await body.locator('span[data-face="kai"]').allInnerTexts()).toEqual([RUN]);
    expect(await body.locator('span[data-face="kai"]').evaluate((el) => !!(el.closest('ins.bm-insertion') ?? el.querySelector('ins.bm-insertion')))).toBe(true);
    expect(await body.locator('del.bm-deletion').allInnerTexts()).toEqual([RUN]);
    // One suggestion (one id on both marks): a replacement of the text by itself, which the panel says as the face it sets.
    const items = page.getByTestId('suggestion');
    await expect.poll(() => items.count()).toBe(1);
    expect(await items.first().getAttribute('data-kind')).toBe('replacement');
    expect(await items.first().getAttribute('data-change')).toBe('face');
    expect(await items.first().innerText()).toMatch(new RegExp(`^「${RUN}」改用楷体\\s*王岚`));
    await shot(page, 'story-run-face-proof-1366.png');
    expect(problems).toEqual([]);
  });
});
