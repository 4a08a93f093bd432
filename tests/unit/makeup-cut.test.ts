import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import type { Article } from '../../src-core/model/document';
import { plainText } from '../../src-core/model/richtext';
import { cutLines, cutOrder, cutToFit, withoutLastCuttable } from '../../src-core/makeup/cut';

/** 谢峰's article (six paragraphs) with paragraphs 1, 3 and 4 marked 可删. */
function article(marked = [1, 3, 4]): Article {
  const a = samplePage().articles.find((x) => x.id === 'xie-feng')!;
  const content = a.body.content.map((p, i) => (marked.includes(i) ? { ...p, attrs: { cuttable: true } } : p));
  return { ...a, body: { ...a.body, content } };
}

const paragraphs = (a: Article) => plainText(a.body).split('\n');
/** A measure that fits when the article has at most `n` paragraphs, counting its calls. */
function atMost(n: number) {
  const asked: number[] = [];
  const fits = (a: Article) => {
    asked.push(a.body.content.length);
    return a.body.content.length <= n;
  };
  return { fits, asked };
}

describe('cutting an article by its 可删 paragraphs (src-core/makeup/cut.ts)', () => {
  it('cuts the last marked paragraphs first', () => {
    expect(cutOrder(article())).toEqual([4, 3, 1]);
    expect(withoutLastCuttable(article(), 1).removed.map((r) => r.index)).toEqual([4]);
  });

  it('cuts just enough whole marked paragraphs, and names them by their first characters', () => {
    const original = article();
    const { fits } = atMost(4);
    const r = cutToFit(original, fits);
    expect(r.fits).toBe(true);
    expect(r.removed).toEqual([
      { index: 3, opening: '聚焦产业发展固根基。围绕…' },
      { index: 4, opening: '聚焦城市提质扩能级。打造…' },
    ]);
    // Every other paragraph is there, whole and in order; the input is untouched.
    const before = paragraphs(original);
    expect(paragraphs(r.article)).toEqual([before[0], before[1], before[2], before[5]]);
    expect(r.article.body.content.map((p) => p.attrs?.cuttable ?? false)).toEqual([false, true, false, false]);
    expect(original.body.content).toHaveLength(6);
    expect(r.article.headline).toBe(original.headline);
  });

  it('never cuts unmarked text: when the marked paragraphs are not enough, it says so', () => {
    const r = cutToFit(article(), atMost(2).fits);
    expect(r.fits).toBe(false);
    expect(r.removed.map((x) => x.index)).toEqual([1, 3, 4]);
    expect(r.article.body.content).toHaveLength(3);
    const none = cutToFit(article([]), atMost(2).fits);
    expect(none).toMatchObject({ fits: false, removed: [] });
    expect(none.article.body.content).toHaveLength(6);
  });

  it('leaves an article that fits as it is (the same object)', () => {
    const a = article();
    const r = cutToFit(a, () => true);
    expect(r.article).toBe(a);
    expect(r).toMatchObject({ fits: true, removed: [] });
  });

  it('asks the measure about a few versions only (bisection over the cut count)', () => {
    const every = [0, 1, 2, 3, 4, 5];
    const { fits, asked } = atMost(3);
    const r = cutToFit(article(every), fits);
    expect(r.removed.map((x) => x.index)).toEqual([3, 4, 5]);
    // the whole article, all cut, then cut counts 3, 1, 2 (or fewer): not one version per paragraph
    expect(asked.length).toBeLessThanOrEqual(2 + Math.ceil(Math.log2(every.length + 1)));
  });

  it('cuts at least the lines asked for, from the lines each paragraph takes', () => {
    const lines = [3, 5, 2, 4, 6, 1];
    const linesOf = (_: unknown, i: number) => lines[i];
    // paragraph 4 (6 lines) is not enough for 7, paragraph 3 (4 more) is.
    const seven = cutLines(article(), 7, linesOf);
    expect(seven).toMatchObject({ fits: true });
    expect(seven.removed.map((x) => x.index)).toEqual([3, 4]);
    expect(cutLines(article(), 6, linesOf).removed.map((x) => x.index)).toEqual([4]);
    const twenty = cutLines(article(), 20, linesOf);
    expect(twenty.fits).toBe(false);
    expect(twenty.removed.map((x) => x.index)).toEqual([1, 3, 4]);
    expect(cutLines(article(), 0, linesOf).removed).toEqual([]);
  });

  it('quotes a short or empty marked paragraph whole', () => {
    const a = article([]);
    a.body.content.push({ type: 'paragraph', attrs: { cuttable: true }, content: [{ type: 'text', text: '（完）' }] }, { type: 'paragraph', attrs: { cuttable: true } });
    expect(withoutLastCuttable(a, 2).removed).toEqual([
      { index: 6, opening: '（完）' },
      { index: 7, opening: '' },
    ]);
  });
});
