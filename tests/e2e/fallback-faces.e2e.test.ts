import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { handPlacedPage } from '../../bench/pages';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { serializeDocument } from '../../src-core/model/serialize';
import { fontProvider } from '../../src-main/fonts/provider';
import { chromiumAvailable } from '../support/browser';
import { rareChar } from '../unit/test-fonts';
import { shot, workspaceSession } from './workspace-support';

/** The body style's fallback chain as the 样式 panel lists it: each entry's family key. */
function chain(page: Page): Promise<(string | null)[]> {
  return page.getByTestId('page-style-body-fallback-item').evaluateAll((items) => items.map((li) => li.getAttribute('data-family')));
}

/** Undo or redo with the keyboard, the focus on the panel's tab (not in a field). */
async function press(page: Page, keys: string): Promise<void> {
  await page.getByTestId('tab-styles').click();
  await page.keyboard.press(keys);
}

describe.skipIf(!chromiumAvailable())('a style’s fallback chain (缺字替补字体) in the 样式 panel', () => {
  const session = workspaceSession();
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    await page.getByTestId('menu-layout').click();
    await page.locator('[data-command="layout.styles"]').click();
  });

  it('offers the face picker’s own families with Chinese characters, without the style’s face', async () => {
    const cell = page.getByTestId('page-style-body-fallback-cell');
    expect(await cell.locator('.style-field-label').innerText()).toBe('缺字替补字体');
    expect(await chain(page)).toEqual([]);
    const picker = await page.getByTestId('page-style-body-family').locator('option').evaluateAll((o) => o.map((e) => [(e as HTMLOptionElement).value, e.textContent]));
    const offered = await page.getByTestId('page-style-body-fallback-add').locator('option').evaluateAll((o) => o.map((e) => [(e as HTMLOptionElement).value, e.textContent]));
    expect(await page.getByTestId('page-style-body-family').inputValue()).toBe('song');
    expect(offered[0]).toEqual(['', '＋ 添加 Add…']);
    // (a family with no Chinese, marked 无汉字 in the picker, is no stand-in for a missing Chinese character)
    expect(offered.slice(1)).toEqual(picker.filter(([family, label]) => family !== 'song' && !label?.includes('无汉字')));
    expect(offered.slice(1, 4)).toEqual([
      ['hei', '黑体'],
      ['kai', '楷体'],
      ['biaosong', '标宋'],
    ]);
  });

  it('adds, moves and removes faces, one undo step each', async () => {
    const add = page.getByTestId('page-style-body-fallback-add');
    await add.selectOption('kai');
    await expect.poll(() => chain(page)).toEqual(['kai']);
    await add.selectOption('hei');
    await expect.poll(() => chain(page)).toEqual(['kai', 'hei']);
    // a face already in the chain is not offered again
    expect(await add.locator('option[value="kai"]').count()).toBe(0);
    await shot(page, 'fallback-faces');
    expect(await page.getByTestId('page-style-body-fallback').locator('.fallback-face-name').allInnerTexts()).toEqual(['楷体', '黑体']);
    expect(await page.getByTestId('page-style-body-fallback-up-0').isDisabled()).toBe(true);
    await page.getByTestId('page-style-body-fallback-up-1').click();
    await expect.poll(() => chain(page)).toEqual(['hei', 'kai']);
    await page.getByTestId('page-style-body-fallback-remove-1').click();
    await expect.poll(() => chain(page)).toEqual(['hei']);
    // another style's chain is its own
    expect(await page.getByTestId('page-style-headline-fallback-item').count()).toBe(0);
    for (const before of [['hei', 'kai'], ['kai', 'hei'], ['kai'], []]) {
      await press(page, 'Control+z');
      await expect.poll(() => chain(page)).toEqual(before);
    }
    await press(page, 'Control+Shift+z');
    await expect.poll(() => chain(page)).toEqual(['kai']);
    expect(session.problems).toEqual([]);
  });
});

describe.skipIf(!chromiumAvailable())('a 生僻字 drawn from a fallback face is reported in the app: face, character and where', () => {
  const session = workspaceSession();
  const fonts = fontProvider().registry();
  const [song, kai] = [fonts.faceById('song-regular')!, fonts.faceById('kai-regular')!];
  const rare = rareChar(song, kai);
  let page: Page;
  beforeAll(async () => {
    page = session.page;
    // the hand-placed page, its 国企 article's body with the rare character, opened with 文件 → 打开
    const doc = handPlacedPage();
    doc.articles = doc.articles.map((a) => (a.id === 'soe-ranking' ? { ...a, body: docFromParagraphs([`王${rare}先生说，国企年度盘点榜单展现洛阳力量。`]) } : a));
    writeFileSync(join(session.host.sandbox, 'rare.banmian'), serializeDocument(doc));
    await page.keyboard.press('Control+o');
    await page.getByTestId('dialog-open').waitFor();
    await page.getByTestId('dialog-file-name').fill('rare.banmian');
    await page.getByTestId('dialog-ok').click();
    await page.getByTestId('dialog-open').waitFor({ state: 'detached' });
  });

  it('draws it in the 楷 face on the page', async () => {
    const drawn = page.locator('[data-testid="page"] svg text', { hasText: rare });
    await expect.poll(() => drawn.count(), { timeout: 30_000 }).toBeGreaterThan(0);
    // (the 楷 face may arrive after the page is first drawn: the desk lays the page out again when it does)
    await expect.poll(() => drawn.first().getAttribute('font-family'), { timeout: 30_000 }).toBe('bm-kai-regular');
  });

  it('lists it in 预检 with the character, both faces and the article; the line selects the article’s block', async () => {
    await page.getByTestId('tab-preflight').click();
    const issue = page.locator('[data-testid="preflight-issue"][data-code="glyph-fallback"]');
    await expect.poll(() => issue.count(), { timeout: 30_000 }).toBe(1);
    expect(await issue.getAttribute('data-severity')).toBe('warning');
    const text = await issue.locator('.pf-text').innerText();
    const headline = handPlacedPage().articles.find((a) => a.id === 'soe-ranking')!.headline;
    const cp = `U+${rare.codePointAt(0)!.toString(16).toUpperCase()}`;
    expect(text).toContain(`生僻字：“${rare}”（${cp}）字体 ${song.postscriptName} 中没有，改用后备字体 ${kai.postscriptName}，出现 1 次（稿件 “${headline}”）`);
    expect(text).toContain(`Rare character: “${rare}” (${cp}) is not in ${song.postscriptName}; set in the fallback ${kai.postscriptName}, 1× (article “${headline}”)`);
    expect(await issue.getAttribute('data-target')).toBe('b-soe-ranking');
    await issue.click();
    await expect.poll(() => page.getByTestId('selection').getAttribute('data-block')).toBe('b-soe-ranking');
    expect(session.problems).toEqual([]);
  });
});
