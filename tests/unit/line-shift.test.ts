import { describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { emptyDocument } from '../../src-core/model/defaults';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { checkStyleFields } from '../../src-core/model/styles';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();

// Paragraphs of different lengths, so that some end with a short last line and some with a nearly full one.
const PARAS = [
  '洛阳市今年实施城市更新行动，推动老旧小区改造与历史街区保护相结合。',
  '截至目前，全市已完成改造小区一百二十个，惠及居民两万余户，新增停车位三千多个，加装电梯八十余部。',
  '市住建局有关负责人介绍，改造坚持“先地下、后地上”，同步更新供水、供气、供暖管网。',
  '在涧西区，一批建于上世纪五十年代的苏式建筑得到修缮，工业遗产焕发新活力，吸引了大批游客前来参观打卡。',
  '下一步，洛阳将继续完善社区养老、托育等公共服务设施，让居民生活更加便利、更有品质。',
  '据了解，今年全市计划改造老旧小区三百个，总投资约十五亿元。',
];

function page(lineShift?: number): BanmianDocument {
  const doc = emptyDocument('broadsheet');
  const article = { id: 'a', kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs([...PARAS, ...PARAS]), jumpFrom: '', jumpTo: '', ...(lineShift ? { styleOverrides: { body: { lineShift } } } : {}) };
  return { ...doc, articles: [article], blocks: [{ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 1, row: 0, rows: 100 }] };
}

/** Body lines on the page and the text they print, in order. */
function bodyLines(doc: BanmianDocument): { lines: number; text: string } {
  const items = layout(doc, { fonts }).items.filter((i) => i.kind === 'glyphs' && i.source?.field === 'body');
  return { lines: new Set(items.map((i) => (i.kind === 'glyphs' ? i.y : 0))).size, text: items.map((i) => (i.kind === 'glyphs' ? i.text : '')).join('') };
}

describe('拉行/缩行: a style\'s lineShift', () => {
  it('gains or gives back exactly that many lines, one per paragraph, the text unchanged', () => {
    const base = bodyLines(page());
    for (const shift of [2, -2]) {
      const got = bodyLines(page(shift));
      expect(got.lines, `lineShift ${shift}`).toBe(base.lines + shift);
      expect(got.text).toBe(base.text);
    }
  });

  it('moves no paragraph more than one line, so more than the paragraphs can give is not reached', () => {
    const base = bodyLines(page());
    const got = bodyLines(page(50));
    expect(got.lines).toBeGreaterThan(base.lines);
    expect(got.lines).toBeLessThanOrEqual(base.lines + PARAS.length * 2);
    expect(got.text).toBe(base.text);
  });

  it('is a whole number of lines within its limit, and survives the file', () => {
    expect(checkStyleFields({ lineShift: 3 })).toEqual([]);
    expect(checkStyleFields({ lineShift: 1.5 })[0].zh).toContain('拉行/缩行');
    expect(checkStyleFields({ lineShift: 1000 })[0].en).toContain('whole number of lines');
    const again = parseDocument(serializeDocument(page(2)));
    expect(again.ok && again.document.articles[0].styleOverrides?.body?.lineShift).toBe(2);
  });
});
