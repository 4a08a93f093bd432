/**
 * The story editor docks beside the page, never over it (issue #18): at 1366×768 and 1600×1000 the
 * article being edited stays in view beside the editor, on the 组版 desk and the 校对 desk; the bar
 * between them is dragged, moved with the keys, and remembered; typing reflows the block on the page.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CANVAS_MIN_WIDTH, STORY_MIN_WIDTH } from '../../src-renderer/story/StoryDock';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, openFitted, openStory, shot, workspaceSession, type FrameBox } from './workspace-support';

const SIZES = [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
];
/** 南关街道's block: the page's last column, in its lower half. */
const BLOCK = 'b-nanguan';

async function rect(page: Page, selector: string): Promise<FrameBox> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not shown`);
  return box;
}
const blockRect = (page: Page, id = BLOCK) => rect(page, `[data-testid="overlay"] g.frame[data-block="${id}"] rect.frame-hit`);
const editorRect = (page: Page) => rect(page, '[data-testid="story-editor"]');
const viewportRect = (page: Page) => rect(page, '[data-testid="viewport"]');

const intersects = (a: FrameBox, b: FrameBox): boolean => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
/** `inner` lies inside `outer`, to a pixel's rounding. */
const inside = (inner: FrameBox, outer: FrameBox): boolean =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

/** The edited block is shown whole in the page's viewport, and the editor covers none of it. */
async function expectArticleBesideEditor(page: Page, id = BLOCK): Promise<void> {
  const block = await blockRect(page, id);
  const editor = await editorRect(page);
  const viewport = await viewportRect(page);
  expect(intersects(block, editor), `block ${JSON.stringify(block)} under the editor ${JSON.stringify(editor)}`).toBe(false);
  expect(inside(block, viewport), `block ${JSON.stringify(block)} outside the viewport ${JSON.stringify(viewport)}`).toBe(true);
}

/**
 * The block's head is in the viewport: its top-left corner, and its whole width when the viewport
 * is wide enough (a block larger than the viewport at actual size shows its start).
 */
async function expectArticleHeadInView(page: Page, id: string): Promise<void> {
  const block = await blockRect(page, id);
  const port = await viewportRect(page);
  const where = `block ${id} ${JSON.stringify(block)} in the viewport ${JSON.stringify(port)}`;
  expect(block.x >= port.x && block.x < port.x + port.width - 40, where).toBe(true);
  expect(block.y >= port.y && block.y < port.y + port.height - 40, where).toBe(true);
  if (block.width < port.width) expect(block.x + block.width <= port.x + port.width, where).toBe(true);
}

const editorWidth = async (page: Page) => (await editorRect(page)).width;
const pageFrameWidth = async (page: Page) => (await rect(page, '.canvas-area > .page-frame')).width;

/** The text of the article's lines as the page draws them, one string per line. */
async function drawnLines(page: Page, articleId: string): Promise<string[]> {
  return page.locator(`[data-testid="page"] svg[data-layer="owner:${articleId}"] text`).allTextContents();
}

/** Screen px the page draws the article's body text at: its commonest font size (pt) times the page's px per pt. */
async function bodyTextPx(page: Page, articleId: string): Promise<number> {
  const sizes = (await page.locator(`[data-testid="page"] svg[data-layer="owner:${articleId}"] text`).evaluateAll((ts) => ts.map((t) => t.getAttribute('font-size')))).map(Number);
  const counts = new Map<number, number>();
  for (const s of sizes) counts.set(s, (counts.get(s) ?? 0) + 1);
  const body = [...counts].sort((a, b) => b[1] - a[1])[0][0];
  const sheet = await rect(page, '[data-testid="sheet"]');
  const viewBox = (await page.getByTestId('overlay').getAttribute('viewBox'))!.split(' ').map(Number);
  return body * (sheet.width / viewBox[2]);
}

/** Body text this many screen px high is read without a zoom of one's own (小五 9 pt at about 85 %). */
const READABLE_PX = 10;

async function dragSplitter(page: Page, dx: number): Promise<void> {
  const bar = await rect(page, '[data-testid="story-splitter"]');
  const y = bar.y + bar.height / 2;
  await page.mouse.move(bar.x + bar.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(bar.x + bar.width / 2 + dx, y, { steps: 6 });
  await page.mouse.up();
}

describe.skipIf(!chromiumAvailable())('the docked story editor', () => {
  describe.each(SIZES)('at $width×$height', (size) => {
    const session = workspaceSession(size);
    let page: Page;
    beforeAll(() => {
      page = session.page;
    });

    it('opens beside the page: the edited article on the right half of the page is in view, not under the editor', async () => {
      await openStory(page, BLOCK);
      await expectArticleBesideEditor(page);
      console.log(`${size.width}×${size.height} 组版: page viewport ${(await viewportRect(page)).width} px, editor ${await editorWidth(page)} px`);
      await shot(page, `story-dock-${size.width}x${size.height}.png`);
    });

    it('opened with the page fitted, zooms to the edited block: its body text readable, the block whole beside the editor', async () => {
      // The describe's page was fitted (适合页面) when the story opened.
      const px = await bodyTextPx(page, 'nanguan');
      console.log(`${size.width}×${size.height}: body text drawn at ${px.toFixed(1)} px, zoom ${await page.getByTestId('zoom').innerText()}`);
      expect(px).toBeGreaterThanOrEqual(READABLE_PX);
      await expectArticleBesideEditor(page);
    });

    it('typing in the editor reflows the block on the page', async () => {
      const before = await drawnLines(page, 'nanguan');
      await clickCaret(page.getByTestId('story-body').locator('p').first());
      await page.keyboard.press('Control+Home');
      await page.keyboard.type('停靠编辑器旁的版面随键入即时重排');
      await expect.poll(async () => (await drawnLines(page, 'nanguan')).join('')).toContain('停靠编辑器旁');
      const after = await drawnLines(page, 'nanguan');
      // The body's first line now starts with the typed text, and the words it held moved on to the
      // next lines: the block's lines were broken again.
      const first = after.findIndex((l) => l.includes('停靠'));
      expect(after[first].startsWith('停靠')).toBe(true);
      expect(before[first].startsWith('为进一步强化')).toBe(true);
      expect(after.slice(first + 1, first + 4)).not.toEqual(before.slice(first + 1, first + 4));
      expect(after.join('')).toContain(before[first].slice(0, 6));
      await expectArticleBesideEditor(page);
    });

    it('the bar between page and editor is dragged: the editor widens and the page narrows, each down to its minimum', async () => {
      const editor0 = await editorWidth(page);
      const page0 = await pageFrameWidth(page);
      await dragSplitter(page, -60);
      await expect.poll(() => editorWidth(page)).toBeCloseTo(editor0 + 60, -1);
      expect(await pageFrameWidth(page)).toBeCloseTo(page0 - 60, -1);
      await expectArticleBesideEditor(page);
      await dragSplitter(page, -3000);
      await expect.poll(() => pageFrameWidth(page)).toBeCloseTo(CANVAS_MIN_WIDTH, 0);
      await expectArticleBesideEditor(page);
      await dragSplitter(page, 3000);
      await expect.poll(() => editorWidth(page)).toBeCloseTo(STORY_MIN_WIDTH, 0);
      await expectArticleBesideEditor(page);
    });

    it('the bar moves with the arrow keys, and the width is remembered when the page is opened again', async () => {
      const bar = page.getByTestId('story-splitter');
      await bar.focus();
      const w0 = await editorWidth(page);
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('Shift+ArrowLeft');
      await expect.poll(() => editorWidth(page)).toBeCloseTo(w0 + 16 + 80, 0);
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => editorWidth(page)).toBeCloseTo(w0 + 80, 0);
      expect(await bar.getAttribute('aria-valuenow')).toBe(String(Math.round(w0 + 80)));

      await page.reload();
      await page.waitForSelector('.status[data-state="ready"]', { timeout: 90_000 });
      await page.getByTestId('tool-view.fitPage').click();
      await openStory(page, BLOCK);
      expect(await editorWidth(page)).toBeCloseTo(w0 + 80, 0);
      await expectArticleBesideEditor(page);
    });

    it('at actual size the page scrolls the edited article into view, and follows when another article is opened', async () => {
      await page.getByTestId('story-editor').getByRole('button', { name: '关闭 Close' }).click();
      await page.getByTestId('story-editor').waitFor({ state: 'detached' });
      // Closed, the story's zoom gives way to the fit mode the page had.
      await expect.poll(() => page.getByTestId('tool-view.fitPage').getAttribute('aria-pressed')).toBe('true');
      await page.getByTestId('tool-actual').click();
      await page.getByTestId('viewport').evaluate((el) => el.scrollTo(0, 0));
      const open = async (articleId: string) => {
        await page.locator(`[data-testid="article-item"][data-article="${articleId}"]`).dblclick();
        await expect.poll(() => page.getByTestId('story-editor').getAttribute('data-article')).toBe(articleId);
      };
      await open('nanguan');
      await expectArticleHeadInView(page, BLOCK);
      await open('xie-feng');
      await expectArticleHeadInView(page, 'b-xie-feng');
      await open('nanguan');
      await expectArticleHeadInView(page, BLOCK);
      expect(intersects(await blockRect(page), await editorRect(page))).toBe(false);
    });

    it('on the 校对 desk the page keeps its room beside the 校对 panel and the editor', async () => {
      const proof = await openFitted(session.browser, `${session.host.url}?role=校对&name=王岚`, session.problems, size);
      try {
        await proof.getByTestId('proof-panel').waitFor();
        await openStory(proof, BLOCK);
        await expectArticleBesideEditor(proof);
        expect(await pageFrameWidth(proof)).toBeGreaterThanOrEqual(CANVAS_MIN_WIDTH - 1);
        expect(intersects(await rect(proof, '[data-testid="proof-panel"]'), await blockRect(proof))).toBe(false);
        console.log(`${size.width}×${size.height} 校对: page viewport ${(await viewportRect(proof)).width} px, editor ${await editorWidth(proof)} px`);
        await shot(proof, `story-dock-proof-${size.width}x${size.height}.png`);
      } finally {
        await proof.close();
      }
    });

    it('left nothing in the console', () => {
      expect(session.problems).toEqual([]);
    });
  });
});
