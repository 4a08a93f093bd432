/**
 * A story begun from nothing (issue #18): 新建稿件 opens an empty article in the story editor, the
 * text typed there joins the 稿件 list and, placed on the page, is set there; the 文本框 tool draws a
 * frame of whole columns × lines that becomes a new story's block, filled as it is typed, undone in
 * one step, refused over a text block, cancelled by Escape; saved and reopened, the story is there.
 * On a new empty page, at 1600×1000 and 1366×768.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, clientPoint, dragPage, fitPage, frameOf, hostSession, openApp, shot } from './workspace-support';

interface Grid {
  /** Each column's left edge and width, pt. */
  cols: { x: number; width: number }[];
  top: number;
  pitch: number;
}

/** The page's grid as the overlay's guides draw it (the column guides, the baseline pattern). */
async function readGrid(page: Page): Promise<Grid> {
  const guides = page.getByTestId('tool-view.columns');
  const wasOn = (await guides.getAttribute('aria-pressed')) === 'true';
  if (!wasOn) await guides.click();
  const rects = page.locator('[data-guide="columns"] rect');
  const cols = [];
  for (let i = 0; i < (await rects.count()); i++) cols.push({ x: Number(await rects.nth(i).getAttribute('x')), width: Number(await rects.nth(i).getAttribute('width')) });
  const top = Number(await rects.first().getAttribute('y'));
  const pitch = Number(await page.locator('#bm-baselines').getAttribute('height'));
  if (!wasOn) await guides.click();
  return { cols, top, pitch };
}

/** A point inside column `col` and line `row` (0-based), in page pt. */
const cell = (g: Grid, col: number, row: number) => ({ x: g.cols[col].x + g.cols[col].width / 2, y: g.top + row * g.pitch + g.pitch / 3 });

const blockIds = (page: Page) => page.locator('[data-testid="overlay"] g.frame[data-kind="article"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-block')!));
const unplacedCount = (page: Page) => page.locator('[data-testid="article-item"][data-placed="no"]').count();
const ownerText = async (page: Page, articleId: string) => (await page.locator(`[data-testid="page"] svg[data-layer="owner:${articleId}"] text`).allTextContents()).join('');

/** Types into a focused field or editor, waiting until it has the focus first. */
async function typeInto(page: Page, testId: string, text: string): Promise<void> {
  const el = page.getByTestId(testId);
  await expect.poll(() => el.evaluate((node) => node === document.activeElement)).toBe(true);
  await page.keyboard.type(text);
}

/** Drags a 稿件 list item onto the page at a page point (the list's own HTML5 drag). */
async function dropArticle(page: Page, articleId: string, at: { x: number; y: number }): Promise<void> {
  const p = await clientPoint(page, at.x, at.y);
  await page.evaluate(
    ({ id, x, y }) => {
      const dt = new DataTransfer();
      const item = document.querySelector(`[data-testid="article-item"][data-article="${id}"]`)!;
      item.dispatchEvent(new DragEvent('dragstart', { bubbles: true, cancelable: true, dataTransfer: dt }));
      const port = document.querySelector('[data-testid="viewport"]')!;
      port.dispatchEvent(new DragEvent('dragover', { bubbles: true, cancelable: true, dataTransfer: dt, clientX: x, clientY: y }));
      port.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt, clientX: x, clientY: y }));
      item.dispatchEvent(new DragEvent('dragend', { bubbles: true, cancelable: true, dataTransfer: dt }));
    },
    { id: articleId, x: p.x, y: p.y },
  );
}

const SIZES = [
  { width: 1600, height: 1000 },
  { width: 1366, height: 768 },
];

describe.skipIf(!chromiumAvailable())('a new story: 新建稿件 and the 文本框 tool', () => {
  describe.each(SIZES)('at $width×$height', (size) => {
    const web = hostSession({ sandbox: 'banmian-new-story-' });
    const { problems } = web;
    let page: Page;
    let grid: Grid;
    const tag = `${size.width}x${size.height}`;

    beforeAll(async () => {
      page = await openApp(web.browser, web.host.url, problems, size);
      // a new empty page, the dialog's defaults
      await page.keyboard.press('Control+n');
      await page.getByTestId('dialog-new-page').waitFor();
      await page.getByTestId('new-page-ok').click();
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="article-item"]').length === 0);
      await fitPage(page);
      grid = await readGrid(page);
      expect(grid.cols.length).toBeGreaterThanOrEqual(4);
    });

    let written = '';
    it('新建稿件 opens an empty story in the editor; headline and body typed there are in the 稿件 list', async () => {
      await page.getByTestId('tool-file.newStory').click();
      await page.getByTestId('story-editor').waitFor();
      written = (await page.getByTestId('story-editor').getAttribute('data-article'))!;
      expect(await page.getByTestId('story-headline').inputValue()).toBe('');
      expect((await page.getByTestId('story-body').innerText()).trim()).toBe('');
      // the caret is in 主题: typing goes there at once
      await typeInto(page, 'story-headline', '新区建设提速');
      await clickCaret(page.getByTestId('story-body'));
      await page.keyboard.type('今年以来，新区开工项目四十个，完成投资一百二十亿元。');
      const item = page.locator(`[data-testid="article-item"][data-article="${written}"]`);
      await expect.poll(() => item.getAttribute('data-placed')).toBe('no');
      await expect.poll(() => item.locator('.article-headline').innerText()).toBe('新区建设提速');
      await shot(page, `ui-new-story-editor-${tag}.png`);
    });

    it('placed by dragging it onto the page, its text is set on the canvas', async () => {
      await page.keyboard.press('Escape');
      await dropArticle(page, written, cell(grid, 0, 2));
      await expect.poll(() => page.locator(`[data-testid="article-item"][data-article="${written}"]`).getAttribute('data-placed')).toBe('yes');
      const text = await ownerText(page, written);
      expect(text).toContain('新区建设提速');
      expect(text).toContain('开工项目四十个');
    });

    let drawn = '';
    it('the 文本框 tool draws a frame of the dragged columns × lines, and undo takes it away in one step', async () => {
      const blocks = (await blockIds(page)).length;
      const unplaced = await unplacedCount(page);
      await page.getByTestId('tool-layout.textFrame').click();
      expect(await page.getByTestId('viewport').getAttribute('data-tool')).toBe('textFrame');
      // columns 2–3, lines 40–59: 2 columns × 20 lines
      await dragPage(page, cell(grid, 2, 40), cell(grid, 3, 59));
      await page.getByTestId('story-editor').waitFor();
      expect(await page.getByTestId('status-selection').innerText()).toContain('第 3 栏起 跨 2 栏 · 第 41 行起 20 行');
      expect(await blockIds(page)).toHaveLength(blocks + 1);
      // back to selecting after a frame is drawn
      expect(await page.getByTestId('viewport').getAttribute('data-tool')).toBeNull();
      await page.keyboard.press('Control+z');
      await expect.poll(async () => (await blockIds(page)).length).toBe(blocks);
      expect(await unplacedCount(page)).toBe(unplaced);
      expect(await page.getByTestId('article-item').count()).toBe(1);
      expect(await page.getByTestId('story-editor').count()).toBe(0);
    });

    it('typing into a drawn frame fills it on the page', async () => {
      await page.keyboard.press('t');
      expect(await page.getByTestId('viewport').getAttribute('data-tool')).toBe('textFrame');
      await dragPage(page, cell(grid, 3, 59), cell(grid, 2, 40));
      await page.getByTestId('story-editor').waitFor();
      drawn = (await page.getByTestId('story-editor').getAttribute('data-article'))!;
      const id = (await page.getByTestId('selection').getAttribute('data-block'))!;
      const frame = await frameOf(page, id);
      expect(frame.x).toBeCloseTo(grid.cols[2].x, 1);
      expect(frame.width).toBeCloseTo(grid.cols[3].x + grid.cols[3].width - grid.cols[2].x, 1);
      expect(frame.y).toBeCloseTo(grid.top + 40 * grid.pitch, 1);
      await typeInto(page, 'story-headline', '文本框里的新稿');
      await clickCaret(page.getByTestId('story-body'));
      await page.keyboard.type('画出文本框后直接写稿，文字排进这个框里。');
      await expect.poll(() => ownerText(page, drawn)).toContain('文字排进这个框里');
      expect(await ownerText(page, drawn)).toContain('文本框里的新稿');
      // every line of the story is set inside the drawn frame (its middle; a headline's ink may rise above the em box)
      const sheet = (await page.getByTestId('sheet').boundingBox())!;
      const scale = sheet.width / Number((await page.getByTestId('overlay').getAttribute('viewBox'))!.split(' ')[2]);
      const lines = await page.locator(`[data-testid="page"] svg[data-layer="owner:${drawn}"] text`).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as DOMRect));
      expect(lines.length).toBeGreaterThanOrEqual(2);
      for (const box of lines) {
        const x = (box.x - sheet.x) / scale;
        const middle = (box.y + box.height / 2 - sheet.y) / scale;
        expect(x).toBeGreaterThanOrEqual(frame.x - 1);
        expect(x + box.width / scale).toBeLessThanOrEqual(frame.x + frame.width + 1);
        expect(middle).toBeGreaterThan(frame.y);
        expect(middle).toBeLessThan(frame.y + frame.height);
      }
      await shot(page, `ui-new-story-frame-${tag}.png`);
      await page.keyboard.press('Escape');
    });

    it('a frame drawn over a text block is refused with the overlap notice; Escape cancels a drag', async () => {
      const blocks = await blockIds(page);
      const articles = await page.getByTestId('article-item').count();
      await page.getByTestId('tool-layout.textFrame').click();
      await dragPage(page, cell(grid, 1, 45), cell(grid, 2, 50));
      await expect.poll(() => page.getByTestId('notice').innerText()).toContain('文字块不能重叠');
      expect(await page.getByTestId('notice').innerText()).toContain('文本框里的新稿');
      expect(await blockIds(page)).toEqual(blocks);
      expect(await page.getByTestId('article-item').count()).toBe(articles);
      await shot(page, `ui-new-story-refused-${tag}.png`);

      // Escape during a drag: no frame, the tool stays; Escape again puts it away
      const a = await clientPoint(page, cell(grid, 0, 70).x, cell(grid, 0, 70).y);
      const b = await clientPoint(page, cell(grid, 1, 80).x, cell(grid, 1, 80).y);
      await page.mouse.move(a.x, a.y);
      await page.mouse.down();
      await page.mouse.move(b.x, b.y, { steps: 5 });
      await page.getByTestId('drag-preview').waitFor();
      expect(await page.getByTestId('drag-preview').textContent()).toContain('2 栏 × 11 行');
      await page.keyboard.press('Escape');
      await page.mouse.up();
      expect(await page.getByTestId('drag-preview').count()).toBe(0);
      expect(await blockIds(page)).toEqual(blocks);
      expect(await page.getByTestId('viewport').getAttribute('data-tool')).toBe('textFrame');
      await page.keyboard.press('Escape');
      expect(await page.getByTestId('viewport').getAttribute('data-tool')).toBeNull();
    });

    it('saved and reopened, both new stories are there, set on the page', async () => {
      await page.keyboard.press('Control+s');
      await page.getByTestId('dialog-save').waitFor();
      await page.getByTestId('dialog-file-name').fill('new-stories');
      await page.getByTestId('dialog-ok').click();
      await expect.poll(() => page.title()).toBe('版面 Banmian — new-stories.banmian');
      await page.reload();
      await page.waitForSelector('.status[data-state="ready"]');
      await page.keyboard.press('Control+o');
      await page.getByTestId('dialog-open').waitFor();
      await page.getByTestId('dialog-file-name').fill('new-stories.banmian');
      await page.getByTestId('dialog-ok').click();
      await expect.poll(() => page.title()).toBe('版面 Banmian — new-stories.banmian');
      expect(await ownerText(page, written)).toContain('开工项目四十个');
      expect(await ownerText(page, drawn)).toContain('文字排进这个框里');
      expect(problems).toEqual([]);
    });
  });
});
