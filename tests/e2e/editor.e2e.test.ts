import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { chromiumAvailable } from '../support/browser';
import { clientPoint, frameOf, pageText, selectionRead, shot, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

describe.skipIf(!chromiumAvailable())('the story editor: typing reflows the page live', () => {
  const session = workspaceSession();
  const problems = session.problems;
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
  });

  const body = () => page.getByTestId('story-body');

  it('opens on double-click of a block, with the article fields and its body', async () => {
    const f = await frameOf(page, 'b-nanguan');
    const p = await clientPoint(page, f.x + f.width / 2, f.y + f.height / 2);
    await page.mouse.dblclick(p.x, p.y);
    const story = page.getByTestId('story-editor');
    await story.waitFor();
    expect(await story.getAttribute('data-article')).toBe('nanguan');
    expect(await page.getByTestId('story-headline').inputValue()).toBe('“三进”宣传全覆盖 织密反诈防护网');
    expect(await body().innerText()).toContain('为进一步强化');
    // Opening the editor changes nothing.
    expect(await page.getByTestId('dirty').count()).toBe(0);
  });

  it('typing in the body lands in the page at once', async () => {
    expect(await pageText(page)).not.toContain('测试插入');
    const chars = async () => Number((await page.locator('[data-testid="article-item"][data-article="nanguan"] [data-testid="article-chars"]').innerText()).replace(/\D/g, ''));
    const before = await chars();
    await body().locator('p').first().click();
    await page.keyboard.press('Home');
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('测试插入');
    await expect.poll(() => pageText(page)).toContain('测试插入');
    // The 稿件 list counts the new characters once the typing pauses (useEditorSettled).
    await expect.poll(chars).toBe(before + 4);
    expect(await page.getByTestId('dirty').count()).toBe(1);
    await shot(page, 'ui-story-editor.png');
  });

  it('a keystroke repaints only the edited article: every other layer of the page keeps its elements', async () => {
    // Tag every drawn element, type one character, and see which elements are new.
    await page.evaluate(() => document.querySelectorAll('[data-testid="page"] svg > *').forEach((el) => ((el as unknown as { __kept: boolean }).__kept = true)));
    await page.keyboard.type('再');
    await expect.poll(() => pageText(page)).toContain('测试插入再');
    const fresh = await page.evaluate(() => {
      const out: Record<string, number> = {};
      for (const svg of document.querySelectorAll('[data-testid="page"] svg')) {
        const n = [...svg.children].filter((el) => !(el as unknown as { __kept?: boolean }).__kept).length;
        if (n) out[svg.getAttribute('data-layer') ?? 'page'] = n;
      }
      return out;
    });
    expect(Object.keys(fresh)).toEqual(['owner:nanguan']);
    expect(fresh['owner:nanguan']).toBeLessThan(10);
    await page.keyboard.press('Backspace');
    await expect.poll(() => pageText(page)).not.toContain('测试插入再');
  });

  it('undo takes the typing back out of the page, redo puts it back', async () => {
    await page.keyboard.press('Control+z');
    await expect.poll(() => pageText(page)).not.toContain('测试插入');
    expect(await body().innerText()).not.toContain('测试插入');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => pageText(page)).toContain('测试插入');
    await page.keyboard.press('Control+z');
    await expect.poll(() => pageText(page)).not.toContain('测试插入');
  });

  it('a new paragraph in the body reflows the article (more lines)', async () => {
    const before = await page.locator('[data-testid="page"] svg text').count();
    await body().locator('p').first().click();
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('新增一段。');
    await expect.poll(() => page.locator('[data-testid="page"] svg text').count()).toBeGreaterThan(before);
    // The new paragraph and its text are at most two undo steps (the split, then the typing).
    await page.keyboard.press('Control+z');
    if ((await page.locator('[data-testid="page"] svg text').count()) !== before) await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="page"] svg text').count()).toBe(before);
    expect(await pageText(page)).not.toContain('新增一段');
  });

  it('a selection ProseMirror moves is scrolled into view (the deferred scroll runs)', async () => {
    // The editor's scroll into view waits for the end of the keystroke (StoryEditor deferredScroll).
    // Typing is kept in view by the browser anyway; a selection set by a command (a jump to a proof
    // finding does this) only by ProseMirror's scroll.
    const caret = () =>
      page.evaluate(() => {
        const range = getSelection()!.getRangeAt(0);
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        const box = document.querySelector('.story-body-wrap')!;
        const r = box.getBoundingClientRect();
        return { scrolled: box.scrollTop, inView: rect.top >= r.top - 1 && rect.bottom <= r.bottom + 1 };
      });
    // A short window onto the story, so that its end is out of view from its start.
    await page.locator('.story-body-wrap').evaluate((el) => ((el as HTMLElement).style.maxHeight = '120px'));
    await body().locator('p').first().click();
    await page.keyboard.press('Control+Home');
    await selectionRead(page);
    await expect.poll(async () => (await caret()).scrolled).toBeLessThan(30);
    // tiptap leaves its editor on the editable element.
    await body().evaluate((el) => {
      const tiptap = (el as unknown as { editor: { state: { doc: { content: { size: number } } }; chain(): { setTextSelection(n: number): { scrollIntoView(): { run(): boolean } } } } }).editor;
      tiptap.chain().setTextSelection(tiptap.state.doc.content.size - 1).scrollIntoView().run();
    });
    await expect.poll(async () => (await caret()).inView).toBe(true);
    expect((await caret()).scrolled).toBeGreaterThan(100);
    await page.locator('.story-body-wrap').evaluate((el) => ((el as HTMLElement).style.maxHeight = ''));
    await page.keyboard.press('Control+Home');
  });

  it('editing the headline field changes the headline on the page, as one undo step', async () => {
    const headline = page.getByTestId('story-headline');
    await headline.fill('反诈宣传进万家');
    await expect.poll(() => pageText(page)).toContain('反诈宣传进万家');
    await page.keyboard.press('Control+z');
    await expect.poll(() => pageText(page)).toContain('织密反诈防护网');
    expect(await headline.inputValue()).toBe('“三进”宣传全覆盖 织密反诈防护网');
  });

  it('closes with Esc', async () => {
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('story-editor').count()).toBe(0);
  });

  it('logged no errors', () => {
    expect(problems).toEqual([]);
  });
});
