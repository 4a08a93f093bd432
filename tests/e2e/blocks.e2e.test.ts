/**
 * The block tools in Chromium, by pointer and keyboard: a rule added, restyled and dragged; a tinted
 * box; a picture moved and scaled inside its frame; a stepped article; a headline over a picture
 * (压题图). Each change is one undo step. The print side of the same tools is checked on the PDF:
 * rendered with pdftoppm and compared with a reference a person looked at.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import { exportPdf } from '../../src-core/pdf';
import { fontProvider } from '../../src-main/fonts/provider';
import { blocksPage } from '../fixtures/pdf/pages';
import { chromiumAvailable } from '../support/browser';
import { compareWithReference } from '../support/reference';
import { clientPoint, dragPage, frameOf, shot, workspaceSession } from './workspace-support';
import { openHandPlacedPage } from './hand-placed-support';

const num = async (page: Page, testId: string, attr: string): Promise<number> => Number(await page.getByTestId(testId).getAttribute(attr));

/** [x of the first glyph, baseline y, text] of every text element of the page SVG. */
async function texts(page: Page): Promise<[number, number, string][]> {
  return page.locator('[data-testid="page"] svg text').evaluateAll((nodes) => nodes.map((n) => [Number((n.getAttribute('x') ?? '').split(' ')[0]), Number(n.getAttribute('y')), n.textContent ?? ''] as [number, number, string]));
}

describe.skipIf(!chromiumAvailable())('block tools in the workspace: rules, tints, crop, stepped articles, 压题图', () => {
  const session = workspaceSession();
  let page: Page;
  let pitch: number;
  beforeAll(async () => {
    page = session.page;
    await openHandPlacedPage(session);
    // b-xie-feng is 30 lines deep, b-xu-chaowen 17: their heights differ by 13 line pitches.
    pitch = ((await frameOf(page, 'b-xie-feng')).height - (await frameOf(page, 'b-xu-chaowen')).height) / 13;
  });

  const select = async (id: string): Promise<void> => {
    const f = await frameOf(page, id);
    const p = await clientPoint(page, f.x + f.width / 2, f.y + pitch * 1.5);
    await page.mouse.click(p.x, p.y);
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe(id);
  };
  const commit = async (testId: string, value: string): Promise<void> => {
    await page.getByTestId(testId).fill(value);
    await page.getByTestId(testId).press('Enter');
  };

  it('adds a rule under the selected article, restyles it and drags it by whole lines, each one undo step', async () => {
    await select('b-nanguan');
    const nanguan = await frameOf(page, 'b-nanguan');
    await page.getByTestId('menu-layout').click();
    await page.locator('.menu-items [data-command="layout.addRuleH"]').click();
    const ruleId = (await page.getByTestId('selection').getAttribute('data-block'))!;
    expect(ruleId).toMatch(/^rule-/);
    // Across the article, in the leading under its last line.
    const y = await num(page, 'rule-drag', 'y1');
    expect(y).toBeGreaterThan(nanguan.y + nanguan.height);
    expect(y).toBeLessThan(nanguan.y + nanguan.height + pitch);
    expect(await num(page, 'rule-drag', 'x1')).toBeCloseTo(nanguan.x, 1);
    expect(await num(page, 'rule-drag', 'x2')).toBeCloseTo(nanguan.x + nanguan.width, 1);
    expect(await page.getByTestId('prop-rule-width').inputValue()).toBe('0.25');

    await page.getByTestId('prop-rule-style').selectOption('wave');
    await expect.poll(() => page.locator('[data-testid="page"] svg g.rule-wave path').count()).toBe(1);
    await commit('prop-rule-width', '0.8');

    const x = (nanguan.x + nanguan.width) / 2;
    await dragPage(page, { x, y }, { x, y: y + 3 * pitch + 2 });
    await expect.poll(() => num(page, 'rule-drag', 'y1')).toBeCloseTo(y + 3 * pitch, 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => num(page, 'rule-drag', 'y1')).toBeCloseTo(y, 1);
    expect(await page.getByTestId('prop-rule-width').inputValue()).toBe('0.80');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('prop-rule-width').inputValue()).toBe('0.25');
    expect(await page.locator('[data-testid="page"] svg g.rule-wave').count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => num(page, 'rule-drag', 'y1')).toBeCloseTo(y + 3 * pitch, 1);
    // Arrow keys move it a line at a time, as they nudge blocks.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => num(page, 'rule-drag', 'y1')).toBeCloseTo(y + 4 * pitch, 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => num(page, 'rule-drag', 'y1')).toBeCloseTo(y + 3 * pitch, 1);
    // Exact length in mm from 属性: the right end moves.
    await commit('prop-rule-length', '50');
    await expect.poll(async () => (await num(page, 'rule-drag', 'x2')) - (await num(page, 'rule-drag', 'x1'))).toBeCloseTo((50 * 72) / 25.4, 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => num(page, 'rule-drag', 'x2')).toBeCloseTo(nanguan.x + nanguan.width, 1);
  });

  it('sets a 10 % K tint and a 花边 frame on an article: its text keeps the inset inside the box', async () => {
    await select('b-nanguan');
    const f = await frameOf(page, 'b-nanguan');
    const inside = (t: [number, number, string]) => t[0] >= f.x - 1 && t[0] < f.x + f.width && t[1] > f.y && t[1] < f.y + f.height;
    // The first column's left edge: where most lines start (an opening quote may hang half a character out).
    const leftEdge = async () => {
      const xs = (await texts(page)).filter(inside).map((t) => Math.round(t[0] * 10) / 10).filter((x) => x < f.x + 20);
      const counts = new Map<number, number>();
      for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
      return [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0];
    };
    expect(await leftEdge()).toBeCloseTo(f.x, 0);
    await commit('prop-tint', '10');
    // 10 % K on screen: 90 % of white.
    await expect.poll(() => page.locator('[data-testid="page"] svg rect[fill="rgb(230,230,230)"]').count()).toBe(1);
    // Half a body character of inset by default (the sample's body is 9 pt).
    expect(await leftEdge()).toBeCloseTo(f.x + 4.5, 0);
    expect(await page.getByTestId('prop-inset').inputValue()).toBe('1.6');
    await commit('prop-inset', '3');
    await expect.poll(leftEdge).toBeCloseTo(f.x + (3 * 72) / 25.4, 0);

    // Locked, the block refuses a new tint from 属性 and says why.
    await page.keyboard.press('Control+l');
    await commit('prop-tint', '30');
    await expect.poll(() => page.getByText('该块已锁定').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('prop-tint').inputValue()).toBe('10');
    await page.keyboard.press('Control+l');

    await page.getByTestId('prop-frame-style').selectOption('wave');
    await expect.poll(() => page.locator('[data-testid="page"] svg g.frame-wave path').count()).toBe(4);
    expect(await page.getByTestId('prop-frame-width').inputValue()).toBe('0.50');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="page"] svg g.frame-wave').count()).toBe(0);
    expect(await page.locator('[data-testid="page"] svg rect[fill="rgb(230,230,230)"]').count()).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(() => page.locator('[data-testid="page"] svg g.frame-wave').count()).toBe(1);
  });

  it('adds a free 底纹框 over the selected block, under it: the article inside is still picked first', async () => {
    await select('b-nanyang-chamber');
    const nanyang = await frameOf(page, 'b-nanyang-chamber');
    const tints = await page.locator('[data-testid="page"] svg rect[fill="rgb(230,230,230)"]').count();
    await page.getByTestId('menu-layout').click();
    await page.locator('.menu-items [data-command="layout.addBox"]').click();
    const boxId = (await page.getByTestId('selection').getAttribute('data-block'))!;
    expect(boxId).toMatch(/^box-/);
    expect(await frameOf(page, boxId)).toEqual(nanyang);
    await expect.poll(() => page.locator('[data-testid="page"] svg rect[fill="rgb(230,230,230)"]').count()).toBe(tints + 1);
    expect(await page.getByTestId('block-properties').locator('h3').innerText()).toContain('底纹框');
    // Moved up a line from 属性, it stays under the article: a click on the article picks the article.
    await commit('prop-row', String(Number(await page.getByTestId('prop-row').inputValue()) - 1));
    await expect.poll(async () => (await frameOf(page, boxId)).y).toBeLessThan(nanyang.y);
    await select('b-nanyang-chamber');
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.locator('[data-testid="page"] svg rect[fill="rgb(230,230,230)"]').count()).toBe(tints);
  });

  let pictureName = '';
  it('moves a dropped picture inside its frame with the crop grip, and scales and fits it from 属性', async () => {
    const png = new PNG({ width: 300, height: 200 });
    for (let y = 0; y < 200; y++)
      for (let x = 0; x < 300; x++) png.data.set([40 + (x * 200) / 300, 90 + ((x + y) % 40), 60 + (y * 180) / 200, 255], (y * 300 + x) * 4);
    const bytes = [...PNG.sync.write(png)];
    const xie = await frameOf(page, 'b-xie-feng');
    const drop = await clientPoint(page, xie.x + 4, xie.y + 12 * pitch);
    pictureName = '街景.png';
    await page.evaluate(
      ({ bytes, x, y, name }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, { type: 'image/png' }));
        document.querySelector('[data-testid="viewport"]')!.dispatchEvent(new DragEvent('drop', { bubbles: true, cancelable: true, dataTransfer: dt, clientX: x, clientY: y }));
      },
      { bytes, x: drop.x, y: drop.y, name: pictureName },
    );
    await page.getByTestId('crop-grip-handle').waitFor();
    const image = page.locator('[data-testid="page"] svg svg image').first();
    const at = async () => ({ x: Number(await image.getAttribute('x')), width: Number(await image.getAttribute('width')) });
    const before = await at();
    const cx = await num(page, 'crop-grip-handle', 'cx');
    const cy = await num(page, 'crop-grip-handle', 'cy');
    await dragPage(page, { x: cx, y: cy }, { x: cx + 30, y: cy });
    await expect.poll(async () => (await at()).x).toBeCloseTo(before.x + 30, 0);
    const id = (await page.getByTestId('selection').getAttribute('data-block'))!;
    const frame = await frameOf(page, id);
    expect(Number(await page.getByTestId('prop-crop-offset-x').inputValue())).toBeCloseTo((30 / frame.width) * 100, 0);

    await commit('prop-crop-scale', '150');
    await expect.poll(async () => (await at()).width).toBeCloseTo(before.width * 1.5, 1);
    await shot(page, 'ui-blocks-crop.png');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await at()).width).toBeCloseTo(before.width, 1);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await at()).x).toBeCloseTo(before.x, 1);
    // 适合: the whole picture inside the frame
    await page.getByTestId('prop-crop-fit').click();
    await expect.poll(async () => (await at()).width).toBeLessThanOrEqual(frame.width + 0.01);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await at()).width).toBeCloseTo(before.width, 1);
    await page.keyboard.press('Delete');
  });

  it('steps the last column of an article by dragging its foot, and resets it to a rectangle', async () => {
    await select('b-xie-feng');
    const xie = await frameOf(page, 'b-xie-feng');
    const hx = (await num(page, 'depth-handle-3', 'x')) + (await num(page, 'depth-handle-3', 'width')) / 2;
    const hy = (await num(page, 'depth-handle-3', 'y')) + (await num(page, 'depth-handle-3', 'height')) / 2;
    expect(hy).toBeCloseTo(xie.y + xie.height, 1);
    await dragPage(page, { x: hx, y: hy }, { x: hx, y: hy - 10 * pitch - 2 });
    await expect.poll(() => page.getByTestId('prop-steps').innerText()).toContain('30 / 30 / 30 / 20');
    // The fourth column's text now ends ten lines higher; the first still reaches the foot.
    const col4 = xie.x + (xie.width * 3) / 4;
    const all = await texts(page);
    const lowest = (from: number, to: number) => Math.max(...all.filter((t) => t[0] > from - 0.5 && t[0] < to && t[1] > xie.y && t[1] < xie.y + xie.height + 2).map((t) => t[1]));
    expect(lowest(col4, xie.x + xie.width)).toBeLessThan(xie.y + xie.height - 9 * pitch);
    expect(lowest(xie.x, xie.x + xie.width / 4)).toBeGreaterThan(xie.y + xie.height - pitch);
    await page.getByTestId('prop-reset-steps').click();
    await expect.poll(() => page.getByTestId('prop-steps').count()).toBe(0);
    await page.keyboard.press('Control+z');
    await expect.poll(() => page.getByTestId('prop-steps').innerText()).toContain('30 / 30 / 30 / 20');
  });

  it('sets the titles of an article over a picture (压题图), knocked out in white', async () => {
    await select('b-xu-chaowen');
    await page.getByTestId('prop-title-image').selectOption({ label: pictureName });
    const headline = page.locator('[data-testid="page"] svg text', { hasText: '科学规划' }).first();
    await expect.poll(() => headline.getAttribute('fill')).toBe('rgb(255,255,255)');
    const xu = await frameOf(page, 'b-xu-chaowen');
    const picture = page.locator('[data-testid="page"] svg svg', { has: page.locator('image') }).filter({ has: page.locator(`xpath=self::*[@y="${Math.round(xu.y * 100) / 100}"]`) });
    expect(await picture.count()).toBe(1);
    // The picture moves under the titles with its own grip.
    const gx = await num(page, 'title-crop-grip-handle', 'cx');
    const gy = await num(page, 'title-crop-grip-handle', 'cy');
    await dragPage(page, { x: gx, y: gy }, { x: gx, y: gy + 20 });
    await expect.poll(async () => Number(await page.getByTestId('prop-title-crop-offset-y').inputValue())).toBeGreaterThan(5);
    await commit('prop-title-rows', '9');
    await page.getByTestId('prop-title-text').selectOption('black');
    await expect.poll(() => headline.getAttribute('fill')).toBe('rgb(0,0,0)');
    await page.keyboard.press('Control+z');
    await expect.poll(() => headline.getAttribute('fill')).toBe('rgb(255,255,255)');
    await page.mouse.click(5, 5);
    await shot(page, 'ui-blocks.png');
  });

  it('logged no errors', () => {
    expect(session.problems).toEqual([]);
  });
});

const hasPoppler = spawnSync('sh', ['-c', 'command -v pdftoppm && command -v qpdf']).status === 0;

describe.skipIf(!hasPoppler)('block tools on paper', () => {
  it('prints rule styles, tints, 花边 frames, a cropped picture, a 压题图 and a stepped box as the reference shows; qpdf finds nothing wrong', async () => {
    const fonts = fontProvider().registry();
    const doc = blocksPage();
    const r = await exportPdf(layout(doc, { fonts }), { fonts, images: doc.images, createdAt: new Date('2024-01-16T14:30:00Z') });
    if (!r.ok) throw new Error(r.en);
    const dir = mkdtempSync(join(tmpdir(), 'bm-blocks-'));
    const pdf = join(dir, 'blocks.pdf');
    writeFileSync(pdf, r.bytes);
    let whole: PNG;
    try {
      expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
      // The lower half of the page: 压题图, tint, 波纹 frame, stepped box, the six rule styles.
      // The whole page is rendered and then cut: poppler's own cropping (-x/-y) left the clipped pictures out.
      execFileSync('pdftoppm', ['-r', '50', '-png', '-singlefile', pdf, join(dir, 'page')]);
      whole = PNG.sync.read(readFileSync(join(dir, 'page.png')));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const lower = new PNG({ width: whole.width, height: 720 });
    PNG.bitblt(whole, lower, 0, 380, whole.width, 720, 0, 0);
    compareWithReference('pdf-blocks.png', PNG.sync.write(lower), 0.002);
  });
});
