import { describe, expect, it } from 'vitest';
import { CompositionCache } from '../../src-core/layout/cache';
import { fitArticleRows, layout } from '../../src-core/layout/layout';
import type { GlyphRun, PageLayout } from '../../src-core/layout/page-layout';
import type { Article, BanmianDocument } from '../../src-core/model/document';
import { emptyDocument } from '../../src-core/model/defaults';
import { gridGeometry } from '../../src-core/model/grid';

const gridGeometryOf = (format: 'broadsheet' | 'tabloid') => gridGeometry(emptyDocument(format).page);
import { docFromParagraphs, printableParagraphs } from '../../src-core/model/richtext';
import { isProhibitedLineStart } from '../../src-core/typeset/kinsoku';
import { fullTextPage, samplePage } from '../../bench/pages';
import { fonts } from './support';

const env = { fonts };

/** The grid column a glyph run starts in. */
function columnOf(pl: PageLayout, r: GlyphRun): number {
  return Math.floor((r.xs[0] - pl.grid.left + 1) / (pl.grid.colWidth + pl.grid.gutter));
}

function runs(pl: PageLayout): GlyphRun[] {
  return pl.items.filter((i): i is GlyphRun => i.kind === 'glyphs');
}

/** Body characters by article and paragraph: how many times each offset was drawn. */
function drawnOffsets(pl: PageLayout): Map<string, Map<number, number>> {
  const out = new Map<string, Map<number, number>>();
  for (const r of runs(pl)) {
    if (!r.source || r.source.field !== 'body') continue;
    const key = `${r.source.owner}#${r.source.paragraph}`;
    const m = out.get(key) ?? new Map<number, number>();
    for (const o of r.source.offsets) m.set(o, (m.get(o) ?? 0) + 1);
    out.set(key, m);
  }
  return out;
}

/** Checks that every non-space body character is drawn exactly once or counted as overset. */
function expectEveryCharacterAccounted(doc: BanmianDocument, pl: PageLayout): { placed: number; overset: number } {
  const drawn = drawnOffsets(pl);
  let placedTotal = 0;
  let oversetTotal = 0;
  for (const a of doc.articles) {
    if (!doc.blocks.some((b) => b.kind === 'article' && b.articleId === a.id)) continue;
    let missing = 0;
    printableParagraphs(a.body).forEach((p, index) => {
      const text = p.spans.map((s) => s.text).join('');
      const m = drawn.get(`${a.id}#${index}`) ?? new Map<number, number>();
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0xdc00 && c <= 0xdfff) continue; // low surrogate: counted with its pair
        if (text[i] === ' ' || text[i] === '\u3000') continue;
        const times = m.get(i) ?? 0;
        expect(times, `${a.id} paragraph ${index} offset ${i} (${text[i]})`).toBeLessThanOrEqual(1);
        if (times === 0) missing++;
        else placedTotal++;
      }
    });
    const overset = pl.overset.find((o) => o.articleId === a.id)?.characters ?? 0;
    // overset also counts lead/byline lines that did not fit; body characters must be among them
    expect(missing, `${a.id}: undrawn body characters vs overset`).toBeLessThanOrEqual(overset);
    if (overset === 0) expect(missing, a.id).toBe(0);
    oversetTotal += overset;
  }
  return { placed: placedTotal, overset: oversetTotal };
}

/** Lines rebuilt from the drawn glyphs: runs of one owner at one baseline within one column. */
function drawnLines(pl: PageLayout): { owner: string; text: string; first: boolean }[] {
  const lines = new Map<string, { owner: string; parts: { x: number; text: string; offset: number; field: string }[] }>();
  for (const r of runs(pl)) {
    if (!r.source || (r.source.field !== 'body' && r.source.field !== 'lead')) continue;
    const col = Math.floor((r.xs[0] - pl.grid.left + 0.01) / (pl.grid.colWidth + pl.grid.gutter));
    const key = `${r.source.owner}|${r.y.toFixed(3)}|${col}`;
    const line = lines.get(key) ?? { owner: r.source.owner, parts: [] };
    line.parts.push({ x: r.xs[0], text: r.text, offset: r.source.offsets[0], field: r.source.field });
    lines.set(key, line);
  }
  return [...lines.values()].map((l) => {
    l.parts.sort((a, b) => a.x - b.x);
    const head = l.parts[0];
    return { owner: l.owner, text: l.parts.map((p) => p.text).join(''), first: head.offset === 0 || head.field === 'lead' };
  });
}

describe('the sample page', () => {
  const doc = samplePage();
  const pl = layout(doc, env);

  it('places every body character exactly once, with nothing overset', () => {
    const { placed, overset } = expectEveryCharacterAccounted(doc, pl);
    expect(overset).toBe(0);
    expect(placed).toBeGreaterThan(4000);
  });

  it('starts no line with prohibited punctuation', () => {
    const lines = drawnLines(pl);
    expect(lines.length).toBeGreaterThan(300);
    const bad = lines.filter((l) => !l.first && isProhibitedLineStart(l.text.codePointAt(0)!));
    expect(bad).toEqual([]);
    expect(pl.report.page.prohibitedLineStarts).toBe(0);
  });

  it('puts every body line on the page baseline grid, aligned across columns', () => {
    const face = fonts.face({ family: 'song', bold: false });
    for (const r of runs(pl)) {
      if (!r.source || !['body', 'lead', 'byline', 'jumpFrom'].includes(r.source.field)) continue;
      const emTop = r.y - (fonts.faceById(r.face) ?? face).emBoxAscent * r.size;
      const line = (emTop - pl.grid.top) / pl.grid.pitch;
      expect(Math.abs(line - Math.round(line)), `${r.text} at ${r.y}`).toBeLessThan(1e-6);
    }
    expect(pl.report.page.offGridLines).toBe(0);
  });

  it('draws the page header with the credits', () => {
    const header = runs(pl).filter((r) => r.source?.field === 'header').map((r) => r.text).join('|');
    expect(header).toContain('洛阳日报');
    expect(header).toContain('校对：王岚');
    expect(header).toContain('组版：晓南');
  });

  it('keeps text out of the picture and its caption (图文互斥)', () => {
    const frame = pl.frames.find((f) => f.kind === 'image')!;
    for (const r of runs(pl)) {
      if (r.source?.field !== 'body') continue;
      for (const x of r.xs) {
        const inside = x >= frame.x && x < frame.x + frame.width && r.y > frame.y && r.y - r.size < frame.y + frame.height;
        expect(inside, `${r.text} overlaps the picture`).toBe(false);
      }
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(layout(doc, env))).toBe(JSON.stringify(pl));
  });
});

describe('a story\'s pictures in a row (组图横排)', () => {
  const rowPage = (secondRow: number): PageLayout => {
    const doc = emptyDocument('broadsheet');
    doc.articles = [article('a', ['聚焦项目建设稳增长。'.repeat(30)], { headline: '组图' })];
    const short = '一行说明。';
    const long = '三行的说明：王坛镇乐龄中心食堂的工作人员在准备配送的餐食，老人们围坐在桌前吃饭。';
    doc.blocks = [
      { id: 'art', kind: 'article', articleId: 'a', col: 0, span: 4, row: 0, rows: 60 },
      { id: 'p1', kind: 'image', imageId: 'i1', caption: short, articleId: 'a', col: 0, span: 2, row: 6, rows: 20 },
      { id: 'p2', kind: 'image', imageId: 'i2', caption: long, articleId: 'a', col: 2, span: 2, row: secondRow, rows: 20 },
    ];
    return layout(doc, env);
  };
  const picture = (pl: PageLayout, id: string) => pl.items.find((i) => i.kind === 'image' && i.imageId === id)!;
  const captionTop = (pl: PageLayout, id: string): number => Math.min(...runs(pl).filter((r) => r.source?.owner === id && r.source.field === 'caption').map((r) => r.y));

  it('side by side on the same grid lines, they print as tall as each other, their captions starting on one line under them', () => {
    const pl = rowPage(6);
    const [a, b] = [picture(pl, 'i1'), picture(pl, 'i2')];
    expect(a.kind === 'image' && b.kind === 'image' && a.height).toBe(b.kind === 'image' && b.height);
    expect(captionTop(pl, 'p1')).toBeCloseTo(captionTop(pl, 'p2'), 3);
    // (the short caption's picture is the long one's height: it gave up the room of the long caption's lines)
    const alone = picture(rowPage(7), 'i1');
    expect(alone.kind === 'image' && a.kind === 'image' && alone.height > a.height).toBe(true);
  });
});

function article(id: string, paragraphs: string[], over: Partial<Article> = {}): Article {
  return { id, kicker: '', headline: '', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(paragraphs), jumpFrom: '', jumpTo: '', ...over };
}

describe('typographic quality on full pages (issue 7 targets)', () => {
  for (const [name, doc] of [['sample page', samplePage()], ['12,000-character page', fullTextPage(12_000, 10)]] as const) {
    it(`${name}: no prohibited line start, no lone character, nothing off the grid, ≥ 99% of justified lines within ¼ em`, () => {
      const r = layout(doc, env).report.page;
      expect(r.justifiedLines).toBeGreaterThan(300);
      expect(r.prohibitedLineStarts).toBe(0);
      expect(r.loneCharacters).toBe(0);
      expect(r.offGridLines).toBe(0);
      expect((r.justifiedLines - r.looseLines) / r.justifiedLines).toBeGreaterThanOrEqual(0.99);
      expect(r.worstExpansion).toBeGreaterThan(0); // justification really happened
    });
  }
});

describe('flow through columns and overset', () => {
  it('counts what does not fit as overset, characters and lines, and drops nothing', () => {
    const doc = emptyDocument('broadsheet');
    const text = '聚焦项目建设稳增长，坚持“项目为王”，不断扩大投资稳增长。'.repeat(20);
    doc.articles.push(article('a', [text, text]));
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows: 10 });
    const pl = layout(doc, env);
    const o = pl.overset.find((x) => x.articleId === 'a')!;
    expect(o).toBeDefined();
    const { placed } = expectEveryCharacterAccounted(doc, pl);
    expect(placed + o.characters).toBe(text.length * 2);
    expect(o.lines).toBeGreaterThan(0);
    // 2 columns x 10 lines are all used
    expect(pl.report.articles.a.lines).toBe(20);
  });

  it('fills column 1 before column 2 (threading)', () => {
    const doc = emptyDocument('broadsheet');
    doc.articles.push(article('a', ['一二三四五六七八九十'.repeat(6)]));
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 2, span: 2, row: 5, rows: 3 });
    const pl = layout(doc, env);
    const body = runs(pl).filter((r) => r.source?.field === 'body');
    const column = (r: GlyphRun): number => columnOf(pl, r);
    expect([...new Set(body.map(column))]).toEqual([2, 3]);
    const firstColumn = body.filter((r) => column(r) === 2);
    expect(firstColumn).toHaveLength(3);
    expect(firstColumn[0].source!.offsets[0]).toBe(0);
  });

  it('stands the titles in the middle of their grid lines: half a line more under them than over them, the grid\'s leftover split (field test 44: a kicker right under the rule over its module)', () => {
    const face = fonts.face({ family: 'song', bold: false });
    const gaps = [20, 24, 28, 32, 36, 44].map((size) => {
      const doc = emptyDocument('broadsheet');
      const a: Article = { id: 'a', kicker: '', headline: '打造城际综合通勤廊道', deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs(['近日，交通运输部、国家发展改革委等八部门联合印发《都市圈城际通勤效率提升工程实施方案》。'.repeat(3)]), jumpFrom: '', jumpTo: '', styleOverrides: { headline: { size, lineHeight: size * 1.2 } } };
      const pl = layout({ ...doc, articles: [a], blocks: [{ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 4, row: 10, rows: 30 }] }, env);
      const head = runs(pl).filter((r) => r.source?.field === 'headline');
      const body = runs(pl).filter((r) => r.source?.field === 'body');
      const emTop = (r: GlyphRun): number => r.y - (fonts.faceById(r.face) ?? face).emBoxAscent * r.size;
      const top = pl.frames[0].y;
      const over = Math.min(...head.map(emTop)) - top;
      const under = Math.min(...body.map(emTop)) - Math.max(...head.map((r) => emTop(r) + r.size));
      return { size, difference: under - over };
    });
    const pitch = gridGeometryOf('broadsheet').pitch;
    for (const g of gaps) expect(g.difference, `headline ${g.size} pt`).toBeCloseTo(pitch / 2, 1);
  });

  it('sets a headline over fewer columns than the body and starts the other columns at the top', () => {
    const doc = emptyDocument('broadsheet');
    doc.articles.push(article('a', ['正文'.repeat(500)], { headline: '标题只跨两栏' }));
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 3, row: 0, rows: 30, headlineSpan: 2 });
    const pl = layout(doc, env);
    const body = runs(pl).filter((r) => r.source?.field === 'body');
    const column = (r: GlyphRun): number => columnOf(pl, r);
    const topOf = (col: number): number => Math.min(...body.filter((r) => column(r) === col).map((r) => r.y));
    expect(topOf(2)).toBeLessThan(topOf(0));
    expect(topOf(0)).toBe(topOf(1));
  });

  it('follows per-column depths for a stepped article', () => {
    const doc = emptyDocument('broadsheet');
    doc.articles.push(article('a', ['正文'.repeat(400)]));
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 3, row: 0, rows: 20, columnRows: [20, 15, 10] });
    const pl = layout(doc, env);
    expect(pl.report.articles.a.lines).toBe(45);
  });

  it('keeps a closing byline with its last paragraph', () => {
    const doc = emptyDocument('broadsheet');
    // 63 characters + a 2-em indent are exactly 5 lines of 13: the paragraph ends at the column foot.
    doc.articles.push(article('a', ['一二三四五六七八九十'.repeat(6) + '一二三'], { byline: '本报记者 张三', bylinePosition: 'end' }));
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows: 5 });
    const pl = layout(doc, env);
    const column = (r: GlyphRun): number => columnOf(pl, r);
    const body = runs(pl).filter((r) => r.source?.field === 'body');
    const byline = runs(pl).filter((r) => r.source?.field === 'byline');
    expect(byline.length).toBeGreaterThan(0);
    expect(column(byline[0])).toBe(1);
    // the last body line went over with it, above it; column 1 keeps 4 lines
    expect(body.filter((r) => column(r) === 0)).toHaveLength(4);
    const carried = body.filter((r) => column(r) === 1);
    expect(carried).toHaveLength(1);
    expect(carried[0].y).toBeLessThan(byline[0].y);
    expect(pl.overset).toEqual([]);
  });

  /** A story of 4 lines of text, a subhead, then more text, in a 2-column block `rows` deep: the page laid out and the subhead's run. */
  function subheadAtFoot(rows: number) {
    const doc = emptyDocument('broadsheet');
    doc.articles.push({
      ...article('a', []),
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: [{ type: 'text', text: '一二三四五六七八九十'.repeat(5) }] },
          { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: '小标题' }] },
          { type: 'paragraph', content: [{ type: 'text', text: '正文'.repeat(20) }] },
        ],
      },
    });
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows });
    const pl = layout(doc, env);
    return { pl, subhead: runs(pl).find((r) => r.text.includes('小标题'))! };
  }

  it('moves a subhead that would end a column to the next one', () => {
    // 50 characters + indent are exactly 4 lines; the subhead would take line 5, the column's last
    const { pl, subhead } = subheadAtFoot(5);
    expect(columnOf(pl, subhead)).toBe(1);
    expect(subhead.y).toBe(pl.grid.top + 0.88 * 9);
  });

  it('moves a subhead with room for only one line of its text under it at a column foot to the next column (two at least)', () => {
    // the subhead on line 5 would leave one line of its text under it at the foot of 6
    const { pl, subhead } = subheadAtFoot(6);
    expect(columnOf(pl, subhead)).toBe(1);
  });

  it('fills the lines a subhead moved on leaves at a column foot by re-breaking the column\'s paragraphs a line longer (拉行), the subhead still opening the next column', () => {
    // 50 characters + indent are exactly 4 lines: a little tracking sets them in 5, the column's 5th line no longer blank
    const { pl, subhead } = subheadAtFoot(5);
    const body = runs(pl).filter((r) => r.source?.field === 'body' && !r.text.includes('小标题'));
    const first = body.filter((r) => columnOf(pl, r) === 0);
    expect(new Set(first.map((r) => r.y)).size).toBe(5);
    expect(columnOf(pl, subhead)).toBe(1);
    expect(pl.overset).toEqual([]);
    // a paragraph whose last line is short cannot gain a line within the tracking limit: the blank stays, the subhead moves all the same
    const short = headingsAfter(5, 40, ['小标题']);
    expect(columnOf(short.pl, short.heads[0])).toBe(1);
    expect(new Set(runs(short.pl).filter((r) => r.source?.field === 'body' && columnOf(short.pl, r) === 0).map((r) => r.y)).size).toBe(4);
  });

  it('fills a later column a subhead left short when an earlier one cannot be, and never lengthens a paragraph over a heading that was not moved (no overset: review)', () => {
    const text = (n: number) => ({ type: 'paragraph' as const, content: [{ type: 'text' as const, text: '一二三四五六七八九十'.repeat(20).slice(0, n) }] });
    const head = (t: string) => ({ type: 'heading' as const, attrs: { level: 3 }, content: [{ type: 'text' as const, text: t }] });
    const laid = (content: ReturnType<typeof text | typeof head>[], rows: number) => {
      const doc = emptyDocument('broadsheet');
      doc.articles.push({ ...article('a', []), body: { type: 'doc', content } });
      doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 3, row: 0, rows });
      return layout(doc, env);
    };
    const linesIn = (pl: PageLayout, col: number) => new Set(runs(pl).filter((r) => r.source?.field === 'body' && !r.text.includes('小标') && columnOf(pl, r) === col).map((r) => r.y)).size;
    // column 0's paragraph ends in a short line (no tracking gains it a line); column 1's does not: its blank line is filled all the same
    const later = laid([text(40), head('小标甲'), text(37), head('小标乙'), text(60)], 5);
    expect(linesIn(later, 1)).toBe(4);
    // a line gained over 小标甲 (not moved) would move it on and overset the story's last line
    expect(laid([text(63), head('小标甲'), text(89), head('小标乙'), head('小标丙'), text(76)], 8).overset).toEqual([]);
  });

  /** A 2-column block `rows` deep: a paragraph of `first` characters, then the given headings, then text; the page laid out and each heading's run. */
  function headingsAfter(rows: number, first: number, heads: string[]) {
    const doc = emptyDocument('broadsheet');
    const text = (t: string) => [{ type: 'text' as const, text: t }];
    doc.articles.push({
      ...article('a', []),
      body: {
        type: 'doc',
        content: [
          { type: 'paragraph', content: text('一二三四五六七八九十'.repeat(10).slice(0, first)) },
          ...heads.map((h) => ({ type: 'heading' as const, attrs: { level: 3 }, content: text(h) })),
          { type: 'paragraph', content: text('正文'.repeat(20)) },
        ],
      },
    });
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows });
    const pl = layout(doc, env);
    return { pl, heads: heads.map((h) => runs(pl).find((r) => r.text.includes(h.slice(0, 3)))!) };
  }

  it('in a column of a few lines (a stepped story\'s step, 3 deep) keeps a subhead with one line of its text under it: two would leave the column mostly blank', () => {
    // one line of text, the subhead on line 2 of 3, one line of its text under it
    const { pl, heads } = headingsAfter(3, 5, ['小标题']);
    expect(columnOf(pl, heads[0])).toBe(0);
    // on the column's last line it still moves
    expect(columnOf(headingsAfter(3, 20, ['小标题']).pl, headingsAfter(3, 20, ['小标题']).heads[0])).toBe(1);
  });

  it('a heading right over another (山西：⏎特色“第一课”) goes to the next column with it, never left alone at a column foot', () => {
    // 4 lines of text in a column of 7: the two headings on lines 5 and 6 would leave one line of text under the second
    const { pl, heads } = headingsAfter(7, 50, ['山西：', '特色第一课']);
    expect(heads.map((h) => columnOf(pl, h))).toEqual([1, 1]);
    // a lone subhead there keeps its two lines under it and stays
    const lone = headingsAfter(7, 50, ['小标题']);
    expect(columnOf(lone.pl, lone.heads[0])).toBe(0);
    // the heading under it counted with all its lines (two here): in a column of 8 the pair still goes over together
    const long = headingsAfter(8, 50, ['山西：', '特色第一课传承爱国情怀的开学第一课']);
    expect(long.heads.map((h) => columnOf(long.pl, h))).toEqual([1, 1]);
  });

  it('sizes a block to its text', () => {
    const doc = emptyDocument('broadsheet');
    doc.articles.push(article('a', ['一二三四五六七八九十一二三'.repeat(10)]));
    doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows: 1 });
    // 130 characters + a 2-em indent: 11 lines of 13 in all, 6 in the first column
    expect(fitArticleRows(doc, env, 'b')).toBe(6);
  });
});

describe('bad input lays out or reports cleanly', () => {
  it('empty article, 0-column and 0-line blocks, a 50,000-character paragraph, emoji and rare characters', () => {
    const doc = emptyDocument('broadsheet');
    doc.articles.push(article('empty', []));
    doc.articles.push(article('zero', ['有字']));
    doc.articles.push(article('flat', ['有字']));
    doc.articles.push(article('huge', ['长'.repeat(50_000)]));
    doc.articles.push(article('odd', ['表情😀和生僻字𠀀，还有豈。']));
    doc.blocks.push({ id: 'b0', kind: 'article', articleId: 'empty', col: 0, span: 2, row: 0, rows: 10 });
    doc.blocks.push({ id: 'b1', kind: 'article', articleId: 'zero', col: 2, span: 0, row: 0, rows: 10 });
    doc.blocks.push({ id: 'b2', kind: 'article', articleId: 'flat', col: 3, span: 1, row: 0, rows: 0 });
    doc.blocks.push({ id: 'b3', kind: 'article', articleId: 'huge', col: 4, span: 4, row: 0, rows: 117 });
    doc.blocks.push({ id: 'b4', kind: 'article', articleId: 'odd', col: 0, span: 2, row: 20, rows: 10 });
    const pl = layout(doc, env);
    expect(pl.overset.find((o) => o.articleId === 'zero')?.characters).toBe(2);
    expect(pl.overset.find((o) => o.articleId === 'flat')?.characters).toBe(2);
    const huge = pl.overset.find((o) => o.articleId === 'huge')!;
    expect(huge.characters + pl.report.articles.huge.lines * 13).toBeGreaterThan(49_000);
    expect(pl.missingGlyphs.map((m) => m.char).sort()).toEqual(['😀', '𠀀'].sort());
    expect(pl.overset.find((o) => o.articleId === 'empty')).toBeUndefined();
  });
});

describe('measure-only layout (make-up trials)', () => {
  it('gives the frames, overset and report of the full layout, without the body glyph runs, and keeps no block for reuse', () => {
    const doc = samplePage();
    // shallow blocks, so that some text is overset too
    const shallow = { ...doc, blocks: doc.blocks.map((b) => (b.kind === 'article' ? { ...b, rows: Math.max(8, b.rows - 20) } : b)) };
    for (const d of [doc, shallow]) {
      const full = layout(d, env);
      const cache = new CompositionCache(fonts);
      const measured = layout(d, { fonts, cache, measureOnly: true });
      expect(measured.frames).toEqual(full.frames);
      expect(measured.overset).toEqual(full.overset);
      expect(measured.report).toEqual(full.report);
      expect(runs(full).some((r) => r.source?.field === 'body')).toBe(true);
      expect(runs(measured).some((r) => r.source?.field === 'body')).toBe(false);
      expect(cache.articleMemo.size).toBe(0);
    }
    expect(layout(shallow, env).overset.length).toBeGreaterThan(0);
  });
});

describe('composition cache', () => {
  it('lays out again what a moved picture, a moved block or new page settings touch', () => {
    const doc = samplePage();
    const cache = new CompositionCache(fonts);
    layout(doc, { fonts, cache });
    const changes: BanmianDocument[] = [
      { ...doc, blocks: doc.blocks.map((b) => (b.kind === 'image' ? { ...b, row: b.row + 6 } : b)) },
      { ...doc, blocks: doc.blocks.map((b) => (b.id === 'b-xu-chaowen' ? { ...b, span: 3 } : b)) },
      { ...doc, page: { ...doc.page, leading: 4 } },
      doc,
    ];
    for (const changed of changes) {
      expect(JSON.stringify(layout(changed, { fonts, cache }))).toBe(JSON.stringify(layout(changed, env)));
    }
  });


  it('gives the same layout as a fresh one after an edit', () => {
    const doc = samplePage();
    const cache = new CompositionCache(fonts);
    layout(doc, { fonts, cache });
    const a = doc.articles[1];
    const edited: BanmianDocument = {
      ...doc,
      articles: doc.articles.map((x) => (x === a ? { ...a, body: { ...a.body, content: [{ type: 'paragraph', content: [{ type: 'text', text: '新插入的一段。' }] }, ...a.body.content] } } : x)),
    };
    // What the same edit costs on a page of that article alone (its block where it is): its new
    // paragraph, and what its 拉行 trials (the sample's 谢峰 has lineShift 4) set again.
    const alone = (d: BanmianDocument): BanmianDocument => ({ ...d, articles: d.articles.filter((x) => x.id === a.id), blocks: d.blocks.filter((b) => b.kind === 'article' && b.articleId === a.id) });
    const own = new CompositionCache(fonts);
    layout(alone(doc), { fonts, cache: own });
    const ownBefore = own.misses;
    layout(alone(edited), { fonts, cache: own });
    const ownMisses = own.misses - ownBefore;
    expect(ownMisses).toBeGreaterThan(0);
    const missesBefore = cache.misses;
    const cached = layout(edited, { fonts, cache });
    // only the edited article is composed again, as on its own page; the others are reused whole
    expect(cache.misses - missesBefore).toBe(ownMisses);
    expect(JSON.stringify(cached)).toBe(JSON.stringify(layout(edited, env)));
  });

  it('keeps what trial layouts composed while they are held (copyfit alternating two trackings), then forgets as before', () => {
    const doc = samplePage();
    const tracked = (t: number): BanmianDocument => ({ ...doc, articles: doc.articles.map((a) => ({ ...a, styleOverrides: { body: { tracking: t } } })) });
    const cache = new CompositionCache(fonts);
    cache.hold(() => {
      layout(tracked(0), { fonts, cache });
      layout(tracked(-0.03), { fonts, cache });
      const missesBefore = cache.misses;
      layout(tracked(0), { fonts, cache });
      layout(tracked(-0.03), { fonts, cache });
      expect(cache.misses).toBe(missesBefore);
    });
    layout(tracked(0), { fonts, cache });
    const missesBefore = cache.misses;
    layout(tracked(-0.03), { fonts, cache });
    expect(cache.misses).toBeGreaterThan(missesBefore);
  });
});

describe('proof view (校样)', () => {
  const doc = emptyDocument('broadsheet');
  doc.articles.push({
    ...article('a', []),
    body: {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '今年' , marks: [{ type: 'deletion', attrs: { id: 'd1' } }] },
            { type: 'text', text: '预计', marks: [{ type: 'insertion', attrs: { id: 'i1' } }] },
            { type: 'text', text: '完成' },
            { type: 'text', text: '投资', marks: [{ type: 'comment', attrs: { threadId: 'c1' } }] },
            { type: 'text', text: '三百亿元。' },
          ],
        },
      ],
    },
  });
  doc.blocks.push({ id: 'b', kind: 'article', articleId: 'a', col: 0, span: 2, row: 0, rows: 10 });

  it('the print view sets only the accepted text', () => {
    const pl = layout(doc, env);
    expect(runs(pl).map((r) => r.text).join('')).toBe('今年完成投资三百亿元。');
    expect(pl.proofAnchors).toBeUndefined();
  });

  it('the proof view sets insertions in the round colour, strikes deletions in red and anchors every mark', () => {
    const pl = layout(doc, { fonts, proof: { roundOf: () => 1 } });
    expect(runs(pl).map((r) => r.text).join('')).toBe('今年预计完成投资三百亿元。');
    const inserted = runs(pl).find((r) => r.text === '预计')!;
    expect(inserted.color).toEqual({ c: 1, m: 0.6, y: 0, k: 0 }); // 二校: blue
    const deleted = runs(pl).find((r) => r.text === '今年')!;
    const strike = pl.items.find((i) => i.kind === 'rule' && Math.abs(i.y1 - (deleted.y - deleted.size * 0.33)) < 1e-6);
    expect(strike).toMatchObject({ color: { c: 0, m: 1, y: 1, k: 0 }, x1: deleted.xs[0] });
    expect(pl.proofAnchors!.map((a) => `${a.kind}:${a.id}:${a.text}`)).toEqual(['deletion:d1:今年', 'insertion:i1:预计', 'comment:c1:投资']);
  });
});
