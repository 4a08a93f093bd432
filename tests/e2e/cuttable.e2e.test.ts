import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { parseDocument } from '../../src-core/model/serialize';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, exportPrintPdf, fitPage, hostSession, openFitted, openStory, shot } from './workspace-support';

/**
 * The 可删 (cuttable) paragraph mark in the story editor: set with the shortcut and the story
 * editor's button (pressed where the cursor is), shown beside the paragraph, saved and opened again,
 * and never printed.
 */

const paragraphs = (page: Page) => page.getByTestId('story-body').locator('p');
const button = (page: Page) => page.getByTestId('tool-edit.cuttable');

/** Puts the caret in paragraph `n`. */
const caretIn = (page: Page, n: number): Promise<void> => clickCaret(paragraphs(page).nth(n));

describe.skipIf(!chromiumAvailable())('可删 paragraphs in the story editor', () => {
  const web = hostSession({ sandbox: 'banmian-cut-' });
  const { problems, sandbox } = web;
  let page: Page;

  const pdfText = (name: string): string => {
    const out = spawnSync('pdftotext', ['-enc', 'UTF-8', join(sandbox, name), '-'], { encoding: 'utf8' });
    expect(out.status, out.stderr).toBe(0);
    // The slug line names the file and the minute: everything else is the page.
    return out.stdout.split('\n').filter((line) => !line.startsWith(`${name} `)).join('\n');
  };

  beforeAll(async () => {
    page = await openFitted(web.browser, web.host.url, problems, { width: 1366, height: 768 });
  });

  it('marks the paragraph at the cursor with Ctrl+Shift+K and the button, which shows where the cursor is', async () => {
    await exportPrintPdf(page, 'before.pdf');
    await openStory(page, 'b-xie-feng');
    expect(await button(page).getAttribute('aria-pressed')).toBe('false');
    await caretIn(page, 1);
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(() => paragraphs(page).nth(1).getAttribute('data-cuttable')).toBe('true');
    expect(await button(page).getAttribute('aria-pressed')).toBe('true');
    // The shortcut did not type into the text.
    expect(await paragraphs(page).nth(1).innerText()).toMatch(/^“市委十二届五次全会/);
    // Elsewhere the button is up; pressing it marks that paragraph, pressing again unmarks it.
    await caretIn(page, 3);
    await expect.poll(() => button(page).getAttribute('aria-pressed')).toBe('false');
    await button(page).click();
    await expect.poll(() => paragraphs(page).nth(3).getAttribute('data-cuttable')).toBe('true');
    expect(await button(page).getAttribute('aria-pressed')).toBe('true');
    await button(page).click();
    await expect.poll(() => paragraphs(page).nth(3).getAttribute('data-cuttable')).toBeNull();
    // The marker: the 可删 tag beside the paragraph, in the story editor's margin.
    const tag = await paragraphs(page).nth(1).evaluate((p) => getComputedStyle(p, '::before').content);
    expect(tag).toBe('"可删"');
    await caretIn(page, 1);
    await paragraphs(page).nth(0).evaluate((p) => p.scrollIntoView({ block: 'start' }));
    await expect.poll(() => button(page).getAttribute('aria-pressed')).toBe('true');
    await shot(page, 'story-cuttable-1366.png');
  });

  it('prints a page with a 可删 paragraph exactly as before', async () => {
    await page.keyboard.press('Escape');
    await exportPrintPdf(page, 'after.pdf');
    const before = pdfText('before.pdf');
    expect(before).toContain('市委十二届五次全会');
    expect(pdfText('after.pdf')).toBe(before);
  });

  it('saves the mark and shows it again when the page is opened after a reload', async () => {
    await page.keyboard.press('Control+s');
    await page.getByTestId('dialog-save').waitFor();
    await page.getByTestId('dialog-file-name').fill('cut');
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.title()).toBe('版面 Banmian — cut.banmian');
    const saved = parseDocument(readFileSync(join(sandbox, 'cut.banmian'), 'utf8'));
    expect(saved.ok).toBe(true);
    const body = saved.ok ? saved.document.articles.find((a) => a.id === 'xie-feng')!.body : undefined;
    expect(body?.content.map((p) => p.attrs?.cuttable === true)).toEqual([false, true, false, false, false, false]);

    await page.reload();
    await page.waitForSelector('.status[data-state="ready"]');
    await page.keyboard.press('Control+o');
    await page.getByTestId('dialog-open').waitFor();
    await page.getByTestId('dialog-file-name').fill('cut.banmian');
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.title()).toBe('版面 Banmian — cut.banmian');
    await fitPage(page);
    await openStory(page, 'b-xie-feng');
    expect(await paragraphs(page).nth(1).getAttribute('data-cuttable')).toBe('true');
    expect(await paragraphs(page).nth(0).getAttribute('data-cuttable')).toBeNull();
    await caretIn(page, 1);
    await expect.poll(() => button(page).getAttribute('aria-pressed')).toBe('true');
    expect(problems).toEqual([]);
  });

  it('copied and pasted inside the story editor, a 可删 paragraph stays 可删', async () => {
    const marks = () => paragraphs(page).evaluateAll((ps) => ps.map((p) => p.getAttribute('data-cuttable') === 'true'));
    await caretIn(page, 0);
    // Keyboard only (ProseMirror's own keys and ours), so no step waits for the browser's selection.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    // Every paragraph marked, then every one unmarked: the story holds no mark now.
    await page.keyboard.press('Control+Shift+K');
    await page.keyboard.press('Control+Shift+K');
    await expect.poll(marks).toEqual([false, false, false, false, false, false]);
    // The copy, pasted over the whole story, brings the mark back on its paragraph only.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+v');
    await expect.poll(marks).toEqual([false, true, false, false, false, false]);
    expect(await paragraphs(page).nth(1).innerText()).toMatch(/^“市委十二届五次全会/);
  });

  it('in 校对 mode the mark is set as it is, not as a tracked change (it changes nothing printed)', async () => {
    const proofreader = await openFitted(web.browser, `${web.host.url}?role=校对&name=王岚`, problems, { width: 1366, height: 768 });
    await openStory(proofreader, 'b-xie-feng');
    expect(await proofreader.getByTestId('story-proof-bar').innerText()).toContain('修改留痕');
    const text = await proofreader.getByTestId('story-body').innerText();
    await caretIn(proofreader, 2);
    await proofreader.keyboard.press('Control+Shift+K');
    await expect.poll(() => paragraphs(proofreader).nth(2).getAttribute('data-cuttable')).toBe('true');
    expect(await proofreader.getByTestId('story-body').locator('ins, del, [data-type="modification"]').count()).toBe(0);
    expect(await proofreader.getByTestId('story-body').innerText()).toBe(text);
    expect(problems).toEqual([]);
  });
});
