import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import type { PageFont } from '../../src-core/model/page-fonts';
import { serializeDocument } from '../../src-core/model/serialize';
import { chromiumAvailable } from '../support/browser';
import { hostSession, openFitted, shot } from './workspace-support';

/** A licensed 小标宋 this machine (and the test's) does not have, recorded by the page that used it for its headlines. */
const XBS: PageFont = {
  family: 'sys-fzxiaobiaosong-b05s',
  bold: true,
  name: { zh: '方正小标宋简体', en: 'FZXiaoBiaoSong-B05S' },
  postscriptName: 'FZXBSJW--GB1-0',
  role: 'biaosong',
  hash: '0123456789abcdef',
};

/**
 * The page as it was saved on the desk that has the font: headlines in it, and its record. Make-up
 * sets the top headlines' 标宋 per article (styleOverrides), so those name the font too.
 */
function pageWithTheFont(): string {
  const doc = samplePage();
  const inTheFont = { family: XBS.family, bold: true };
  doc.page = { ...doc.page, styles: { ...doc.page.styles, headline: { ...doc.page.styles.headline, ...inTheFont } }, fonts: [XBS] };
  doc.articles = doc.articles.map((a) => {
    const headline = a.styleOverrides?.headline;
    return headline?.family === 'biaosong' ? { ...a, styleOverrides: { ...a.styleOverrides, headline: { ...headline, ...inTheFont } } } : a;
  });
  return serializeDocument(doc);
}

describe.skipIf(!chromiumAvailable())('a page opened on a machine without one of its fonts', () => {
  const web = hostSession({ sandbox: 'banmian-missing-font-', prepare: (dir) => writeFileSync(join(dir, 'xbs.banmian'), pageWithTheFont()) });
  const { problems, sandbox } = web;
  let page: Page;

  beforeAll(async () => {
    page = await openFitted(web.browser, web.host.url, problems);
  });

  it('says which font is missing and what draws it meanwhile, draws the headlines in the 标宋 stand-in, and saving keeps the font', async () => {
    await page.keyboard.press('Control+o');
    await page.getByTestId('dialog-open').waitFor();
    await page.getByTestId('dialog-file-name').fill('xbs.banmian');
    await page.getByTestId('dialog-ok').click();
    await expect.poll(() => page.title()).toBe('版面 Banmian — xbs.banmian');
    const notice = page.getByTestId('notice');
    await notice.waitFor();
    expect(await notice.locator('.notice-zh').innerText()).toContain('本机缺少版面所用的字体：“方正小标宋简体”（粗）暂以标宋代替。保存时仍保留原字体。');
    expect(await notice.locator('.notice-en').innerText()).toContain('FZXiaoBiaoSong-B05S (bold), drawn in');
    await shot(page, 'ui-missing-font.png');
    await notice.locator('button').click();
    // The headlines are drawn with the 标宋 role's bold face, standing in.
    const headline = '真抓实干谋发展';
    const families = await page.getByTestId('page').evaluate((el, text) => [...el.querySelectorAll('text')].filter((t) => t.textContent?.includes(text)).map((t) => t.getAttribute('font-family')), headline);
    expect(families).toEqual(['bm-biaosong-bold']);
    // Saved here, the page keeps its font: the headline style names it and the record is as it was.
    const before = statSync(join(sandbox, 'xbs.banmian')).mtimeMs;
    await page.keyboard.press('Control+s');
    await expect.poll(() => statSync(join(sandbox, 'xbs.banmian')).mtimeMs).toBeGreaterThan(before);
    const saved = JSON.parse(readFileSync(join(sandbox, 'xbs.banmian'), 'utf8'));
    expect(saved.page.styles.headline.family).toBe(XBS.family);
    expect(saved.articles.find((a: { id: string }) => a.id === 'xie-feng').styleOverrides.headline.family).toBe(XBS.family);
    expect(saved.page.fonts).toEqual([XBS]);
    expect(problems).toEqual([]);
  });
});
