import { describe, expect, it } from 'vitest';
import { CompositionCache } from '../../src-core/layout/cache';
import { layout } from '../../src-core/layout/layout';
import type { BanmianDocument } from '../../src-core/model/document';
import { emptyDocument } from '../../src-core/model/defaults';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();

const TEXT = '洛阳市今年实施城市更新行动推动老旧小区改造与历史街区保护相结合截至目前全市已完成改造小区一百二十个惠及居民两万余户新增停车位三千多个加装电梯八十余部';
/** Twelve paragraphs of different lengths (so their last lines differ), one column. */
const PARAS = Array.from({ length: 12 }, (_, i) => `第${i + 1}段${TEXT.slice(0, 20 + i * 5)}。`);

function page(lineShift?: number): BanmianDocument {
  const doc = emptyDocument('broadsheet');
  const article = { id: 'a', kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(PARAS), jumpFrom: '', jumpTo: '', ...(lineShift ? { styleOverrides: { body: { lineShift } } } : {}) };
  return { ...doc, articles: [article], blocks: [{ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 1, row: 0, rows: 100 }] };
}

/** How many paragraphs the layout composed (the cache counts every composition it had to make). */
function composed(doc: BanmianDocument): number {
  const cache = new CompositionCache(fonts);
  layout(doc, { fonts, cache });
  return cache.misses;
}

describe('拉行/缩行 costs (the 16-page edition spent half its layout here)', () => {
  it('tries the cheapest tracking on every paragraph before a dearer one, and stops once enough lines moved', () => {
    const plain = composed(page());
    expect(plain).toBe(PARAS.length);
    // One line gained: the first step (0.01 em) moves some paragraph, so no paragraph is tried at a
    // dearer step; before, each was tried at up to five steps until its line count changed.
    const extra = composed(page(1)) - plain;
    expect(extra).toBeGreaterThan(0);
    expect(extra).toBeLessThanOrEqual(PARAS.length);
  });

  it('stops within the step too: the paragraphs before the one that moved (tried last) are not composed', () => {
    // Which paragraph gained the line, read from the laid-out pages: its body lines per paragraph.
    const linesPer = (doc: BanmianDocument): number[] => {
      const ys = PARAS.map(() => new Set<number>());
      for (const i of layout(doc, { fonts }).items) if (i.kind === 'glyphs' && i.source?.field === 'body') ys[i.source.paragraph].add(i.y);
      return ys.map((s) => s.size);
    };
    const before = linesPer(page());
    const after = linesPer(page(1));
    const moved = after.flatMap((n, i) => (n !== before[i] ? [i] : []));
    expect(moved).toHaveLength(1);
    // later paragraphs are tried first: those after it and itself, never the ones before it
    expect(moved[0]).toBeGreaterThan(0);
    expect(composed(page(1)) - composed(page())).toBe(PARAS.length - moved[0]);
  });

  it('reads each paragraph once, however many trackings it is tried at (its prepared text is kept for the trials)', () => {
    // every composition that reads its runs asks the registry for the run's face: count the asks
    let asks = 0;
    const counting = new Proxy(fonts, {
      get(target, key) {
        const v = Reflect.get(target, key);
        if (key === 'face') return (...a: Parameters<typeof fonts.face>) => (asks++, target.face(...a));
        return typeof v === 'function' ? v.bind(target) : v;
      },
    });
    const asked = (doc: BanmianDocument): { asks: number; compositions: number } => {
      asks = 0;
      const cache = new CompositionCache(counting);
      layout(doc, { fonts: counting, cache });
      return { asks, compositions: cache.misses };
    };
    const plain = asked(page());
    const shifted = asked(page(1));
    // more compositions (the trials), no more reading
    expect(shifted.compositions).toBeGreaterThan(plain.compositions);
    expect(shifted.asks).toBe(plain.asks);
  });
});
