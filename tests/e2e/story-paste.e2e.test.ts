/**
 * Bad input in the story editor (issue #18, "Bad input"): 5 MB of text pasted into a story's body
 * is refused with a notice naming the limit; the story, the page and the undo history stay as they
 * were, and the window keeps answering. A paste under the limit still lands.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { STORY_PASTE_LIMIT } from '../../src-renderer/story/paste-limit';
import { chromiumAvailable } from '../support/browser';
import { clickCaret, openStory, workspaceSession } from './workspace-support';

const BLOCK = 'b-nanguan';

/** Pastes `text` as plain text into the focused editable, as Ctrl+V from another program would. */
async function pasteText(page: Page, text: string): Promise<void> {
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.setData('text/plain', text);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { bubbles: true, cancelable: true, clipboardData: dt }));
  }, text);
}

const bodyLength = (page: Page) => page.getByTestId('story-body').evaluate((el) => el.textContent!.length);

describe.skipIf(!chromiumAvailable())('pasting into the story editor', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await openStory(page, BLOCK);
  });

  it('refuses 5 MB of pasted text with a notice; the story, the page and the undo history stay', async () => {
    const body = page.getByTestId('story-body');
    await clickCaret(body.locator('p').first());
    await page.keyboard.press('Control+Home');
    await page.keyboard.type('先');
    await expect.poll(() => body.locator('p').first().innerText()).toMatch(/^先/);
    const before = { length: await bodyLength(page), page: await page.getByTestId('page').innerHTML() };
    // 5 MB of UTF-8: about 1.75 million Han characters in paragraphs of 499.
    const para = '版'.repeat(499) + '\n';
    const text = para.repeat(Math.ceil((5 * 1024 * 1024) / Buffer.byteLength(para)));
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(5 * 1024 * 1024);
    await pasteText(page, text);
    const notice = page.getByTestId('notice');
    await expect.poll(() => notice.locator('.notice-zh').innerText()).toContain('粘贴');
    expect(await notice.locator('.notice-en').innerText()).toContain('paste');
    expect(await bodyLength(page)).toBe(before.length);
    expect(await page.getByTestId('page').innerHTML()).toBe(before.page);
    // The window answers at once, and the last step is still the 先 typed before the paste.
    const answered = await page.evaluate(() => new Promise<number>((r) => { const t = performance.now(); requestAnimationFrame(() => r(performance.now() - t)); }));
    expect(answered).toBeLessThan(1000);
    await page.keyboard.press('Control+z');
    await expect.poll(() => body.locator('p').first().innerText()).not.toMatch(/^先/);
    await page.keyboard.press('Control+y');
    await expect.poll(() => body.locator('p').first().innerText()).toMatch(/^先/);
  });

  it('5 MB of text dropped onto the body is refused the same way', async () => {
    const close = page.getByTestId('notice').locator('button');
    if (await close.count()) await close.click();
    const before = await bodyLength(page);
    await page.getByTestId('story-body').evaluate((el, text) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', text);
      const r = el.getBoundingClientRect();
      el.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt, clientX: r.x + 20, clientY: r.y + 10 }));
    }, '拖'.repeat(5 * 1024 * 1024 / 3));
    await expect.poll(() => page.getByTestId('notice').locator('.notice-zh').innerText()).toContain('超过一次粘贴的上限');
    expect(await bodyLength(page)).toBe(before);
  });

  it('a paste under the limit lands in the story and on the page', async () => {
    const body = page.getByTestId('story-body');
    await clickCaret(body.locator('p').first());
    await page.keyboard.press('Control+Home');
    const before = await bodyLength(page);
    await pasteText(page, '粘贴进来的一句话。');
    await expect.poll(() => bodyLength(page)).toBe(before + '粘贴进来的一句话。'.length);
    await expect.poll(() => page.locator('[data-testid="page"] svg text').allTextContents().then((t) => t.join(''))).toContain('粘贴进来的');
  });

  it('a paste of the limit itself lands (the time it took is printed), and one undo step takes it away', async () => {
    const body = page.getByTestId('story-body');
    await clickCaret(body.locator('p').first());
    await page.keyboard.press('Control+End');
    const before = await bodyLength(page);
    const text = ('稿'.repeat(199) + '\n').repeat(STORY_PASTE_LIMIT / 200);
    expect(text.length).toBe(STORY_PASTE_LIMIT);
    const t = Date.now();
    await pasteText(page, text);
    // each line a paragraph: the newlines are not characters of the body
    await expect.poll(() => bodyLength(page), { timeout: 60_000 }).toBeGreaterThanOrEqual(before + STORY_PASTE_LIMIT - STORY_PASTE_LIMIT / 200);
    await expect.poll(() => page.getByTestId('story-overset').count()).toBe(1);
    console.log(`a paste of ${STORY_PASTE_LIMIT} characters: in the story and the page overset after ${Date.now() - t} ms`);
    // (the store's history joins edits close in time: the short paste before may go with it)
    await page.keyboard.press('Control+z');
    await expect.poll(() => bodyLength(page), { timeout: 60_000 }).toBeLessThanOrEqual(before);
  });

  it('logged no errors', () => {
    expect(session.problems).toEqual([]);
  });
});
