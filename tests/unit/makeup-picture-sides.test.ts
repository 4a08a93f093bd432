import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { Measurer, type ShapeSpec } from '../../src-core/makeup/measure';
import { pictureSides, picturesMeeting } from '../../src-core/makeup/picture-sides';
import type { Placement } from '../../src-core/makeup/search';
import { layout } from '../../src-core/layout/layout';
import type { Article } from '../../src-core/model/document';
import { emptyDocument } from '../../src-core/model/defaults';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();
const para = '本报讯　记者从市交通运输局获悉，今年以来全市新开通公交线路十二条，优化调整线路二十八条，公交站点五百米覆盖率达到百分之九十八，市民出行更加便捷。';
const story = (id: string): Article => ({ id, kicker: '', headline: `${id}新开公交线路`, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(Array.from({ length: 14 }, () => para)), jumpFrom: '', jumpTo: '' });

describe('撞图: pictures of two modules side by side', () => {
  const base = emptyDocument('broadsheet');
  const photo = { ...samplePage().images[0], id: 'p' };
  const measurer = new Measurer(base.page, { fonts }, new Map([[photo.id, photo]]), [0]);
  const pic = (span: number) => ({ imageId: photo.id, caption: '', span, rows: 12, min: 8, max: 16, deepest: 16 });
  const [a, b] = [story('甲'), story('乙')];
  const place = (rank: number, spec: ShapeSpec, col: number): Placement => ({ rank, spec, m: measurer.measure([a, b][rank], spec)!, col, row: 0, stretch: 0 });

  it('sets a module\'s pictures narrower than its body at its left edge where at its right they stood level with the next module\'s, its depth and titles kept, and the text set beside and under them', () => {
    // 甲 in columns 0–3, its picture at the right edge (2–3); 乙 in 4–5, its picture as wide as itself
    const left = place(0, { span: 4, headlineSize: 26, padRows: 0, pictures: [pic(2)] }, 0);
    const right = place(1, { span: 2, headlineSize: 26, padRows: 0, pictures: [pic(2)] }, 4);
    expect(picturesMeeting([left, right])).toBe(1);
    const [l2, r2] = pictureSides(measurer, [a, b], { placed: [left, right], closed: [] }).placed;
    expect(picturesMeeting([l2, r2])).toBe(0);
    expect(l2.spec.picturesLeft).toBe(true);
    expect([l2.m.rows, l2.m.titleRows]).toEqual([left.m.rows, left.m.titleRows]);
    expect(r2).toEqual(right);
    // the real layout of the module as placed: the picture at columns 0–1, nothing overset
    const { article: block, pictures } = measurer.blocks(a, l2.spec, l2.m, 0, 0);
    expect(pictures.map((p) => [p.col, p.span])).toEqual([[0, 2]]);
    const set = measurer.variant(a, l2.spec, l2.m.tracking);
    expect(layout({ ...base, articles: [set], images: [photo], blocks: [block!, ...pictures] }, { fonts }).overset).toEqual([]);
  });

  it('leaves pictures as wide as their module where they are, and pages whose pictures do not meet as they are', () => {
    const wide = place(0, { span: 2, headlineSize: 26, padRows: 0, pictures: [pic(2)] }, 0);
    const right = place(1, { span: 2, headlineSize: 26, padRows: 0, pictures: [pic(2)] }, 2);
    expect(picturesMeeting([wide, right])).toBe(1);
    expect(pictureSides(measurer, [a, b], { placed: [wide, right], closed: [] }).placed.map((p) => p.spec.picturesLeft)).toEqual([undefined, undefined]);
    // a column between them: nothing to undo
    const apart = place(1, { span: 2, headlineSize: 26, padRows: 0, pictures: [pic(2)] }, 5);
    const left = place(0, { span: 4, headlineSize: 26, padRows: 0, pictures: [pic(2)] }, 0);
    expect(pictureSides(measurer, [a, b], { placed: [left, apart], closed: [] }).placed[0].spec.picturesLeft).toBeUndefined();
  });
});
