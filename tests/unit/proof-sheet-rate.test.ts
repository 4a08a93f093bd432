/**
 * Issue 19 item 3: the 校样 PDF's list page prints the page's 差错率 as the 校对 panel counts it
 * (checkPage: every rule, less the findings the 校对 dismissed). Figures counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import type { LayoutItem } from '../../src-core/layout/page-layout';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { checkPage, rateLine } from '../../src-core/proof/page-check';
import { openMarksList } from '../../src-core/proof/proof-sheet';
import { fontProvider } from '../../src-main/fonts/provider';
import { markedSamplePage } from '../fixtures/proof/marked-page';

const fonts = fontProvider().registry();
const glyphText = (items: LayoutItem[]): string => items.map((i) => (i.kind === 'glyphs' ? i.text : '')).join('');

describe('the 校样 shows the page’s 差错率', () => {
  const { doc, notes } = markedSamplePage();
  const id = doc.articles[1].id;
  doc.articles[1] = { ...doc.articles[1], body: docFromParagraphs(['公司名叫按装科技，大家一股作气。']) };

  it('counts without what the 校对 dismissed', () => {
    // 按装 and 一股作气: 2 errors over the sample's 13,542-character area (error-rate.test.ts) = 1.48 per 10,000
    expect(checkPage(doc, new Map()).rate).toMatchObject({ errors: 2, characters: 13_542 });
    const dismissed = checkPage(doc, new Map([[id, [{ rule: 'wrong-word', text: '按装' }]]])).rate;
    expect(dismissed).toMatchObject({ errors: 1, characters: 13_542, pass: true });
    expect(rateLine(dismissed).zh).toBe('差错率万分之 0.74（差错 1 个 ÷ 版面字数 13542 字），合格（合格线万分之 3）');
  });

  it('prints the line under the list page’s title', () => {
    const page = layout(doc, { fonts });
    const rate = checkPage(doc, new Map()).rate;
    const list = openMarksList(page, notes, { fonts }, rate);
    // glyph runs lose spaces between words; the figure itself is there in full
    expect(glyphText(list.items)).toContain('差错率万分之1.48（差错2个÷版面字数13542字），合格');
  });
});
