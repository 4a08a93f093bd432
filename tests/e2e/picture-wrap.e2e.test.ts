/**
 * 文字绕排 上下 (above and below) with its offset in lines, on the sample page's picture of 安乐街道
 * narrowed to one of its article's two columns: 绕框 lets the text run beside it, 上下 keeps the
 * lines beside it empty, and a larger offset pushes the text below it away by whole lines.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, frameOf, shot, workspaceSession, type FrameBox } from './workspace-support';

const PHOTO = 'b-anle-photo';

/** Where the page draws the article's text lines: each text element's first x and its baseline y, pt. */
async function lines(page: Page): Promise<[number, number][]> {
  return page.locator('[data-testid="page"] svg[data-layer="owner:anle"] text').evaluateAll((nodes) => nodes.map((n) => [Number((n.getAttribute('x') ?? '').split(' ')[0]), Number(n.getAttribute('y'))] as [number, number]));
}

/** Lines drawn beside the picture (right of it, within its depth). */
const beside = async (page: Page, f: FrameBox) => (await lines(page)).filter(([x, y]) => x >= f.x + f.width + 1 && y > f.y && y < f.y + f.height).length;

/** The gap (pt) between the picture's foot and the baseline of the first line of its column below it. */
async function gaps(page: Page, f: FrameBox): Promise<{ below: number }> {
  const mine = (await lines(page)).filter(([x]) => x >= f.x && x < f.x + f.width);
  return { below: Math.min(...mine.filter(([, y]) => y > f.y + f.height).map(([, y]) => y)) - (f.y + f.height) };
}

async function setNumber(page: Page, testId: string, value: number): Promise<void> {
  const input = page.getByTestId(testId);
  await input.fill(String(value));
  await input.press('Enter');
}

describe.skipIf(!chromiumAvailable())('文字绕排 上下 with an offset in lines', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  let pitch: number;
  beforeAll(async () => {
    page = session.page;
    pitch = Number(await page.locator('#bm-baselines').getAttribute('height'));
  });

  it('绕框: the text runs beside the narrowed picture; 上下: no line beside it', async () => {
    expect(pitch).toBeGreaterThan(0);
    await clickBlock(page, PHOTO);
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe(PHOTO);
    await setNumber(page, 'prop-span', 1);
    await expect.poll(async () => Number(await page.getByTestId('prop-span').inputValue())).toBe(1);
    const f = await frameOf(page, PHOTO);
    expect(await page.getByTestId('prop-wrap').inputValue()).toBe('around');
    await expect.poll(() => beside(page, f)).toBeGreaterThan(0);
    await page.getByTestId('prop-wrap').selectOption('band');
    await expect.poll(() => beside(page, f)).toBe(0);
    await shot(page, 'picture-wrap-band-1600.png');
  });

  // The picture stands right under the headline: the offset shows in the body below it.
  it('an offset of 3 lines instead of 1 moves the text below two lines further away', async () => {
    const f = await frameOf(page, PHOTO);
    expect(Number(await page.getByTestId('prop-wrap-offset').inputValue())).toBe(1);
    const one = await gaps(page, f);
    await setNumber(page, 'prop-wrap-offset', 3);
    await expect.poll(async () => (await gaps(page, f)).below).toBeCloseTo(one.below + 2 * pitch, 0);
    expect(one.below).toBeLessThan(2 * pitch);
    expect(await beside(page, f)).toBe(0);
    await shot(page, 'picture-wrap-band-offset3-1600.png');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await gaps(page, f)).below).toBeCloseTo(one.below, 0);
  });

  it('left nothing in the console', () => {
    expect(session.problems).toEqual([]);
  });
});
