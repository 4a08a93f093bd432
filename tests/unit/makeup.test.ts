import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayRequest } from '../../bench/days';
import { samplePage } from '../../bench/pages';
import { makeUp, type MakeUpRequest } from '../../src-core/makeup';
import { Measurer } from '../../src-core/makeup/measure';
import { grow, sideBySide } from '../../src-core/makeup/search';
import { headlineSizes, headlineSizesFor, middleBrief, pictureFrame, shapesFor, widestPrintable } from '../../src-core/makeup/shapes';
import { justify } from '../../src-core/makeup/justify';
import { scorer } from '../../src-core/makeup/score';
import { layout } from '../../src-core/layout/layout';
import { gridGeometry, spanWidth } from '../../src-core/model/grid';
import { PRINT_PPI, type ArticleBlock, type BanmianDocument, type GridRect, type ImageBlock } from '../../src-core/model/document';
import { emptyDocument } from '../../src-core/model/defaults';
import { textOverlaps } from '../../src-core/model/overlap';
import { docFromParagraphs, plainText } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';

const fonts = fontProvider().registry();

/** Whether two blocks share a grid cell; a stepped (L-shaped) article block covers each column only to its depth. */
function overlap(a: GridRect & { columnRows?: number[] }, b: GridRect & { columnRows?: number[] }): boolean {
  for (let c = Math.max(a.col, b.col); c < Math.min(a.col + a.span, b.col + b.span); c++) {
    const da = Math.min(a.columnRows?.[c - a.col] ?? a.rows, a.rows);
    const db = Math.min(b.columnRows?.[c - b.col] ?? b.rows, b.rows);
    if (a.row < b.row + db && b.row < a.row + da) return true;
  }
  return false;
}

/** Checks a made-up page from the real layout, not from the engine's report. */
function checkPage(doc: BanmianDocument, request: MakeUpRequest, heldIds: string[]): void {
  const pl = layout(doc, { fonts });
  expect(pl.overset).toEqual([]);
  const articles = doc.blocks.filter((b): b is ArticleBlock => b.kind === 'article');
  for (const a of articles) for (const b of articles) if (a !== b) expect(overlap(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
  for (const a of articles) expect(a.col + a.span <= pl.grid.columns && a.row + a.rows <= pl.grid.rows, a.id).toBe(true);
  const images = doc.blocks.filter((b): b is ImageBlock => b.kind === 'image');
  for (const img of images) {
    const host = articles.find((a) => a.articleId === img.articleId);
    // A picture sits inside its article's module; a stand-alone photo (no article) beside every module.
    if (host) expect(img.col >= host.col && img.col + img.span <= host.col + host.span && img.row >= host.row && img.row + img.rows <= host.row + host.rows).toBe(true);
    // ...and after it in the blocks: drawn over it, so that a click on the picture picks the picture
    if (host) expect(doc.blocks.indexOf(img), `${img.id} before ${host.id}`).toBeGreaterThan(doc.blocks.indexOf(host));
    else for (const a of articles) expect(overlap(img, a), `${img.id} overlaps ${a.id}`).toBe(false);
    for (const other of images) if (other !== img) expect(overlap(img, other), `${img.id} overlaps ${other.id}`).toBe(false);
  }
  // Every article is placed or held over by name, never both, never neither.
  const placed = articles.map((a) => a.articleId);
  expect([...placed, ...heldIds].sort()).toEqual(request.document.articles.map((a) => a.id).sort());
  // Headline sizes read from the glyphs: the lead's is the biggest on the page.
  const sizes = new Map<string, number>();
  for (const it of pl.items) if (it.kind === 'glyphs' && it.source?.field === 'headline') sizes.set(it.source.owner, Math.max(sizes.get(it.source.owner) ?? 0, it.size));
  const lead = request.document.articles[0].id;
  expect(placed).toContain(lead);
  // ...and on top: in the top third of the page, in every alternative offered
  expect(articles.find((a) => a.articleId === lead)!.row).toBeLessThanOrEqual(pl.grid.rows / 3);
  for (const [id, s] of sizes) if (id !== lead) expect(s).toBeLessThan(sizes.get(lead)!);
  if (placed.length >= 6) expect(new Set(sizes.values()).size).toBeGreaterThanOrEqual(3);
}

/**
 * 叠题 read from the laid-out page: another story's title lines (kicker, headline, deck) below a
 * story's, across from them, with no line of text between (within four body lines).
 */
function stackedTitles(doc: BanmianDocument): string[] {
  const pl = layout(doc, { fonts });
  type Box = { x0: number; x1: number; top: number; bottom: number };
  const boxOf = (i: { xs: number[]; size: number; y: number }): Box => ({ x0: i.xs[0], x1: i.xs[i.xs.length - 1] + i.size, top: i.y - i.size, bottom: i.y });
  const titles = new Map<string, Box>();
  const text: Box[] = [];
  for (const i of pl.items) {
    if (i.kind !== 'glyphs' || !i.source) continue;
    if (!['kicker', 'headline', 'deck'].includes(i.source.field)) {
      text.push(boxOf(i));
      continue;
    }
    const b = titles.get(i.source.owner);
    const n = boxOf(i);
    titles.set(i.source.owner, b ? { x0: Math.min(b.x0, n.x0), x1: Math.max(b.x1, n.x1), top: Math.min(b.top, n.top), bottom: Math.max(b.bottom, n.bottom) } : n);
  }
  const across = (p: Box, q: Box): boolean => q.x0 < p.x1 && p.x0 < q.x1;
  const four = 4 * doc.page.styles.body.lineHeight;
  const out: string[] = [];
  for (const [a, p] of titles) for (const [b, q] of titles) {
    if (a === b || q.top < p.bottom - 1 || q.top - p.bottom > four || !across(p, q)) continue;
    const between = text.some((t) => across(t, { ...p, x0: Math.max(p.x0, q.x0), x1: Math.min(p.x1, q.x1) }) && t.top >= p.bottom - 1 && t.bottom <= q.top + 1);
    if (!between) out.push(`${b} under ${a}`);
  }
  return out;
}

describe('makeUp on day sets', () => {
  for (const name of ['broadsheet-fits', 'tabloid', 'broadsheet-overflow']) {
    it(`${name}: ranked alternatives, each laid out with nothing overset, no overlaps, the lead's headline biggest`, () => {
      const request = dayRequest(name);
      const r = makeUp(request, { fonts });
      expect(r.alternatives.length).toBeGreaterThanOrEqual(name === 'tabloid' ? 1 : 3);
      const totals = r.alternatives.map((a) => a.score.total);
      expect([...totals].sort((a, b) => b - a)).toEqual(totals);
      for (const alt of r.alternatives) checkPage(alt.document, request, alt.heldOver.map((h) => h.articleId));
    });
  }

  it('no headline stands right under another story\'s titles (叠题): a story whose titles run wider than its body steps its body out under them, read from the laid-out page', () => {
    let stepped = 0;
    for (const name of ['broadsheet-fits', 'broadsheet-overflow'] as const) {
      const request = dayRequest(name);
      for (const alt of makeUp(request, { fonts }).alternatives) {
        expect(stackedTitles(alt.document), `${name}: ${alt.score.zh}`).toEqual([]);
        stepped += alt.document.blocks.filter((b) => b.kind === 'article' && b.columnRows?.some((d) => d < b.rows)).length;
      }
    }
    // the overhangs are still there, as steps
    expect(stepped).toBeGreaterThan(0);
  });

  it('a picture under a stepped module\'s short columns takes no line of its text (it wrapped the block\'s bounding box)', () => {
    const request = dayRequest('broadsheet-fits');
    const a = request.document.articles[0];
    const photo = { ...samplePage().images[0], id: 'ph' };
    const block = { id: 'b', kind: 'article' as const, articleId: a.id, col: 0, span: 4, row: 0, rows: 40, headlineSpan: 4, columnRows: [40, 40, 12, 12] };
    const picture = { id: 'p', kind: 'image' as const, imageId: 'ph', caption: '', col: 2, span: 2, row: 12, rows: 20 };
    const doc = { ...request.document, articles: [a], images: [photo], blocks: [block] };
    const alone = layout(doc, { fonts });
    const beside = layout({ ...doc, blocks: [block, picture] }, { fonts });
    expect(beside.overset).toEqual(alone.overset);
    expect(beside.frames.find((f) => f.blockId === 'b')?.emptyLines).toBe(alone.frames.find((f) => f.blockId === 'b')?.emptyLines);
  });

  it('holds over by name when the copy is more than the page, and is deterministic', () => {
    const request = dayRequest('broadsheet-overflow');
    const a = makeUp(request, { fonts });
    const b = makeUp(request, { fonts });
    expect(a.alternatives[0].heldOver.length).toBeGreaterThan(0);
    for (const h of a.alternatives[0].heldOver) expect(h.zh).toContain(request.document.articles.find((x) => x.id === h.articleId)!.headline);
    expect(b.alternatives.map((x) => x.blocks)).toEqual(a.alternatives.map((x) => x.blocks));
  });
});

describe('makeUp on bad input', () => {
  const article = (id: string, text: string, headline = `标题${id}`) => ({ id, kicker: '', headline, deck: '', byline: '', bylinePosition: 'top' as const, lead: '', body: docFromParagraphs(text ? [text] : []), jumpFrom: '', jumpTo: '' });
  const para = '本报讯 市政府昨天召开常务会议，研究部署近期重点工作，会议强调要抓好项目建设、民生保障和安全生产。'.repeat(4);

  it('sets no brief\'s titles over another story (题文不对应), and on a 四开 page only the lead\'s', () => {
    const titles = ['白筱村以工代赈项目复工', '市图书馆春节期间免费开放', '宜章高标准农田建设正酣', '部队医院专家进社区义诊', '南湖大道改造工程通过验收'];
    const briefs = Array.from({ length: 12 }, (_, i) => article(`b${i}`, para.slice(0, 90 + ((i * 37) % 160)), titles[i % titles.length]));
    const articles = [article('lead', para.repeat(7), '全市一季度经济运行开局良好'), article('m1', para.repeat(3), '老旧小区改造惠及两万户'), ...briefs];
    for (const alt of makeUp({ document: { ...emptyDocument('tabloid'), articles } }, { fonts }).alternatives) {
      for (const b of alt.document.blocks) {
        if (b.kind !== 'article' || b.articleId === 'lead' || !b.columnRows) continue;
        expect(new Set(b.columnRows).size, `${b.articleId}: ${b.columnRows.join(' ')}`).toBe(1);
      }
    }
  });

  it('keeps a story\'s box, 反白 band, 压题图 and 竖排 titles through make-up, measured; says whose 竖排 titles give way to its pictures', () => {
    const photo = samplePage().images[0];
    const second = { ...photo, id: 'second' };
    const band = { tint: 100, text: 'white' as const };
    const blocks = [
      { id: 'b-a', kind: 'article' as const, articleId: 'a', col: 0, span: 2, row: 0, rows: 30, titleDirection: 'vertical' as const },
      { id: 'b-b', kind: 'article' as const, articleId: 'b', col: 2, span: 2, row: 0, rows: 30, titleBand: band },
      { id: 'b-c', kind: 'article' as const, articleId: 'c', col: 4, span: 2, row: 0, rows: 30, titleBand: band, locked: true },
      { id: 'b-d', kind: 'article' as const, articleId: 'd', col: 0, span: 2, row: 30, rows: 30, tint: 15, frameWidth: 1, inset: 6 },
      { id: 'b-e', kind: 'article' as const, articleId: 'e', col: 2, span: 2, row: 30, rows: 30, titleImage: { imageId: photo.id, rows: 12, text: 'white' as const } },
      { id: 'b-f', kind: 'article' as const, articleId: 'f', col: 0, span: 2, row: 60, rows: 30, titleDirection: 'vertical' as const, titleLatin: 'upright' as const },
    ];
    const doc = { ...emptyDocument('tabloid'), articles: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => article(id, para)), images: [photo, second], blocks };
    const r = makeUp({ document: doc, pictures: [{ imageId: 'second', articleId: 'a', caption: '图为现场' }] }, { fonts });
    const told = r.notes.filter((n) => /竖排/.test(n.zh)).map((n) => n.articleId);
    expect(told).toEqual(['a']);
    expect(r.notes.find((n) => n.articleId === 'a')!.en).toContain('not kept by make-up');
    const alt = r.alternatives[0];
    const blockOf = (id: string) => alt.blocks.find((b) => b.kind === 'article' && b.articleId === id);
    expect(blockOf('c')).toMatchObject({ id: 'b-c', titleBand: band });
    expect(blockOf('b')).toMatchObject({ titleBand: band });
    expect(blockOf('d')).toMatchObject({ tint: 15, frameWidth: 1, inset: 6 });
    expect(blockOf('e')).toMatchObject({ titleImage: { imageId: photo.id, rows: 12 } });
    expect(blockOf('a')).not.toHaveProperty('titleDirection');
    expect(blockOf('f')).toMatchObject({ titleDirection: 'vertical', titleLatin: 'upright' });
    expect(blockOf('f')).not.toHaveProperty('columnRows');
    // Measured with its look: the real layout sets every placed story whole, the 压题图's picture drawn, f's headline stacked.
    const pl = layout(alt.document, { fonts });
    expect(pl.overset).toEqual([]);
    expect(pl.items.some((i) => i.kind === 'image' && i.imageId === photo.id)).toBe(true);
    const heads = pl.items.filter((i) => i.kind === 'glyphs' && i.source?.owner === 'f' && i.source.field === 'headline');
    expect(heads.length).toBeGreaterThan(0);
    expect(heads.every((i) => i.kind === 'glyphs' && (i.ys?.length ?? 0) > 1)).toBe(true);
  });

  it('sets no headline in more than three lines where a wider module or the smaller size keeps it within three', () => {
    const long = '“健康大篷车”开进山乡 专家把义诊送到家门口';
    const articles = [article('lead', para.repeat(9)), article('two', para.repeat(5), long), article('three', para.repeat(5), long), ...[4, 5, 6, 7].map((i) => article(`s${i}`, para.repeat(3), long))];
    const doc = { ...emptyDocument('broadsheet'), articles };
    for (const alt of makeUp({ document: doc }, { fonts }).alternatives) {
      const lines = new Map<string, Set<number>>();
      for (const it of layout(alt.document, { fonts }).items) if (it.kind === 'glyphs' && it.source?.field === 'headline') lines.set(it.source.owner, (lines.get(it.source.owner) ?? new Set()).add(Math.round(it.y)));
      for (const [id, ys] of lines) expect(ys.size, id).toBeLessThanOrEqual(3);
    }
  });

  it('a story that with its titles and pictures takes more than the page is held as such, not \'the page is full\' (its text alone fits the page)', () => {
    const images = [1, 2].map((k) => ({ ...samplePage().images[0], id: `p${k}`, name: `p${k}.jpg`, pixelWidth: 3000, pixelHeight: 2000 }));
    const big = article('big', Array.from({ length: 26 }, () => para).join('\n'));
    const doc = { ...emptyDocument('tabloid'), articles: [article('a', para), big], images };
    const r = makeUp({ document: doc, pictures: images.map((i) => ({ imageId: i.id, articleId: 'big', caption: '图为会议现场。' })) }, { fonts });
    const held = r.alternatives[0].heldOver.find((h) => h.articleId === 'big');
    expect(held?.zh).toBe('“标题big”连同标题、图片比整个版面还大，待用');
    expect(held?.en).toMatch(/with its titles and pictures takes more than the whole page/);
  });

  it('places a one-sentence story alone on a page (一句话新闻), narrower than a lead, rather than hold it over', () => {
    const doc = { ...emptyDocument('tabloid'), articles: [article('one', '本报讯 这是一篇只有一句话的短稿。')] };
    const alt = makeUp({ document: doc }, { fonts }).alternatives[0];
    expect(alt.heldOver).toEqual([]);
    checkPage(alt.document, { document: doc }, []);
  });

  it('holds over an article with no body and one longer than the page, with zh/en reasons', () => {
    const doc = { ...emptyDocument('tabloid'), articles: [article('a', para), article('empty', ''), article('huge', para.repeat(400))] };
    const r = makeUp({ document: doc }, { fonts });
    const held = r.alternatives[0].heldOver;
    expect(held.find((h) => h.articleId === 'empty')?.en).toMatch(/no body/);
    expect(held.find((h) => h.articleId === 'huge')?.en).toMatch(/longer than the whole page/);
    expect(held.find((h) => h.articleId === 'huge')?.zh).toMatch(/比整个版面还长/);
    checkPage(r.alternatives[0].document, { document: doc }, held.map((h) => h.articleId));
    // a story without a headline is named by its first words, never by its id
    const untitled = makeUp({ document: { ...doc, articles: [article('a', para), article('huge', para.repeat(400), '')] } }, { fonts });
    expect(untitled.alternatives[0].heldOver.find((h) => h.articleId === 'huge')?.zh).toBe(`“${para.slice(0, 16)}…”比整个版面还长，待用`);
    // neither would fill the page: the one story placed leaves it short of copy, and the note says so
    expect(r.notes.map((n) => n.zh).join('\n')).toMatch(/稿件不足以排满版面：空白约 \d+ 栏行，约需补稿 \d+ 字/);
  });

  it('reports a 40×30 px picture as too small for print, and places a 100-megapixel one', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('a', para.repeat(3)), article('b', para.repeat(2))], images: [
      { id: 'tiny', name: 'tiny.jpg', mime: 'image/jpeg' as const, pixelWidth: 40, pixelHeight: 30, colorSpace: 'rgb' as const },
      { id: 'big', name: 'big.jpg', mime: 'image/jpeg' as const, pixelWidth: 12_000, pixelHeight: 8_400, colorSpace: 'rgb' as const },
    ] };
    const request = { document: doc, pictures: [{ imageId: 'tiny', articleId: 'a', caption: '小图' }, { imageId: 'big', articleId: 'b', caption: '大图' }] };
    const r = makeUp(request, { fonts });
    expect(r.notes.some((n) => n.imageId === 'tiny' && /too small for print/.test(n.en) && /40×30/.test(n.zh))).toBe(true);
    expect(r.alternatives[0].blocks.filter((b) => b.kind === 'image').length).toBe(2);
    checkPage(r.alternatives[0].document, request, r.alternatives[0].heldOver.map((h) => h.articleId));
  });

  it('takes 200 articles within its bounds, holding the rest over by name', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: Array.from({ length: 200 }, (_, i) => article(`n${i}`, para)) };
    const r = makeUp({ document: doc }, { fonts });
    // (30 000 states a run; a page left with a hole is made up again, one story held a run, four runs at most, then once with 竖题 allowed)
    expect(r.stats.statesExpanded).toBeLessThanOrEqual(5 * 30_000);
    const alt = r.alternatives[0];
    checkPage(alt.document, { document: doc }, alt.heldOver.map((h) => h.articleId));
    expect(alt.heldOver.length).toBeGreaterThan(100);
  });

  it('returns around a locked stepped story one of whose columns it does not reach (a zero in its columnRows)', () => {
    const base = emptyDocument('tabloid');
    const locked = { id: 'LB', kind: 'article' as const, articleId: 'L', col: 0, span: 3, row: 0, rows: 30, columnRows: [30, 0, 30], locked: true };
    const doc = { ...base, articles: ['L', 'a', 'b', 'c'].map((id) => article(id, para.repeat(2))), blocks: [locked] };
    const r = makeUp({ document: doc }, { fonts });
    expect(r.stats.stoppedBy).toBe('done');
    const alt = r.alternatives[0];
    expect(alt.blocks).toContainEqual(locked);
    expect(textOverlaps(alt.blocks)).toEqual([]);
    expect(alt.blocks.filter((b) => b.kind === 'article').length).toBeGreaterThan(1);
  });

  it('holds every article over on a fully locked grid and says so', () => {
    const base = emptyDocument('tabloid');
    const doc = { ...base, articles: [article('a', para)], blocks: [{ id: 'ad', kind: 'box' as const, col: 0, span: base.page.grid.columns, row: 0, rows: 1000, locked: true }] };
    const r = makeUp({ document: doc }, { fonts });
    expect(r.notes.some((n) => /fully locked/.test(n.en) && /锁定/.test(n.zh))).toBe(true);
    expect(r.alternatives[0].heldOver.map((h) => h.articleId)).toEqual(['a']);
    expect(r.alternatives[0].blocks).toEqual(doc.blocks);
  });

  it('keeps a locked block where it is and makes up around it', () => {
    const base = emptyDocument('broadsheet');
    const ad = { id: 'ad', kind: 'box' as const, col: 4, span: 4, row: 80, rows: 30, locked: true };
    const doc = { ...base, articles: [article('a', para.repeat(4)), article('b', para.repeat(2)), article('c', para)], blocks: [ad] };
    const r = makeUp({ document: doc }, { fonts });
    for (const alt of r.alternatives) {
      expect(alt.blocks).toContainEqual(ad);
      for (const b of alt.blocks) if (b.kind === 'article') expect(overlap(b, ad)).toBe(false);
    }
  });

  it('neither places again nor holds over an article whose block is locked (it is on the page)', () => {
    const base = emptyDocument('broadsheet');
    const banner = { id: 'b-banner', kind: 'article' as const, articleId: 'banner', col: 0, span: base.page.grid.columns, row: 0, rows: 4, locked: true };
    const doc = { ...base, articles: [article('banner', ''), article('a', para.repeat(2)), article('b', para)], blocks: [banner] };
    const r = makeUp({ document: doc }, { fonts });
    for (const alt of r.alternatives) {
      expect(alt.heldOver.map((h) => h.articleId)).not.toContain('banner');
      expect(alt.blocks.filter((b) => b.kind === 'article' && b.articleId === 'banner')).toEqual([banner]);
    }
  });

  const headlineSizesOn = (doc: BanmianDocument): { owner: string; size: number }[] =>
    layout(doc, { fonts }).items.flatMap((i) => (i.kind === 'glyphs' && i.source?.field === 'headline' ? [{ owner: i.source.owner, size: i.size }] : []));

  it('gives a lead of a brief\'s length (a page of briefs) the next level\'s headline, not the lead\'s 36 pt (or 48) over a few lines (field tests 15, 16), still the biggest', () => {
    const briefs = Array.from({ length: 10 }, (_, i) => article(`b${i}`, para.slice(0, 95 + i * 20), `简讯标题${i}号`));
    const doc = { ...emptyDocument('broadsheet'), articles: briefs };
    const sizes = headlineSizesOn(makeUp({ document: doc }, { fonts }).alternatives[0].document);
    const lead = Math.max(...sizes.filter((s) => s.owner === 'b0').map((s) => s.size));
    expect(lead).toBe(headlineSizes(8)[1]);
    expect(Math.max(...sizes.filter((s) => s.owner !== 'b0').map((s) => s.size))).toBeLessThan(lead);
  });

  it('under a lead of a brief\'s length, a full story\'s headline stays smaller than the lead\'s', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('lead', para.slice(0, 120), '简讯头条'), article('full', para.repeat(5), '一篇完整稿件的标题'), article('c', para.repeat(2))] };
    const sizes = headlineSizesOn(makeUp({ document: doc }, { fonts }).alternatives[0].document);
    const of = (owner: string): number => Math.max(...sizes.filter((s) => s.owner === owner).map((s) => s.size));
    expect(of('lead')).toBe(headlineSizes(8)[1]);
    expect(of('full')).toBeLessThan(of('lead'));
  });

  it('never makes a story continued from another page (上接) the lead by input order: the first that is not leads, and a note says so; a ranking given keeps it first (field test 20)', () => {
    const continued = { ...article('jump', para.repeat(3), '上接稿件的标题'), jumpFrom: '（上接01版）' };
    const doc = { ...emptyDocument('broadsheet'), articles: [continued, article('own', para.repeat(4), '本版头条稿件'), article('c', para.repeat(2))] };
    const made = makeUp({ document: doc }, { fonts });
    const sizes = headlineSizesOn(made.alternatives[0].document);
    const of = (owner: string): number => Math.max(...sizes.filter((s) => s.owner === owner).map((s) => s.size));
    expect(of('own')).toBeGreaterThanOrEqual(headlineSizes(8)[0]);
    expect(of('jump')).toBeLessThan(of('own'));
    expect(made.notes.map((n) => n.zh).join('\n')).toContain('“上接稿件的标题”是上接稿，不作头条');
    const ranked = makeUp({ document: doc, ranking: ['jump', 'own', 'c'] }, { fonts });
    const kept = headlineSizesOn(ranked.alternatives[0].document);
    expect(Math.max(...kept.filter((s) => s.owner === 'jump').map((s) => s.size))).toBeGreaterThanOrEqual(headlineSizes(8)[0]);
  });

  it('makes up a one-column page', () => {
    const base = emptyDocument('tabloid');
    const doc = { ...base, page: { ...base.page, grid: { ...base.page.grid, columns: 1 } }, articles: [article('a', para), article('b', para)] };
    const r = makeUp({ document: doc }, { fonts });
    const alt = r.alternatives[0];
    checkPage(alt.document, { document: doc }, alt.heldOver.map((h) => h.articleId));
    expect(alt.blocks.every((b) => b.kind !== 'article' || b.span === 1)).toBe(true);
  });

  const photo = (id: string, w: number, h: number) => ({ id, name: `${id}.jpg`, mime: 'image/jpeg' as const, pixelWidth: w, pixelHeight: h, colorSpace: 'rgb' as const });

  it('places two pictures of one article inside its module, one under the other, with their captions', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('a', para.repeat(6)), article('b', para.repeat(3))], images: [photo('p1', 3000, 2000), photo('p2', 3000, 2000)] };
    const request = { document: doc, pictures: [{ imageId: 'p1', articleId: 'a', caption: '第一张' }, { imageId: 'p2', articleId: 'a', caption: '第二张' }] };
    const r = makeUp(request, { fonts });
    const alt = r.alternatives[0];
    const imgs = alt.blocks.filter((b): b is ImageBlock => b.kind === 'image');
    expect(imgs.map((b) => [b.imageId, b.articleId, b.caption])).toEqual([['p1', 'a', '第一张'], ['p2', 'a', '第二张']]);
    checkPage(alt.document, request, alt.heldOver.map((h) => h.articleId));
  });

  it('never enlarges a picture past the print resolution preflight warns at, cropping included (a long lead and briefs)', () => {
    const briefs = Array.from({ length: 12 }, (_, i) => article(`brief${i}`, para.slice(0, 120 + i * 5)));
    const doc = { ...emptyDocument('broadsheet'), articles: [article('lead', para.repeat(20)), ...briefs], images: [photo('p', 1800, 1200)] };
    const r = makeUp({ document: doc, pictures: [{ imageId: 'p', articleId: 'lead', caption: '现场' }] }, { fonts });
    // the briefs all go on the page: a bigger picture is not worth more than the next story
    expect(r.alternatives[0].heldOver).toEqual([]);
    const pl = layout(r.alternatives[0].document, { fonts });
    const placed = pl.items.filter((i) => i.kind === 'image' && i.imageId === 'p');
    expect(placed).toHaveLength(1);
    for (const item of placed) {
      if (item.kind !== 'image') continue;
      // points per pixel of the picture as printed: its drawn width over its pixels (or what covers the frame)
      const ptPerPixel = item.picture ? item.picture.width / 1800 : Math.max(item.width / 1800, item.height / 1200);
      expect(72 / ptPerPixel).toBeGreaterThanOrEqual(PRINT_PPI.warning);
    }
  });

  it('sizes a picture for its story on a light day: a 450-character story’s photo takes at most three times the area of its text and a quarter of the page’s depth, the rest is left blank', () => {
    const short = para.repeat(2) + para.slice(0, 60);
    const doc = { ...emptyDocument('broadsheet'), articles: [article('lead', para.repeat(8)), article('b', short), article('c', para.repeat(3)), article('d', para.repeat(2))], images: [photo('p', 4800, 3600)] };
    const r = makeUp({ document: doc, pictures: [{ imageId: 'p', articleId: 'b', caption: '图为现场' }] }, { fonts });
    const geo = gridGeometry(doc.page);
    const pl = layout(r.alternatives[0].document, { fonts });
    const frame = pl.items.find((i) => i.kind === 'image' && i.imageId === 'p');
    if (frame?.kind !== 'image') throw new Error('the picture is not on the page');
    // the text's area: its characters set at the body size in lines of the column's width, one pitch apart
    const textArea = Math.ceil([...short].length / Math.floor(geo.colWidth / geo.bodySize)) * geo.colWidth * geo.pitch;
    expect(frame.width * frame.height).toBeLessThanOrEqual(3 * textArea);
    expect(frame.height).toBeLessThanOrEqual(geo.gridHeight / 4);
    // what the light day cannot fill stays blank and is said (补稿), not filled by the picture
    expect(r.alternatives[0].score.fill).toBeLessThan(0.9);
  });

  it('keeps a 3:1 panorama nearly whole: its frame crops at most a quarter of its width (field test 15: about 30% was cut)', () => {
    const doc = { ...emptyDocument('tabloid'), articles: [article('lead', para.repeat(5)), article('b', para.repeat(3)), article('c', para.repeat(2))], images: [photo('pano', 4500, 1500)] };
    const r = makeUp({ document: doc, pictures: [{ imageId: 'pano', articleId: 'lead', caption: '全景' }] }, { fonts });
    const item = layout(r.alternatives[0].document, { fonts }).items.find((i) => i.kind === 'image' && i.imageId === 'pano');
    if (item?.kind !== 'image') throw new Error('the panorama is not on the page');
    // the picture drawn to cover its frame: how much of its width the frame leaves out
    const drawn = item.picture?.width ?? item.width;
    expect(1 - item.width / drawn).toBeLessThanOrEqual(0.25 + 1e-6);
  });

  it('keeps a picture that only just prints sharp at its span at 200 ppi or more: its frame rounded down to whole lines, not up', () => {
    const geo = gridGeometry(emptyDocument('broadsheet').page);
    for (const [span, aspect] of [[2, 0.66], [4, 0.56]]) {
      const w = Math.ceil((201 * spanWidth(geo, span)) / 72);
      const h = Math.round(w * aspect);
      const doc = { ...emptyDocument('broadsheet'), articles: [article('lead', para.repeat(10)), article('b', para.repeat(4)), article('c', para.repeat(3))], images: [photo('p', w, h)] };
      const r = makeUp({ document: doc, pictures: [{ imageId: 'p', articleId: 'b', caption: '图为现场，本报记者摄' }] }, { fonts });
      for (const item of layout(r.alternatives[0].document, { fonts }).items) {
        if (item.kind !== 'image' || item.imageId !== 'p') continue;
        const ptPerPixel = item.picture ? item.picture.width / w : Math.max(item.width / w, item.height / h);
        expect(72 / ptPerPixel, `${w}×${h}`).toBeGreaterThanOrEqual(PRINT_PPI.warning - 0.5);
      }
    }
  });

  it('gives a brief (简讯) ranked second a middle or brief\'s headline, not a second story\'s, and no ceiling to the stories under it', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('lead', para.repeat(8)), article('brief', para.slice(0, 150)), article('c', para.repeat(5)), article('d', para.repeat(4)), article('e', para.repeat(4))] };
    const r = makeUp({ document: doc }, { fonts });
    const alt = r.alternatives[0];
    const size = (id: string) => alt.document.articles.find((a) => a.id === id)!.styleOverrides?.headline?.size ?? 0;
    expect(alt.heldOver).toEqual([]);
    expect(size('brief')).toBeLessThanOrEqual(headlineSizes(8)[2]);
    expect(size('lead')).toBeGreaterThanOrEqual(headlineSizes(8)[0]);
    // the second-ranked full story keeps a second story's headline, bigger than the brief's
    expect(size('c')).toBe(headlineSizes(8)[1]);
  });

  it('offers a lead\'s two pictures narrower than half its width when half wide they would go past its share (field test 41 P1 四开: two stories held for them)', () => {
    const page = emptyDocument('tabloid').page;
    const geo = gridGeometry(page);
    const links = [1, 2].map((n) => ({ imageId: `p${n}`, articleId: 'lead', caption: '图为位于福建省宁德市屏南县长桥镇的万安桥。' }));
    const offers = shapesFor(article('lead', para.repeat(7)), 0, geo, page, links, new Map()).filter((s) => s.span === geo.columns && s.pictures.length && s.pictures[0].span < geo.columns);
    expect(offers.length).toBeGreaterThan(0);
    // (placeholders, 4:3: three columns at their least depth are past a quarter of the page; two keep within it)
    for (const o of offers) {
      expect(o.pictures.map((p) => p.span)).toEqual([2, 2]);
      expect(o.pictures.reduce((n, p) => n + p.span * p.min, 0)).toBeLessThanOrEqual(0.25 * geo.columns * geo.rows);
    }
    // a story ranked lower is offered the narrower pictures beside the half-wide ones: the page decides (night seed 9 四开 kept
    // its half-wide picture, hole 0, where the narrow one alone left 4)
    const lower = shapesFor(article('third', para.repeat(4)), 2, geo, page, links.slice(0, 1), new Map(), article('lead', para.repeat(7))).filter((s) => s.pictures.length && s.pictures[0].span < s.span);
    expect(new Set(lower.filter((s) => s.span === geo.columns).map((s) => s.pictures[0].span))).toEqual(new Set([2, 3]));
  });

  it('offers a lead across most of a 对开 page a bigger headline (42, 48 pt) only where it stays on one line', () => {
    const page = emptyDocument('broadsheet').page;
    const geo = gridGeometry(page);
    const sizesAt = (headline: string, span: number) => [...new Set(shapesFor({ ...article('lead', para.repeat(6)), headline }, 0, geo, page, [], new Map()).filter((s) => s.span === span).map((s) => s.headlineSize))];
    // 14 characters at 48 pt are 672 pt, within 8 columns (999 pt) and 6 (747 pt); a 5-column lead keeps its own size
    expect(sizesAt('真抓实干谋发展 奋勇争先谱新篇', 8)).toEqual([36, 42, 48]);
    expect(sizesAt('真抓实干谋发展 奋勇争先谱新篇', 6)).toEqual([36, 42, 48]);
    expect(sizesAt('真抓实干谋发展 奋勇争先谱新篇', 5)).toEqual([36]);
    // 17 characters at 42 pt are 714 pt, with the headline's sidebearings too wide for 6 columns
    expect(sizesAt('全市重点项目集中开工总投资逾三百亿', 6)).toEqual([36]);
    // 26 characters do not go on one line at 42 pt: the lead keeps 36 pt
    expect(sizesAt('打造工业型历史文化名城减污降碳协同增效洛阳样板再上新台阶', 8)).toEqual([36]);
    // a story that is not the lead never grows
    expect(new Set(shapesFor({ ...article('c', para.repeat(6)), headline: '短题' }, 1, geo, page, [], new Map()).map((s) => s.headlineSize))).toEqual(new Set([26, 20]));
  });

  it('never offers a full-length story the briefs\' headline size on a 对开 page, whatever its rank: the size between (18 pt), the briefs keep theirs', () => {
    const long = article('long', para.repeat(6));
    const brief = article('brief', para.slice(0, 150));
    // 对开 (8 columns): 36 / 26 / 20 / 15 by level
    expect(headlineSizesFor(long, 0, 8)).toEqual([36]);
    expect(headlineSizesFor(long, 1, 8)).toEqual([26, 20]);
    expect(headlineSizesFor(long, 3, 8)).toEqual([20, 18]);
    expect(headlineSizesFor(brief, 3, 8)).toEqual([20, 15]);
    expect(headlineSizesFor(brief, 6, 8)).toEqual([15]);
    expect(headlineSizesFor(long, 6, 8)).toEqual([15]);
    // a full-length story ranked under a brief that may take a middle headline never drops to the briefs' size, whatever its rank
    // (field test 35 N3: 简讯 items ranked 3 to 6 at 20 pt over an 865-character story ranked 7th at 15 pt)
    expect([middleBrief(brief, 3), middleBrief(brief, 6), middleBrief(long, 3)]).toEqual([true, false, false]);
    expect(headlineSizesFor(long, 6, 8, undefined, true)).toEqual([20, 18]);
    expect(headlineSizesFor(long, 9, 8, undefined, true)).toEqual([20, 18]);
    // 四开 (5 columns): 16 and 14 are 2 pt apart, nothing between
    expect(headlineSizesFor(long, 3, 5)).toEqual([16, 14]);
    // the shapes make-up tries are these sizes
    const geo = gridGeometry(emptyDocument('broadsheet').page);
    expect([...new Set(shapesFor(long, 3, geo, emptyDocument('broadsheet').page, [], new Map()).map((s) => s.headlineSize))]).toEqual([20, 18]);
  });

  it('a full-length story ranked under 简讯 that take a middle headline is set under one no smaller than theirs (field test 35 N3)', () => {
    const briefs = ['广西出台全域土地综合整治管理办法', '广西出台措施促进机器人产业发展', '广西银发旅游专列首发', '四川高县跟进群众交办清单'].map((t, i) => article(`b${i}`, para.slice(0, 150), t));
    const articles = [article('lead', para.repeat(8), '小陶村出圈记'), article('second', para.repeat(4), '深入推进信访工作法治化'), ...briefs, article('late', para.repeat(4), '用水有数　节水有奖')];
    const sizes = new Map<string, number>();
    for (const { owner, size } of headlineSizesOn(makeUp({ document: { ...emptyDocument('broadsheet'), articles } }, { fonts }).alternatives[0].document)) sizes.set(owner, Math.max(size, sizes.get(owner) ?? 0));
    expect(sizes.has('late')).toBe(true);
    expect(briefs.filter((b) => sizes.has(b.id)).length).toBeGreaterThan(0);
    for (const b of briefs) if (sizes.has(b.id)) expect(sizes.get('late'), b.headline).toBeGreaterThanOrEqual(sizes.get(b.id)!);
  });

  it('sets the 主题 of the lead and the next two in the 主题 style\'s face (标宋), the middle stories\' and briefs\' in 短稿主题\'s (黑)', () => {
    const alt = makeUp(dayRequest('broadsheet-overflow'), { fonts }).alternatives[0];
    const { headline, minorHeadline } = alt.document.page.styles;
    expect([headline.family, minorHeadline.family]).toEqual(['biaosong', 'hei']);
    const pl = layout(alt.document, { fonts });
    const seen = { major: 0, minor: 0 };
    for (const b of alt.blocks) {
      if (b.kind !== 'article') continue;
      const size = alt.document.articles.find((a) => a.id === b.articleId)!.styleOverrides!.headline!.size!;
      const faces = new Set(pl.items.flatMap((i) => (i.kind === 'glyphs' && i.source?.owner === b.articleId && i.source.field === 'headline' ? [i.face] : [])));
      const major = size >= headlineSizes(8)[1];
      expect([...faces], `${b.articleId} at ${size} pt`).toEqual([`${major ? headline.family : minorHeadline.family}-regular`]);
      seen[major ? 'major' : 'minor']++;
    }
    expect(seen.major).toBeGreaterThanOrEqual(2);
    expect(seen.minor).toBeGreaterThanOrEqual(2);
  });

  it('places a picture that belongs to no article as a stand-alone photo with its caption', () => {
    const doc = { ...emptyDocument('tabloid'), articles: [article('a', para.repeat(3)), article('b', para.repeat(2))], images: [photo('solo', 3000, 2000)] };
    const request = { document: doc, pictures: [{ imageId: 'solo', caption: '雪后的洛阳桥 本报记者 摄' }] };
    const r = makeUp(request, { fonts });
    const alt = r.alternatives[0];
    const img = alt.blocks.find((b): b is ImageBlock => b.kind === 'image');
    expect(img).toMatchObject({ imageId: 'solo', caption: '雪后的洛阳桥 本报记者 摄' });
    expect(img?.articleId).toBeUndefined();
    expect(img!.span).toBeGreaterThanOrEqual(2);
    // the score counts the photo as a picture, not as a third article
    const stories = alt.blocks.filter((b) => b.kind === 'article').length;
    expect(alt.score.zh).toContain(`上版 ${stories} 篇，图片新闻 1 张`);
    expect(alt.score.en).toContain(`${stories} articles placed, 1 stand-alone photos`);
    checkPage(alt.document, request, alt.heldOver.map((h) => h.articleId));
  });

  it('places a picture story that is its title, its picture and its caption (图片新闻, no text of its own): the picture as wide as the title, not held over for having no body (field test 21)', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('a', para.repeat(4)), article('pic', '', '荆河公园人气旺'), article('b', para.repeat(2))], images: [photo('park', 3000, 2000)] };
    const request = { document: doc, pictures: [{ imageId: 'park', articleId: 'pic', caption: '2月17日，市民在荆河公园内游玩。本报记者 摄' }] };
    const alt = makeUp(request, { fonts }).alternatives[0];
    expect(alt.heldOver.map((h) => h.articleId)).not.toContain('pic');
    const block = alt.blocks.find((b): b is ArticleBlock => b.kind === 'article' && b.articleId === 'pic')!;
    const img = alt.blocks.find((b): b is ImageBlock => b.kind === 'image' && b.imageId === 'park')!;
    expect(img).toMatchObject({ articleId: 'pic', caption: '2月17日，市民在荆河公园内游玩。本报记者 摄', col: block.col, span: block.span });
    checkPage(alt.document, request, alt.heldOver.map((h) => h.articleId));
    // a story with neither text nor picture is still held over, named
    const bare = makeUp({ document: { ...emptyDocument('broadsheet'), articles: [article('a', para.repeat(4)), article('none', '', '只有标题')] } }, { fonts }).alternatives[0];
    expect(bare.heldOver.map((h) => h.articleId)).toContain('none');
  });

  it('never frames a picture wider than it prints sharply (a 200×100 px picture stays one column wide)', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('a', para.repeat(6))], images: [photo('small', 200, 100)] };
    const request = { document: doc, pictures: [{ imageId: 'small', articleId: 'a', caption: '小图' }] };
    const r = makeUp(request, { fonts });
    for (const alt of r.alternatives) expect(alt.blocks.find((b) => b.kind === 'image')).toMatchObject({ span: 1 });
    expect(r.notes.some((n) => n.imageId === 'small' && /ppi/.test(n.en))).toBe(true);
  });

  it('cuts 可删 paragraphs (the last first) from an article too long for the page only when allowed, and says which', () => {
    const base = emptyDocument('tabloid');
    const long = article('long', '');
    // Twenty paragraphs, the last sixteen marked 可删: whole, it is longer than the page.
    const paras = Array.from({ length: 20 }, (_, i) => `第${i + 1}段。${para.repeat(3)}`);
    long.body = { ...docFromParagraphs(paras), content: docFromParagraphs(paras).content.map((p, i) => (i >= 4 ? { ...p, attrs: { cuttable: true } } : p)) };
    const doc = { ...base, articles: [long] };
    const whole = makeUp({ document: doc }, { fonts });
    expect(whole.alternatives[0].heldOver.map((h) => h.articleId)).toEqual(['long']);
    const cut = makeUp({ document: doc, options: { allowCut: true } }, { fonts });
    const alt = cut.alternatives[0];
    expect(alt.heldOver).toEqual([]);
    const text = plainText(alt.document.articles[0].body);
    expect(text).toContain('第1段');
    expect(text).toContain('第4段');
    expect(text).not.toContain('第20段');
    const move = alt.moves.find((m) => m.articleId === 'long')!;
    expect(move.zh).toMatch(/删去可删段落 \d+ 段（“第\d+段/);
    expect(move.zh).toContain('“第20段');
    expect(move.zh).not.toContain('“第4段');
    expect(move.en).toMatch(/cuttable paragraphs cut/);
    checkPage(alt.document, { document: doc }, []);
  });

  it('measures a module at least as deep as its titles and pictures, however little text runs beside them', () => {
    const doc = { ...emptyDocument('tabloid'), articles: [article('short', para.slice(0, 60))], images: [photo('tall', 2000, 2600)] };
    const measurer = new Measurer(doc.page, { fonts }, new Map(doc.images.map((i) => [i.id, i])), [0]);
    const picture = { imageId: 'tall', caption: '图为现场', span: 3, rows: 30, min: 25, max: 35, deepest: 35 };
    const m = measurer.measure(doc.articles[0], { span: 5, headlineSize: 28, padRows: 0, pictures: [picture] });
    expect(m).not.toBeNull();
    expect(m!.rows).toBeGreaterThanOrEqual(m!.titleRows + 30);
  });

  it('sets a picture as wide as a stepped module\'s body at the body\'s foot: the story opens under its headline, the step beside the titles after it (field test 15)', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('s', para.repeat(6))], images: [photo('sq', 1500, 1500)] };
    const measurer = new Measurer(doc.page, { fonts }, new Map(doc.images.map((i) => [i.id, i])), [0]);
    const picture = { imageId: 'sq', caption: '图为现场', span: 3, rows: 20, min: 15, max: 25, deepest: 25 };
    const stepped = { span: 3, titleSpan: 6, stepRows: 3, headlineSize: 20, padRows: 0, pictures: [picture] };
    const m = measurer.measure(doc.articles[0], stepped)!;
    const { article: block, pictures } = measurer.blocks(doc.articles[0], stepped, m, 0, 10);
    expect(pictures[0].row + pictures[0].rows).toBe(10 + m.rows);
    // laid out, the story's first line is right under its titles in the first column, and nothing is overset
    const placed = { ...doc, blocks: [block!, ...pictures], articles: [measurer.variant(doc.articles[0], stepped, m.tracking)] };
    const pl = layout(placed, { fonts });
    expect(pl.overset).toEqual([]);
    const body = pl.items.filter((i) => i.kind === 'glyphs' && i.source?.field === 'body');
    const first = body.reduce((a, b) => (a.kind === 'glyphs' && b.kind === 'glyphs' && b.y < a.y ? b : a));
    if (first.kind !== 'glyphs') throw new Error('no body text');
    const geo = gridGeometry(doc.page);
    expect(first.xs[0]).toBeLessThan(geo.left + geo.colWidth);
    expect(first.y).toBeLessThan(geo.top + (10 + m.titleRows + 2) * geo.pitch);
  });

  it('measures each shape of a day set at the least depth the real layout sets it in without overset', () => {
    const request = dayRequest('broadsheet-fits');
    const doc = request.document;
    const measurer = new Measurer(doc.page, { fonts }, new Map(), [0, 0.03]);
    // white space over the titles and 拉行/缩行 too, where the depth estimated from one column is often a line or more off
    const levers = [{ padRows: 0 }, { padRows: 2, lineShift: 7 }, { padRows: 0, lineShift: -3 }];
    for (const a of doc.articles.slice(0, 4)) {
      const shapes = shapesFor(a, 1, measurer.geo, doc.page, [], new Map()).filter((s) => s.pictures.length === 0);
      for (const spec of shapes.flatMap((s) => levers.map((l) => ({ ...s, ...l })))) {
        for (const tracking of [0, 0.03]) {
          const m = measurer.measure(a, spec, tracking)!;
          // the same article as the page sets it, checked by the plain layout at the depth found and one line less
          const set = measurer.variant(a, spec, tracking);
          const fits = (rows: number) => layout({ ...doc, articles: [set], images: [], blocks: [{ id: 'b', kind: 'article', articleId: a.id, col: 0, span: spec.span, row: 0, rows, headlineSpan: spec.span }] }, { fonts }).overset.length === 0;
          expect(fits(m.rows), `${a.id} ${spec.span} columns at ${tracking}`).toBe(true);
          expect(fits(m.rows - 1), `${a.id} ${spec.span} columns at ${tracking}: one line less`).toBe(false);
        }
      }
    }
  });

  it('a picture still to come (a placeholder, 如图) is framed 4:3, a little flatter or deeper as the page needs, and at most half the page wide', () => {
    const page = emptyDocument('broadsheet').page;
    const geo = new Measurer(page, { fonts }, new Map(), [0]).geo;
    const placeholder = { ...samplePage().images[0], id: 'ph', pixelWidth: 0, pixelHeight: 0 };
    // Photos big enough to print sharp at any depth here, of the shapes the placeholder's frame may take.
    const shaped = (w: number, h: number) => pictureFrame(geo, page, { ...placeholder, pixelWidth: w * 10, pixelHeight: h * 10 }, 4, '').rows;
    const frame = pictureFrame(geo, page, placeholder, 4, '');
    expect(frame.rows).toBe(shaped(1200, 900));
    expect(frame.min).toBe(shaped(1000, 600));
    expect(frame.max).toBe(shaped(1000, 900));
    // a short page is not filled with an empty frame: half the 对开 page wide at most, as a photo as wide as it prints sharp
    expect(widestPrintable(geo, placeholder)).toBe(4);
    expect(widestPrintable(geo, { ...placeholder, pixelWidth: 30000, pixelHeight: 20000 })).toBe(8);
  });

  it('撑满 deepens a lead whose titles overhang the module under it, its half-width picture taking the blank and its titles kept', () => {
    const base = emptyDocument('broadsheet');
    const picture = { ...samplePage().images[0], id: 'p', pixelWidth: 1200, pixelHeight: 1600 };
    const paragraphs = (n: number) => docFromParagraphs(Array.from({ length: n }, (_, i) => para.slice(0, 60 + i * 7)));
    const lead = { ...article('lead', ''), body: paragraphs(14) };
    // under it a story with no headline (no title white space to add), more blank under it than its own levers close
    const next = { ...article('next', '', ''), body: paragraphs(10) };
    const measurer = new Measurer(base.page, { fonts }, new Map([[picture.id, picture]]), [0]);
    const frame = pictureFrame(measurer.geo, base.page, picture, 2, '图为现场');
    const leadSpec = { span: 4, titleSpan: 8, headlineSize: 36, padRows: 0, pictures: [{ imageId: 'p', caption: '图为现场', span: 2, ...frame, rows: frame.min, deepest: frame.max }] };
    const nextSpec = { span: 4, headlineSize: 0, padRows: 0, pictures: [] };
    const lm = measurer.measure(lead, leadSpec)!;
    const nm = measurer.measure(next, nextSpec)!;
    const gap = 10;
    const placed = [
      { rank: 0, spec: leadSpec, m: lm, col: 0, row: 0, stretch: 0 },
      { rank: 1, spec: nextSpec, m: nm, col: 0, row: lm.rows, stretch: gap },
    ];
    const [l2, n2] = justify(measurer, [lead, next], { placed, closed: [] }).placed;
    expect(n2.stretch).toBe(0);
    expect(l2.m.rows).toBeGreaterThan(lm.rows);
    expect(l2.m.titleRows).toBe(lm.titleRows);
    expect(l2.spec.pictures[0].rows).toBeGreaterThan(frame.min);
    expect(n2.row).toBe(l2.m.rows);
    expect(n2.row + n2.m.rows).toBe(lm.rows + nm.rows + gap);
  });

  /**
   * A stepped story (its body in two columns, its titles over four, a few lines of its text under them in the other two)
   * and stories with no headline and paragraphs of one line each, to stand under its step: no lever of their own deepens them.
   */
  const stepScene = (ids: string[]) => {
    const measurer = new Measurer(emptyDocument('broadsheet').page, { fonts }, new Map(), [0]);
    const stepped = { ...article('stepped', ''), body: docFromParagraphs(Array.from({ length: 18 }, (_, i) => para.slice(0, 40 + i * 11))) };
    const shorts = ids.map((id) => ({ ...article(id, '', ''), body: docFromParagraphs(Array.from({ length: 6 }, () => '本报讯短讯一行。')) }));
    const sSpec = { span: 2, titleSpan: 4, stepRows: 3, headlineSize: 26, padRows: 0, pictures: [] };
    const uSpec = { span: 2, headlineSize: 0, padRows: 0, pictures: [] };
    const sm = measurer.measure(stepped, sSpec)!;
    const um = measurer.measure(shorts[0], uSpec)!;
    return { measurer, stepped, shorts, sSpec, uSpec, sm, um, top: sm.titleRows + 3 };
  };

  it('撑满 moves a module standing in a stepped module\'s step down over the blank at its foot, the step made as much deeper', () => {
    const { measurer, stepped, shorts: [under], sSpec, uSpec, sm, um, top } = stepScene(['under']);
    const gap = 2;
    const placed = [
      { rank: 0, spec: sSpec, m: sm, col: 0, row: 0, stretch: 0 },
      { rank: 1, spec: uSpec, m: um, col: 2, row: top, stretch: gap },
    ];
    const [s2, u2] = justify(measurer, [stepped, under], { placed, closed: [] }).placed;
    expect(u2.stretch).toBe(0);
    expect(u2.row).toBe(top + gap);
    expect(s2.spec.stepRows).toBe(3 + gap);
    // the stepped story keeps its depth and titles; the page's foot in those columns is where it was
    expect([s2.m.rows, s2.m.titleRows]).toEqual([sm.rows, sm.titleRows]);
    expect(u2.row + u2.m.rows).toBe(top + um.rows + gap);
  });

  it('撑满 moves a stack of two modules standing in a stepped module\'s step down over the blank at the lower one\'s foot (field 53 P1 对开: a 新语 under a sidebar beside the lead)', () => {
    const { measurer, stepped, shorts: [upper, lower], sSpec, uSpec, sm, um, top } = stepScene(['upper', 'lower']);
    const gap = 2;
    const placed = [
      { rank: 0, spec: sSpec, m: sm, col: 0, row: 0, stretch: 0 },
      { rank: 1, spec: uSpec, m: um, col: 2, row: top, stretch: 0 },
      { rank: 2, spec: uSpec, m: um, col: 2, row: top + um.rows, stretch: gap },
    ];
    const [s2, u2, l2] = justify(measurer, [stepped, upper, lower], { placed, closed: [] }).placed;
    expect(l2.stretch).toBe(0);
    expect([u2.row, l2.row]).toEqual([top + gap, top + um.rows + gap]);
    expect(s2.spec.stepRows).toBe(3 + gap);
    expect([s2.m.rows, s2.m.titleRows]).toEqual([sm.rows, sm.titleRows]);
  });

  it('撑满 deepens a stepped module\'s body over a blank run closed under it, its titles and step kept', () => {
    const base = emptyDocument('broadsheet');
    const stepped = { ...article('stepped', ''), body: docFromParagraphs(Array.from({ length: 18 }, (_, i) => para.slice(0, 40 + i * 11))) };
    const measurer = new Measurer(base.page, { fonts }, new Map(), [0]);
    const spec = { span: 2, titleSpan: 4, stepRows: 3, headlineSize: 26, padRows: 0, pictures: [] };
    const m = measurer.measure(stepped, spec)!;
    // the run under its body, two lines deep (the step's columns have a module of their own under them)
    const closed = [{ col: 0, span: 2, row: m.rows, rows: 2 }];
    const out = justify(measurer, [stepped], { placed: [{ rank: 0, spec, m, col: 0, row: 0, stretch: 0 }], closed });
    expect(out.closed).toEqual([]);
    expect(out.placed[0].m.rows).toBe(m.rows + 2);
    expect([out.placed[0].m.titleRows, out.placed[0].spec.stepRows]).toEqual([m.titleRows, 3]);
  });

  it('deepens a module that already has title white space from there on (撑满 after the search), with 拉行', () => {
    // Twelve paragraphs of differing length, so that some can take one more line.
    const paras = Array.from({ length: 12 }, (_, i) => para.slice(0, 70 + i * 9));
    const a = { ...article('padded', ''), body: docFromParagraphs(paras) };
    const doc = { ...emptyDocument('tabloid'), articles: [a] };
    // No tracking lever: only white space and 拉行 can make the module deeper.
    const measurer = new Measurer(doc.page, { fonts }, new Map(), [0]);
    const spec = { span: 2, headlineSize: 22, padRows: 3, pictures: [] };
    const natural = measurer.measure(a, spec)!;
    const grown = grow({ measurer }, a, spec, natural, natural.rows + 1, { shiftMax: 16 });
    expect(grown?.m.rows).toBe(natural.rows + 1);
    expect(grown!.spec.padRows).toBe(3);
    expect(grown!.spec.lineShift).toBeGreaterThan(0);
    // The same text in the real layout: nothing overset at that depth, and the module's columns full.
    const set = measurer.variant(a, grown!.spec, 0);
    const block = { id: 'b', kind: 'article' as const, articleId: a.id, col: 0, span: 2, row: 0, rows: grown!.m.rows };
    const pl = layout({ ...doc, articles: [set], blocks: [block] }, { fonts });
    expect(pl.overset).toEqual([]);
    expect(pl.frames[0].emptyLines).toBeLessThanOrEqual(1);
  });

  it('spreads a headline of two lines by half a line at most to deepen its module: a one-line headline takes the white space around it', () => {
    const doc = emptyDocument('tabloid');
    // No tracking lever, no 拉行: only white space in the title area can make the module deeper.
    const measurer = new Measurer(doc.page, { fonts }, new Map(), [0]);
    const two = article('two', para, '老旧小区加装电梯惠及千家万户居民');
    const one = article('one', para, '加装电梯');
    const spec = { span: 2, headlineSize: 22, padRows: 0, pictures: [] };
    expect(measurer.titles(two, 2, 22, 0).headlineLines).toBe(2);
    expect(measurer.titles(one, 2, 22, 0).headlineLines).toBe(1);
    const deeper = (a: typeof one, by: number) => grow({ measurer }, a, spec, measurer.measure(a, spec)!, measurer.measure(a, spec)!.rows + by, { shiftMax: 0 });
    expect(deeper(two, 1)?.spec.padRows).toBe(1);
    expect(deeper(two, 2)).toBeUndefined();
    expect(deeper(one, 3)?.spec.padRows).toBe(3);
    // in the real layout: the two headline lines stand at most one line pitch and a half apart
    const set = measurer.variant(two, deeper(two, 1)!.spec, 0);
    const pl = layout({ ...doc, articles: [set], blocks: [{ id: 'b', kind: 'article' as const, articleId: 'two', col: 0, span: 2, row: 0, rows: 40 }] }, { fonts });
    const ys = [...new Set(pl.items.filter((i) => i.kind === 'glyphs' && i.source?.field === 'headline').map((i) => (i.kind === 'glyphs' ? i.y : 0)))].sort((x, y) => x - y);
    expect(ys).toHaveLength(2);
    const leading = (doc.page.styles.headline.lineHeight / doc.page.styles.headline.size) * 22;
    expect(ys[1] - ys[0]).toBeCloseTo(leading + measurer.geo.pitch / 2, 1);
  });

  it('a 竖题 column meets the titles of the module at its right (撞题), not those of the one at its left, beside its text (review)', () => {
    const at = (col: number, row: number, titleRows: number, vertical = false) => ({ rank: 0, spec: { span: 2, headlineSize: 16, padRows: 0, pictures: [], ...(vertical ? { vertical: true } : {}) }, m: { rows: 20, tracking: 0, titleRows, emptyLines: 0, ...(vertical ? { uprightRows: 8 } : {}) }, col, row, stretch: 0 });
    const upright = at(2, 10, 0, true);
    expect(sideBySide(upright, at(4, 12, 3))).toBe(true);
    expect(sideBySide(at(4, 12, 3), upright)).toBe(true);
    expect(sideBySide(upright, at(4, 18, 3))).toBe(false);
    expect(sideBySide(upright, at(0, 10, 3))).toBe(false);
  });

  it('撞题 compares the titles\' type, not their white space: a padded title area\'s white over and under its headline meets a neighbour\'s titles (field test 35 N2 四开: a 6-line hole its padding was refused for)', () => {
    const doc = emptyDocument('tabloid');
    const measurer = new Measurer(doc.page, { fonts }, new Map(), [0]);
    const one = article('one', para, '加装电梯');
    const spec = { span: 2, headlineSize: 22, padRows: 4, pictures: [] };
    const m = measurer.measure(one, spec)!;
    expect([m.whiteTop, m.whiteFoot]).toEqual([2, 2]);
    // a kicker over the headline keeps the top, a deck under it the foot: type there
    expect(measurer.measure({ ...one, id: 'kicked', kicker: '城市更新' }, spec)).toMatchObject({ whiteTop: 0, whiteFoot: 2 });
    expect(measurer.measure({ ...one, id: 'decked', deck: '——两千户居民受益' }, spec)).toMatchObject({ whiteTop: 2, whiteFoot: 0 });
    // in the real layout no type stands in that white: the headline's em box (its baseline y, as much as a size over it, a fifth under) starts under the top's lines and ends over the foot's
    const pl = layout({ ...doc, articles: [measurer.variant(one, spec, 0)], blocks: [{ id: 'b', kind: 'article' as const, articleId: 'one', col: 0, span: 2, row: 0, rows: m.rows }] }, { fonts });
    const head = pl.items.flatMap((i) => (i.kind === 'glyphs' && i.source?.field === 'headline' ? [i] : []));
    const top = pl.frames[0].y;
    const pitch = measurer.geo.pitch;
    expect(Math.min(...head.map((g) => g.y - g.size)) - top).toBeGreaterThanOrEqual(2 * pitch - 0.5);
    expect(top + m.titleRows * pitch - Math.max(...head.map((g) => g.y + 0.2 * g.size))).toBeGreaterThanOrEqual(2 * pitch - 0.5);
    // beside a neighbour whose titles start in the padded area's last two lines: no 撞题; in its type's lines: 撞题
    const padded = { rank: 0, spec, m, col: 0, row: 0, stretch: 0 };
    const neighbour = (row: number) => ({ rank: 1, spec: { span: 2, headlineSize: 16, padRows: 0, pictures: [] }, m: { rows: 20, tracking: 0, titleRows: 3, emptyLines: 0 }, col: 2, row, stretch: 0 });
    expect(sideBySide(padded, neighbour(m.titleRows - 2))).toBe(false);
    expect(sideBySide(padded, neighbour(m.titleRows - 3))).toBe(true);
    expect(sideBySide({ ...padded, m: { ...m, whiteTop: 0, whiteFoot: 0 } }, neighbour(m.titleRows - 2))).toBe(true);
  });

  it('deepens a picture past its story\'s share of the page only for a page left with blank (pastShare), as far as cropping allows, the module as deep as asked', () => {
    const shot = photo('wide', 3000, 2000);
    const doc = { ...emptyDocument('tabloid'), articles: [article('pic', para, '')], images: [shot] };
    // No tracking lever, no 拉行, no headline (no title white space): only the picture can make the module deeper.
    const measurer = new Measurer(doc.page, { fonts }, new Map([[shot.id, shot]]), [0]);
    const frame = pictureFrame(measurer.geo, doc.page, shot, 2, '图为现场');
    expect(frame.max - frame.rows).toBeGreaterThanOrEqual(3);
    // the story's share caps the picture at its natural depth (as `stack` does for a short story): max = rows
    const spec = { span: 2, headlineSize: 0, padRows: 0, pictures: [{ imageId: 'wide', caption: '图为现场', span: 2, rows: frame.rows, min: frame.min, max: frame.rows, deepest: frame.max }] };
    const a = doc.articles[0];
    const natural = measurer.measure(a, spec)!;
    expect(grow({ measurer }, a, spec, natural, natural.rows + 3, { shiftMax: 0, narrowPictures: true })).toBeUndefined();
    const grown = grow({ measurer }, a, spec, natural, natural.rows + 3, { shiftMax: 0, narrowPictures: true, pastShare: true })!;
    expect(grown.m.rows).toBe(natural.rows + 3);
    expect(grown.spec.pictures[0].rows).toBeGreaterThan(frame.rows);
    expect(grown.spec.pictures[0].rows).toBeLessThanOrEqual(frame.max);
    // the real layout at that depth: nothing overset, the picture as deep as grown
    const { article: block, pictures } = measurer.blocks(measurer.variant(a, grown.spec, 0), grown.spec, grown.m, 0, 0);
    const pl = layout({ ...doc, articles: [measurer.variant(a, grown.spec, 0)], blocks: [...pictures, block!] }, { fonts });
    expect(pl.overset).toEqual([]);
    expect(pictures[0].rows).toBe(grown.spec.pictures[0].rows);
  });

  it('sets a story a line or two shorter with 缩行 to fit the room left, instead of holding it over', () => {
    const base = emptyDocument('tabloid');
    const paras = Array.from({ length: 14 }, (_, i) => para.slice(0, 50 + i * 11));
    const a = { ...article('a', ''), body: docFromParagraphs(paras) };
    const measurer = new Measurer(base.page, { fonts }, new Map(), [0, -0.03, 0.03]);
    const spec = shapesFor(a, 0, measurer.geo, base.page, [], new Map()).find((x) => x.span === 3)!;
    const natural = measurer.measure(a, spec)!;
    // the room: three columns, one line shallower than the story needs
    const geo = measurer.geo;
    const blocks = [
      { id: 'side', kind: 'box' as const, col: 3, span: geo.columns - 3, row: 0, rows: geo.rows, locked: true },
      { id: 'foot', kind: 'box' as const, col: 0, span: 3, row: natural.rows - 1, rows: geo.rows, locked: true },
    ];
    const r = makeUp({ document: { ...base, articles: [a], blocks } }, { fonts });
    const alt = r.alternatives[0];
    expect(alt.heldOver).toEqual([]);
    expect(alt.moves[0].zh).toMatch(/缩行 \d+ 段/);
    const pl = layout(alt.document, { fonts });
    expect(pl.overset).toEqual([]);
    expect(plainText(alt.document.articles[0].body)).toBe(plainText(a.body));
  });

  it('crops a picture\'s top and bottom to fit a room a line or two short, and says so in its move (裁去上下, with the natural depth)', () => {
    const base = emptyDocument('tabloid');
    const photo = { ...samplePage().images[0], id: 'ph', pixelWidth: 3000, pixelHeight: 2250 };
    // (a story longer than a brief: a lead of a brief's length takes another headline size)
    const a = { ...article('a', para.repeat(3)) };
    const images = new Map([[photo.id, photo]]);
    const links = [{ imageId: 'ph', articleId: 'a', caption: '' }];
    const measurer = new Measurer(base.page, { fonts }, images, [0]);
    const spec = shapesFor(a, 0, measurer.geo, base.page, links, images).find((x) => x.span === 3 && x.pictures.length === 1 && x.pictures[0].span === 3)!;
    const natural = measurer.measure(a, spec)!;
    const geo = measurer.geo;
    // the room: three columns, two lines shallower than the story with its picture at its natural depth
    const blocks = [
      { id: 'side', kind: 'box' as const, col: 3, span: geo.columns - 3, row: 0, rows: geo.rows, locked: true },
      { id: 'foot', kind: 'box' as const, col: 0, span: 3, row: natural.rows - 2, rows: geo.rows, locked: true },
    ];
    const r = makeUp({ document: { ...base, articles: [a], images: [photo], blocks }, pictures: links, options: { alternatives: 1 } }, { fonts });
    const alt = r.alternatives[0];
    const frame = alt.blocks.find((x): x is ImageBlock => x.kind === 'image')!;
    expect(frame.rows).toBeLessThan(spec.pictures[0].rows);
    expect(alt.moves[0].zh).toContain(`图片 ${frame.span} 栏 × ${frame.rows} 行，裁去上下（原 ${pictureFrame(geo, base.page, photo, frame.span, '').rows} 行）`);
    expect(layout(alt.document, { fonts }).overset).toEqual([]);
  });

  it('counts two stories\' pictures side by side, level over more than half their depth, as 撞图; a column between, or one lower down, not', () => {
    const geo = gridGeometry(emptyDocument('broadsheet').page);
    const pic = (span: number) => ({ imageId: 'p', caption: '', span, rows: 12, min: 8, max: 16, deepest: 16 });
    // a story with its picture at its right edge (columns 2–3, rows 4–15, under its titles); a module with no titles and a
    // picture as wide as itself at its top (columns 4–5 or 5–6), so that no headline stands beside the first's (撞题)
    const left = { rank: 0, spec: { span: 4, headlineSize: 36, padRows: 0, pictures: [pic(2)] }, m: { rows: 40, tracking: 0, titleRows: 4, emptyLines: 0 }, col: 0, row: 0, stretch: 0 };
    const right = (col: number, row: number) => ({ rank: 1, spec: { span: 2, headlineSize: 0, padRows: 0, pictures: [pic(2)] }, m: { rows: 40, tracking: 0, titleRows: 0, emptyLines: 0 }, col, row, stretch: 0 });
    const score = (b: ReturnType<typeof right>) => scorer(geo, [], [article('a', para), article('b', para)], 2)({ placed: [left, b], closed: [] });
    expect(score(right(4, 4)).zh).toContain('撞图 1 处');
    expect(score(right(4, 4)).en).toContain('1 pair of pictures side by side');
    expect(score(right(4, 4)).picturesMeet).toBe(1);
    // a column between them, or the one picture lower by half its depth or more (level over 5 lines of 12; over 7, 撞图)
    expect(score(right(5, 4)).zh).not.toContain('撞图');
    expect(score(right(4, 11)).zh).not.toContain('撞图');
    expect(score(right(4, 9)).zh).toContain('撞图');
  });

  it('counts a story\'s titles right under another\'s overhanging titles as stacked headlines (叠题), not under its body', () => {
    const geo = gridGeometry(emptyDocument('broadsheet').page);
    const m = (rows: number, titleRows: number) => ({ rows, tracking: 0, titleRows, emptyLines: 0 });
    const wide = { rank: 0, spec: { span: 4, titleSpan: 8, headlineSize: 36, padRows: 0, pictures: [] }, m: m(60, 5), col: 0, row: 0, stretch: 0 };
    const under = (col: number, row: number) => ({ rank: 1, spec: { span: 4, headlineSize: 26, padRows: 0, pictures: [] }, m: m(40, 4), col, row, stretch: 0 });
    const score = (b: ReturnType<typeof under>) => scorer(geo, [], [article('a', para), article('b', para)], 0)({ placed: [wide, b], closed: [] });
    expect(score(under(4, 5)).zh).toContain('撞题或叠题 1 处');
    expect(score(under(4, 5)).en).toContain('1 headlines side by side or stacked');
    // under the lead's own body columns, or lower down: no clash
    expect(score(under(0, 60)).zh).not.toContain('叠题');
    expect(score(under(4, 20)).zh).not.toContain('叠题');
  });

  it('counts blank columns above and below a headline that overhangs them as one hole (an empty strip with a headline across it)', () => {
    const geo = gridGeometry(emptyDocument('broadsheet').page);
    const m = (rows: number, titleRows: number) => ({ rows, tracking: 0, titleRows, emptyLines: 0 });
    // a story in columns 0–3 at the top; under it one whose titles run over all 8 columns, its body in 0–3 down to row 40; a locked block below
    const placed = [
      { rank: 0, spec: { span: 4, headlineSize: 36, padRows: 0, pictures: [] }, m: m(10, 3), col: 0, row: 0, stretch: 0 },
      { rank: 1, spec: { span: 4, titleSpan: 8, headlineSize: 26, padRows: 0, pictures: [] }, m: m(30, 4), col: 0, row: 10, stretch: 0 },
    ];
    const obstacles = [{ col: 0, span: 8, row: 40, rows: geo.rows - 40 }];
    const score = scorer(geo, obstacles, [article('a', para), article('b', para)], 0)({ placed, closed: [] });
    // columns 4–7: rows 0–10 over the titles (40) and rows 14–40 under them (104), by hand
    expect(score.largestHole).toBe(144);
    expect(score.blank).toBe(144);
  });

  it('ends a module the levers cannot deepen to its room where its text ends, its columns even, the lines left blank under it', () => {
    const base = emptyDocument('tabloid');
    // no headline (no title white space to add), no tracking lever: only 拉行, which cannot take six lines
    const a = { ...article('a', '', ''), body: docFromParagraphs(Array.from({ length: 6 }, (_, i) => para.slice(0, 50 + i * 11))) };
    const measurer = new Measurer(base.page, { fonts }, new Map(), [0]);
    const geo = measurer.geo;
    const natural = measurer.measure(a, { span: 3, headlineSize: 0, padRows: 0, pictures: [] })!;
    const room = natural.rows + 6;
    const blocks = [
      { id: 'side', kind: 'box' as const, col: 3, span: geo.columns - 3, row: 0, rows: geo.rows, locked: true },
      { id: 'foot', kind: 'box' as const, col: 0, span: 3, row: room, rows: geo.rows - room, locked: true },
    ];
    const alt = makeUp({ document: { ...base, articles: [a], blocks }, options: { trackingRange: 0 } }, { fonts }).alternatives[0];
    const block = alt.blocks.find((b): b is ArticleBlock => b.kind === 'article')!;
    const pl = layout(alt.document, { fonts });
    expect(pl.overset).toEqual([]);
    // no empty column in the module: its last column ends within a line of the others
    expect(pl.frames.find((f) => f.blockId === block.id)!.emptyLines).toBeLessThan(block.span);
    expect(block.row + block.rows).toBeLessThan(room);
    expect(alt.moves[0].zh).toMatch(/其下空 \d+ 行/);
  });

  it('says which story has no headline (on the page it would read as part of its neighbour)', () => {
    const doc = { ...emptyDocument('tabloid'), articles: [article('a', para), article('b', '天文学的观察和研究告诉我们' + para, '')] };
    const r = makeUp({ document: doc }, { fonts });
    const note = r.notes.find((n) => n.articleId === 'b');
    expect(note?.zh).toBe('稿件“天文学的观察和研究告诉我…”没有标题，上版后会被读作相邻稿件的一部分，请补标题');
    expect(note?.en).toContain('has no headline');
    expect(r.notes.some((n) => n.articleId === 'a')).toBe(false);
  });

  it('sets no headline over fewer than three lines of its text, nor a story wider than its legs are deep: briefs are never strips', () => {
    // a long lead and ten briefs of 130–240 characters (the field test's day that ended with three 8-column briefs two lines deep)
    const day = dayRequest('broadsheet-overflow').document;
    const paragraphs = day.articles.flatMap((a) => plainText(a.body).split('\n')).filter((p) => p.trim());
    const long = paragraphs.filter((p) => p.length > 250);
    const lead = { ...day.articles[0], id: 'lead', body: docFromParagraphs(paragraphs.filter((p) => p.length <= 250).slice(0, 38)) };
    const briefs = Array.from({ length: 10 }, (_, i) => ({ ...day.articles[(i + 1) % day.articles.length], id: `b${i}`, kicker: '', deck: '', body: docFromParagraphs([long[i].slice(0, 130 + 8 * i)]) }));
    const alt = makeUp({ document: { ...emptyDocument('broadsheet'), articles: [lead, ...briefs] } }, { fonts }).alternatives[0];
    const items = layout(alt.document, { fonts }).items;
    const placed = alt.blocks.flatMap((b) => (b.kind === 'article' ? [b] : []));
    expect(placed.length).toBeGreaterThanOrEqual(8);
    for (const { articleId: id, span } of placed) {
      // the columns of a module share the grid's baselines: its body's distinct baselines are the lines under its headline
      const lines = new Set(items.flatMap((i) => (i.kind === 'glyphs' && i.source?.owner === id && i.source.field === 'body' ? [i.y] : []))).size;
      // (the field test's briefs as 6- and 8-column bands 4 to 9 lines deep read as strips: a module is at least as deep as it is wide)
      expect(lines, id).toBeGreaterThanOrEqual(Math.max(3, span));
    }
  });

  it('says when a headline runs over three lines in every shape it could take (a 180-character headline)', () => {
    // (a 60-character one goes within three lines across the page: see "sets no headline in more than three lines")
    const long = '全市上下深入学习贯彻全会精神奋力谱写中国式现代化建设新篇章各区县各部门迅速行动掀起学习热潮推动各项工作落地见效取得实效'.repeat(3);
    const day = dayRequest('tabloid-fits');
    const articles = day.document.articles.map((a, i) => (i === 1 ? { ...a, headline: long } : a));
    const r = makeUp({ ...day, document: { ...day.document, articles } }, { fonts });
    const alt = r.alternatives[0];
    // the headline's lines counted in the real layout of the page made up (one glyph line per distinct y)
    const linesOf = (id: string) => new Set(layout(alt.document, { fonts }).items.filter((i) => i.kind === 'glyphs' && i.source?.owner === id && i.source.field === 'headline').map((i) => (i.kind === 'glyphs' ? i.y : 0))).size;
    const lines = linesOf(articles[1].id);
    expect(lines).toBeGreaterThan(3);
    const note = r.notes.find((n) => n.articleId === articles[1].id);
    expect(note?.zh).toBe(`“${long}”的标题 ${[...long].length} 字，排成 ${lines} 行，偏长，请精简`);
    expect(note?.en).toContain(`is set in ${lines} lines: too long`);
    // the other placed stories' headlines are within three lines, and no note names them
    for (const b of alt.blocks) if (b.kind === 'article' && b.articleId !== articles[1].id) expect(linesOf(b.articleId)).toBeLessThanOrEqual(3);
    expect(r.notes.filter((n) => n.articleId !== undefined).map((n) => n.articleId)).toEqual([articles[1].id]);
  });

  it('crops a picture deeper than its story\'s text (a portrait beside two columns) so that the text fills the module: its last column ends within the hole limit', () => {
    const base = emptyDocument('tabloid');
    // (a locked column at the right: the lead is set four columns wide, its picture two of them)
    const blocks = [{ id: 'side', kind: 'box' as const, col: 4, span: 1, row: 0, rows: gridGeometry(base.page).rows, locked: true }];
    const doc = { ...base, articles: [article('a', para.repeat(3), '全市一季度经济运行开局良好'), article('b', para.repeat(12), '老旧小区改造惠及两万户')], images: [photo('ph', 2400, 3000)], blocks };
    const alt = makeUp({ document: doc, pictures: [{ imageId: 'ph', articleId: 'a', caption: '图为现场。' }], options: { alternatives: 1 } }, { fonts }).alternatives[0];
    const lead = alt.blocks.find((b): b is ArticleBlock => b.kind === 'article' && b.articleId === 'a')!;
    const frame = alt.blocks.find((b): b is ImageBlock => b.kind === 'image')!;
    const natural = pictureFrame(gridGeometry(base.page), base.page, doc.images[0], frame.span, '图为现场。');
    // (uncropped, the portrait ran 15 lines deeper than the text beside it)
    expect(layout(alt.document, { fonts }).frames.find((f) => f.blockId === lead.id)!.emptyLines).toBeLessThanOrEqual(3);
    expect(frame.rows).toBeLessThan(natural.rows);
    expect(frame.rows).toBeGreaterThanOrEqual(natural.min);
    expect(alt.heldOver).toEqual([]);
  });

  it('says in its moves how far a picture\'s frame crops it (deeper: enlarged, sides cropped; shallower: top and bottom)', () => {
    let cropped = 0;
    for (const request of (['broadsheet-overflow', 'broadsheet-fits', 'tabloid', 'tabloid-fits'] as const).map(dayRequest)) for (const alt of makeUp(request, { fonts }).alternatives) {
      const geo = gridGeometry(request.document.page);
      for (const b of alt.blocks.filter((x): x is ImageBlock => x.kind === 'image' && x.articleId !== undefined)) {
        const asset = request.document.images.find((i) => i.id === b.imageId);
        const natural = pictureFrame(geo, request.document.page, asset, b.span, b.caption ?? '').rows;
        const move = alt.moves.find((m) => m.articleId === b.articleId)!;
        const said = `图片 ${b.span} 栏 × ${b.rows} 行`;
        expect(move.zh).toContain(said);
        if (b.rows > natural) expect(move.zh).toContain(`${said}，放大裁去左右（原 ${natural} 行）`);
        else if (b.rows < natural) expect(move.zh).toContain(`${said}，裁去上下（原 ${natural} 行）`);
        else expect(move.zh).not.toContain(`${said}，`.replace(/，$/, '，裁'));
        if (b.rows !== natural) cropped++;
      }
    }
    // these day sets have a cropped frame among their pages (since stepped modules, enlarged ones; since a 四开 通栏 lead's
    // headline may be set bigger, the 四开 pages fill with it rather than with a deeper picture: one is left)
    expect(cropped).toBeGreaterThanOrEqual(1);
  });

  it('says when the copy is too short to fill the page, and about how much more would fill it', () => {
    const doc = { ...emptyDocument('broadsheet'), articles: [article('a', para.repeat(3)), article('b', para)] };
    const r = makeUp({ document: doc }, { fonts });
    const note = r.notes.find((n) => /补稿/.test(n.zh));
    expect(note?.en).toMatch(/Not enough copy to fill the page: about \d+ column-lines blank; about \d+ more characters/);
    const chars = Number(/约需补稿 (\d+) 字/.exec(note!.zh)![1]);
    // The page holds about 8 columns × 117 lines × 13 characters; this copy is a tenth of it.
    expect(chars).toBeGreaterThan(8000);
    expect(chars).toBeLessThan(13000);
  });

  it('keeps the pictures of a locked story where they are, and counts their room once', () => {
    const first = makeUp(dayRequest('broadsheet-fits'), { fonts }).alternatives[0];
    const lead = first.document.blocks.find((b) => b.kind === 'article' && b.articleId === 'a1')!;
    const picture = first.document.blocks.find((b) => b.kind === 'image' && b.articleId === 'a1')!;
    // The lead locked; its picture too, as a 组版 may (the picture lies inside the lead's block).
    for (const lockPicture of [false, true]) {
      const blocks = first.document.blocks.map((b) => (b === lead || (lockPicture && b === picture) ? { ...b, locked: true } : b));
      const request = { ...dayRequest('broadsheet-fits'), document: { ...first.document, blocks } };
      const r = makeUp(request, { fonts });
      const alt = r.alternatives[0];
      expect(alt.blocks.filter((b) => b.kind === 'image' && b.articleId === 'a1').map((b) => b.id)).toEqual([picture.id]);
      expect(alt.heldOver.map((h) => h.en).join(' ')).not.toMatch(/longer than the whole page/);
      expect(alt.score.fill).toBeGreaterThan(0.8);
    }
  });

  it('made up again from its own output, a page is fitted afresh: the same page, no tracking past the range, no title white space on top of the last run\'s', () => {
    for (const name of ['tabloid', 'broadsheet-fits']) {
      const request = dayRequest(name);
      const first = makeUp(request, { fonts }).alternatives[0];
      const again = makeUp({ ...request, document: first.document }, { fonts }).alternatives[0];
      const place = (d: BanmianDocument): string[] => d.blocks.flatMap((b) => (b.kind === 'rule' ? [] : [`${b.kind === 'article' ? b.articleId : b.id}@${b.col},${b.row}/${b.span}x${b.rows}`]));
      expect(place(again.document), name).toEqual(place(first.document));
      const page = first.document.page.styles;
      for (const a of again.document.articles) {
        expect(Math.abs((a.styleOverrides?.body?.tracking ?? page.body.tracking) - page.body.tracking), `${name} ${a.id}`).toBeLessThanOrEqual(0.03 + 1e-9);
        expect(a.styleOverrides?.headline?.lineHeight, `${name} ${a.id}`).toBe(first.document.articles.find((x) => x.id === a.id)?.styleOverrides?.headline?.lineHeight);
      }
    }
  });

  it('re-makes the rest of the page around a locked lead, stepped or not, holding no more over than before', () => {
    for (const name of ['tabloid-fits', 'tabloid', 'broadsheet-fits']) {
      const first = makeUp(dayRequest(name), { fonts }).alternatives[0];
      const blocks = first.document.blocks.map((b) => (b.kind === 'article' && b.articleId === 'a1' ? { ...b, locked: true } : b));
      const request = { ...dayRequest(name), document: { ...first.document, blocks } };
      const alt = makeUp(request, { fonts }).alternatives[0];
      expect(alt.heldOver.length, name).toBeLessThanOrEqual(first.heldOver.length);
      expect(alt.score.largestHole, name).toBeLessThanOrEqual(3);
      checkPage(alt.document, request, alt.heldOver.map((h) => h.articleId));
    }
  });

  it('never overlaps text blocks when 撑满 deepens a module whose titles run wider than its body (a 16-page edition\'s page 3)', () => {
    // The request make-up got for that page (bench/edition-day.ts): its best page had the module
    // under the titles' overhang start inside a title area padded deeper (column 4, line 53).
    const request = JSON.parse(readFileSync(fileURLToPath(new URL('../fixtures/makeup/wide-title-justify.json', import.meta.url)), 'utf8')) as MakeUpRequest;
    const result = makeUp({ ...request, options: { alternatives: 3, timeBudgetMs: 600_000 } }, { fonts });
    expect(result.alternatives.length).toBeGreaterThan(0);
    for (const alt of result.alternatives) expect(textOverlaps(alt.document.blocks)).toEqual([]);
  });

  it('places every story of a day set that fits (about 5% to spare), full to the foot', () => {
    const alt = makeUp(dayRequest('broadsheet-fits'), { fonts }).alternatives[0];
    expect(alt.heldOver.map((h) => h.articleId)).toEqual([]);
    expect(alt.score.largestHole).toBeLessThanOrEqual(3);
  });
});

