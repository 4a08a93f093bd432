/**
 * A marquee let go over many blocks (issue #18, Speed: "marquee-select … ≤ 16 ms a frame"): the
 * canvas shows the selection in the frame after the release, and the 属性 panel's fields for the key
 * block (some 600 elements: their style, layout and paint) come in the frame after that, so no frame
 * carries both. Checked by what the window holds when the release's own work is done, not by a clock.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { workspaceSession } from './workspace-support';

interface Shown {
  selected: number;
  blockFields: number;
  hint: number;
}

/** What the window shows once the pointer event `type` and React's work for it have run (a microtask after it). */
async function shownAfter(page: Page, type: 'pointerup' | 'pointerdown', act: () => Promise<void>): Promise<Shown> {
  await page.evaluate((type) => {
    const w = window as unknown as { __afterRelease?: unknown };
    w.__afterRelease = undefined;
    window.addEventListener(
      type,
      () =>
        queueMicrotask(() => {
          w.__afterRelease = {
            selected: document.querySelectorAll('[data-testid="overlay"] [data-selected]').length,
            blockFields: document.querySelectorAll('[data-testid="block-properties"]').length,
            hint: document.querySelectorAll('[data-testid="properties-content"] > p.hint').length,
          };
        }),
      { once: true },
    );
  }, type);
  await act();
  await page.waitForFunction(() => (window as unknown as { __afterRelease?: unknown }).__afterRelease !== undefined);
  return page.evaluate(() => (window as unknown as { __afterRelease: Shown }).__afterRelease);
}

describe.skipIf(!chromiumAvailable())('letting go of a marquee over many blocks', () => {
  const session = workspaceSession({ width: 1600, height: 1000 });
  let page: Page;
  beforeAll(() => {
    page = session.page;
  });

  it('selects the blocks on the canvas first; the key block’s fields follow in the next frame', async () => {
    await page.getByTestId('tab-properties').click();
    const sheet = (await page.getByTestId('sheet').boundingBox())!;
    await page.mouse.click(sheet.x + 2, sheet.y + 2);
    await expect.poll(() => page.locator('[data-testid="properties-content"] > p.hint').count()).toBe(1);
    await page.mouse.move(sheet.x + 2, sheet.y + 2);
    await page.mouse.down();
    await page.mouse.move(sheet.x + sheet.width - 2, sheet.y + sheet.height - 2, { steps: 8 });
    const atRelease = await shownAfter(page, 'pointerup', () => page.mouse.up());
    expect(atRelease.selected).toBeGreaterThan(5);
    // the release drew the selection only: the panel still says nothing is selected
    expect(atRelease).toMatchObject({ blockFields: 0, hint: 1 });
    // and the key block's fields arrive after that frame
    await expect.poll(() => page.getByTestId('block-properties').count()).toBe(1);
    expect(await page.getByTestId('selection').getAttribute('data-block')).toBeTruthy();
  });

  it('a click on one block shows its fields at once (nothing waits a frame)', async () => {
    const sheet = (await page.getByTestId('sheet').boundingBox())!;
    await page.mouse.click(sheet.x + 2, sheet.y + 2);
    await expect.poll(() => page.getByTestId('block-properties').count()).toBe(0);
    const frame = (await page.locator('[data-testid="overlay"] g.frame[data-block="b-wu-jinsong"] rect.frame-hit').boundingBox())!;
    await page.mouse.move(frame.x + 20, frame.y + 20);
    const atPress = await shownAfter(page, 'pointerdown', () => page.mouse.down());
    await page.mouse.up();
    expect(atPress).toMatchObject({ blockFields: 1, hint: 0 });
  });

  it('logged no errors', () => {
    expect(session.problems).toEqual([]);
  });
});
