/**
 * Small things of the panels and dialogs that were cut or said the wrong thing (issue 18's audit):
 * 属性's selects show their whole choice and their names stay on one line, the export dialog's units
 * sit right after their short fields, several blocks selected are counted, and a page with no stories
 * says so rather than "all placed". At 1366×768 and 1600×1000, with screenshots.
 */
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumAvailable } from '../support/browser';
import { clickBlock, menu, shot, workspaceSession } from './workspace-support';

/** The selects of 属性 whose chosen text is wider than the room the select gives it (the arrow and padding kept). */
async function cutSelects(panel: Locator): Promise<string[]> {
  return panel.locator('select').evaluateAll((selects) => {
    const ctx = document.createElement('canvas').getContext('2d')!;
    return (selects as HTMLSelectElement[])
      .filter((s) => s.offsetParent !== null && s.selectedOptions[0])
      .flatMap((s) => {
        const css = getComputedStyle(s);
        ctx.font = `${css.fontWeight} ${css.fontSize} ${css.fontFamily}`;
        const text = s.selectedOptions[0].text;
        const room = s.clientWidth - parseFloat(css.paddingLeft) - parseFloat(css.paddingRight) - 20;
        return ctx.measureText(text).width > room ? [`${s.dataset.testid ?? s.name}: "${text}" ${Math.round(ctx.measureText(text).width)} px in ${Math.round(room)} px`] : [];
      });
  });
}

/** The text fields of 属性 whose value is wider than the field (小五 9 p…). */
async function cutInputs(panel: Locator): Promise<string[]> {
  return panel.locator('input[type="text"], input:not([type])').evaluateAll((inputs) =>
    (inputs as HTMLInputElement[]).filter((i) => i.offsetParent !== null && i.scrollWidth > i.clientWidth + 1).map((i) => `${i.dataset.testid ?? ''} "${i.value}"`),
  );
}

/** The Chinese names of 属性's rows laid over more than one line. */
async function wrappedNames(panel: Locator): Promise<string[]> {
  return panel.locator('.field-label').evaluateAll((labels) =>
    labels
      .filter((l) => (l as HTMLElement).offsetParent !== null)
      .flatMap((l) => {
        const zh = l.firstChild;
        if (!zh || zh.nodeType !== Node.TEXT_NODE || !zh.textContent!.trim()) return [];
        const range = document.createRange();
        range.selectNodeContents(zh);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        return lines.size > 1 ? [`${zh.textContent} (${lines.size} lines)`] : [];
      }),
  );
}

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1600, height: 1000 },
]) {
  describe.skipIf(!chromiumAvailable())(`panels and dialogs at ${viewport.width}×${viewport.height}`, () => {
    const session = workspaceSession(viewport);
    const tag = `${viewport.width}x${viewport.height}`;
    let page: Page;
    beforeAll(() => {
      page = session.page;
    });

    it('属性 of an article block shows each select’s whole choice, each name on one line (横排, 竖排 and 转排 too)', async () => {
      await clickBlock(page, 'b-nanguan');
      const panel = page.getByTestId('properties-content');
      await panel.getByTestId('prop-title-direction').waitFor();
      expect(await cutSelects(panel)).toEqual([]);
      expect(await wrappedNames(panel)).toEqual([]);
      expect(await cutInputs(panel)).toEqual([]);
      await panel.getByTestId('prop-title-direction').selectOption('vertical');
      await panel.getByTestId('prop-title-latin').waitFor();
      expect(await cutSelects(panel)).toEqual([]);
      expect(await wrappedNames(panel)).toEqual([]);
      await panel.getByTestId('prop-title-direction').scrollIntoViewIfNeeded();
      await shot(page, `panel-fit-properties-${tag}.png`);
      await page.keyboard.press('Control+z');
      await expect.poll(() => panel.getByTestId('prop-title-direction').inputValue()).toBe('horizontal');
    });

    it('with several blocks selected, 属性 says how many', async () => {
      await clickBlock(page, 'b-nanguan');
      await clickBlock(page, 'b-xie-feng', true);
      await expect.poll(() => page.getByTestId('selected-count').innerText()).toMatch(/^2 块已选 · 2 blocks selected/);
      await shot(page, `panel-fit-selected-${tag}.png`);
      await page.keyboard.press('Escape');
      await expect.poll(() => page.getByTestId('selected-count').count()).toBe(0);
    });

    it('the export dialog’s bleed is a short field with its mm right after it', async () => {
      await page.keyboard.press('Control+e');
      await page.getByTestId('dialog-export').waitFor();
      const input = (await page.getByTestId('export-bleed').boundingBox())!;
      const unit = (await page.getByTestId('dialog-export').locator('.unit', { hasText: 'mm' }).boundingBox())!;
      const dialog = (await page.getByTestId('dialog-export').boundingBox())!;
      expect(input.width).toBeLessThanOrEqual(120);
      expect(unit.x - (input.x + input.width)).toBeGreaterThanOrEqual(0);
      expect(unit.x - (input.x + input.width)).toBeLessThanOrEqual(8);
      expect(Math.abs(unit.y + unit.height / 2 - (input.y + input.height / 2))).toBeLessThanOrEqual(3);
      expect(unit.x + unit.width).toBeLessThanOrEqual(dialog.x + dialog.width);
      await shot(page, `panel-fit-export-${tag}.png`);
      await page.keyboard.press('Escape');
    });

    it('a new page with no stories says there are none yet (not 全部稿件已上版), and how to bring one', async () => {
      await menu(page, 'file', 'file.new');
      await page.getByTestId('dialog-new-page').waitFor();
      await page.getByTestId('new-page-ok').click();
      await expect.poll(() => page.getByTestId('doc-title').innerText()).toContain('未命名');
      const articles = page.getByTestId('articles');
      expect(await articles.getByTestId('no-articles').innerText()).toMatch(/^还没有稿件.*Ctrl\+I.*Ctrl\+Shift\+N.*No stories yet/);
      expect(await articles.innerText()).not.toContain('全部稿件已上版');
      await shot(page, `panel-fit-new-page-${tag}.png`);
    });

    it('left nothing in the console', () => {
      expect(session.problems).toEqual([]);
    });
  });
}
