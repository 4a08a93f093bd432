/**
 * 补白: a page short of copy made up around a 公益广告 frame at its foot (`fillShort`), checked from
 * the blocks and from the rendered PDF (poppler), not from the engine's own score.
 */
import { describe, expect, it } from 'vitest';
import { dayRequest } from '../../bench/days';
import { makeUp, type MakeUpRequest } from '../../src-core/makeup';
import { fillShort } from '../../src-core/makeup/filler';
import { HOLE_LIMIT } from '../../src-core/makeup/score';
import { layout } from '../../src-core/layout/layout';
import type { AdBlock, Block } from '../../src-core/model/document';
import { columnDepths, gridGeometry } from '../../src-core/model/grid';
import { fontProvider } from '../../src-main/fonts/provider';
import { probePdf } from './makeup-pdf-probe';

const fonts = fontProvider().registry();

/** The 对开 day set that fits, cut to its first `n` stories (and their pictures): a page short of copy. */
function shortDay(n: number): MakeUpRequest {
  const day = dayRequest('broadsheet-fits');
  const articles = day.document.articles.slice(0, n);
  const ids = new Set(articles.map((a) => a.id));
  return { ...day, document: { ...day.document, articles }, pictures: (day.pictures ?? []).filter((p) => !p.articleId || ids.has(p.articleId)) };
}

/** The grid cells each block covers (a stepped story only as deep as each of its columns). */
function cells(b: Block): string[] {
  if (b.kind === 'rule') return [];
  const depths = b.kind === 'article' ? columnDepths(b) : Array.from({ length: b.span }, () => b.rows);
  return depths.flatMap((d, i) => Array.from({ length: d }, (_, r) => `${b.col + i}/${b.row + r}`));
}

const ads = (blocks: Block[]): AdBlock[] => blocks.filter((b): b is AdBlock => b.kind === 'ad');

describe('make-up fills a page short of copy with a 公益广告 frame (fillShort)', () => {
  it('four stories on a 对开 page: a locked frame at the foot, clear of every module; every story placed whole; no hole over the limit in the PDF', async () => {
    const request = shortDay(4);
    const plain = makeUp(request, { fonts });
    // without the option the page is left short, a hole over the limit, and says so
    expect(plain.alternatives[0].score.largestHole).toBeGreaterThan(HOLE_LIMIT);
    expect(plain.shortBy).toBeGreaterThan(0);
    expect(ads(plain.alternatives[0].blocks)).toEqual([]);
    const r = makeUp({ ...request, options: { fillShort: true } }, { fonts });
    const alt = r.alternatives[0];
    const [ad] = ads(alt.blocks);
    expect(ad).toMatchObject({ advertiser: '公益广告', locked: true });
    const geo = gridGeometry(alt.document.page);
    expect(ad.row + ad.rows).toBe(geo.rows);
    expect(r.notes[0].zh).toMatch(new RegExp(`留出 ${ad.span} 栏 × ${ad.rows} 行公益广告位补白`));
    expect(r.notes[0].en).toMatch(/public-service ad \(公益广告\) frame/);
    expect(r.shortBy).toBeUndefined();
    const taken = new Set(cells(ad));
    for (const b of alt.blocks) if (b !== ad && (b.kind === 'article' || b.kind === 'image')) for (const c of cells(b)) expect(taken.has(c), `${b.id} at ${c}`).toBe(false);
    expect(alt.heldOver).toEqual([]);
    expect(alt.blocks.filter((b) => b.kind === 'article')).toHaveLength(4);
    expect(layout(alt.document, { fonts }).overset).toEqual([]);
    const probe = await probePdf(alt.document, fonts);
    expect(probe.holes[0]?.size ?? 0, `holes ${probe.holes.slice(0, 3).map((h) => `${h.size}@${h.col},${h.row}`).join(' ')}`).toBeLessThanOrEqual(HOLE_LIMIT);
    expect(probe.text.replace(/\s+/g, '')).toContain('公益广告');
    // made up again (the app's 自动组版 twice): the locked frame stays, the page is not short, no second frame
    const again = makeUp({ ...request, document: alt.document, options: { fillShort: true } }, { fonts }).alternatives[0];
    expect(ads(again.blocks)).toEqual([ad]);
    expect(new Set(again.blocks.map((b) => b.id)).size).toBe(again.blocks.length);
    // the rest of the day's copy arrives: the frame (no artwork in it) gives its room back, no story is held for it
    const full = dayRequest('broadsheet-fits');
    const more = makeUp({ ...full, document: { ...full.document, blocks: alt.document.blocks }, options: { fillShort: true } }, { fonts }).alternatives[0];
    expect(ads(more.blocks)).toEqual([]);
    expect(more.heldOver).toEqual(makeUp(full, { fonts }).alternatives[0].heldOver);
  }, 60_000);

  it('a frame never lies on a locked block: with an ad booked at the bottom left, the frame goes where the foot is clear', () => {
    const request = shortDay(4);
    const geo = gridGeometry(request.document.page);
    const booked: AdBlock[] = [{ id: 'left', kind: 'ad', advertiser: '甲', col: 0, span: 4, row: geo.rows - 20, rows: 20, locked: true }];
    const document = { ...request.document, blocks: booked };
    const alt = makeUp({ ...request, document, options: { fillShort: true } }, { fonts }).alternatives[0];
    const mine = ads(alt.blocks).filter((b) => b.id !== 'left');
    expect(mine).toHaveLength(1);
    expect(mine[0].col + mine[0].span).toBe(geo.columns);
    const bookedCells = new Set(booked.flatMap(cells));
    for (const b of mine) for (const c of cells(b)) expect(bookedCells.has(c), `${b.id} on a booked ad at ${c}`).toBe(false);
    // the booked ads stay where they were
    for (const b of booked) expect(alt.blocks.find((x) => x.id === b.id)).toMatchObject({ col: b.col, row: b.row, span: b.span, rows: b.rows });
  }, 60_000);

  it('a page more than half blank gets no frame and no frame is tried: it keeps its blank at the foot and the 补稿 note', () => {
    const plain = makeUp(shortDay(1), { fonts });
    const geo = gridGeometry(plain.alternatives[0].document.page);
    expect(plain.shortBy).toBeGreaterThan((geo.columns * geo.rows) / 2);
    const r = makeUp({ ...shortDay(1), options: { fillShort: true } }, { fonts });
    expect(ads(r.alternatives[0].blocks)).toEqual([]);
    expect(r.notes.map((n) => n.zh).join('\n')).toMatch(/约需补稿 \d+ 字/);
    expect(r.stats.statesExpanded).toBe(plain.stats.statesExpanded);
  }, 60_000);
});

describe('fillShort decides from the page it is given (a stand-in make-up run)', () => {
  const page = shortDay(1).document;
  const geo = gridGeometry(page.page);
  /** A run whose best page has the given blocks and blank, holding nothing over; it records the requests it is given. */
  /** A run whose best page has the given blocks and blank; it holds over `held` (framed: `heldFramed`), and is short of copy when it holds nothing. */
  function stub(blocks: Block[], shortBy: number, hole: number, held: string[] = [], heldFramed = held, framedHole = 0) {
    const requests: MakeUpRequest[] = [];
    const run = (r: MakeUpRequest) => {
      requests.push(r);
      const framed = r.document.blocks.some((b) => b.id.startsWith('filler-ad-'));
      const score = { zh: '', en: '', fill: 1, hierarchy: 1, balance: 1, pictures: 1, total: 1, largestHole: framed ? framedHole : hole, blank: framed ? framedHole : shortBy, headlineSizes: [], picturesMeet: 0 };
      const all = [...blocks, ...r.document.blocks];
      const heldOver = (framed ? heldFramed : held).map((articleId) => ({ articleId, headline: articleId, zh: '', en: '' }));
      // (a frame run left with blank says so in its own 补稿 note, as makeUp's do)
      const notes = framed && framedHole ? [{ zh: `稿件不足以排满版面：空白约 ${framedHole} 栏行`, en: 'short', blank: true as const }] : [];
      return { alternatives: [{ document: { ...r.document, blocks: all }, blocks: all, score, heldOver, moves: [] }], notes, stats: { statesExpanded: 1, measurements: 1, ms: 1, stoppedBy: 'done' as const }, shortBy: framed || held.length ? undefined : shortBy };
    };
    return { run, requests };
  }
  const story = (rows: number, col = 0, span = geo.columns, row = 0): Block => ({ id: `s${col}-${row}`, kind: 'article', articleId: 'x', col, span, row, rows });

  it('blank at the foot: a frame is tried there, the first within the limit taken', () => {
    const { run, requests } = stub([story(geo.rows - 30)], 30 * geo.columns, 30 * geo.columns);
    const r = fillShort({ document: page }, run, 10_000);
    expect(requests).toHaveLength(2);
    const [ad] = ads(r.alternatives[0].blocks);
    expect(ad).toMatchObject({ id: 'filler-ad-1', locked: true, row: geo.rows - ad.rows });
  });

  it('the stories on the right half ending 7 lines short of the foot: a frame as deep and as wide as the blank fills it (field test 23, O on 7 columns: 22 → 2)', () => {
    const half = geo.columns / 2;
    const { run, requests } = stub([story(geo.rows, 0, half), story(geo.rows - 7, half, half)], 7 * half, 7 * half);
    const r = fillShort({ document: page }, run, 10_000);
    expect(requests).toHaveLength(2);
    expect(ads(r.alternatives[0].blocks)).toEqual([expect.objectContaining({ col: half, span: half, rows: 7, row: geo.rows - 7 })]);
  });

  it('a dozen column-lines short, all under one two-column stack (too shallow for a corner or a strip): a frame in that well, LEAST_LINES deep, is tried first (field day A on 对开: 8 → 2)', () => {
    const cols = geo.columns;
    const { run, requests } = stub([story(geo.rows, 0, cols - 2), story(geo.rows - 4, cols - 2, 2)], 8, 8);
    const r = fillShort({ document: page }, run, 10_000);
    expect(requests).toHaveLength(2);
    expect(ads(r.alternatives[0].blocks)).toEqual([expect.objectContaining({ col: cols - 2, span: 2, rows: 6, row: geo.rows - 6 })]);
    expect(r.notes[0].zh).toMatch(/右下留出 2 栏 × 6 行公益广告位补白/);
    // a column a line short is no well: no frame there
    const line = stub([story(geo.rows, 0, cols - 1), story(geo.rows - 1, cols - 1, 1)], 1, 1);
    expect(ads(fillShort({ document: page }, line.run, 10_000).alternatives[0].blocks)).toEqual([]);
  });

  it('blank the same depth across the foot (a 通栏 story ending short): the strip that fits it is tried first, as deep as the blank', () => {
    const { run, requests } = stub([story(geo.rows - 12)], 12 * geo.columns, 12 * geo.columns);
    const r = fillShort({ document: page }, run, 10_000);
    expect(requests).toHaveLength(2);
    expect(ads(r.alternatives[0].blocks)).toEqual([expect.objectContaining({ col: 0, span: geo.columns, rows: 12, row: geo.rows - 12 })]);
    expect(r.notes[0].zh).toMatch(/底部通栏留出 \d+ 栏 × 12 行公益广告位补白/);
  });

  it('no frame brings the page within the limit: the page one came nearest with is taken when its hole is at most a quarter of the page\'s own, the blank left said; not when it only makes the blank a little smaller', () => {
    const clear = stub([story(geo.rows - 30)], 30 * geo.columns, 30 * geo.columns, [], [], 20);
    const r = fillShort({ document: page }, clear.run, 10_000);
    expect(ads(r.alternatives[0].blocks).length).toBeGreaterThan(0);
    expect(r.notes[0].zh).toMatch(/公益广告位补白.*；仍有约 20 栏行空白$/);
    expect(r.notes[0].en).toMatch(/: an 8-column × 30-line .* takes it .*; about 20 column-lines are left blank$/);
    // the frame run's own 补稿 note is not said again under it
    expect(r.notes.filter((n) => n.blank)).toEqual([r.notes[0]]);
    expect(r.notes.map((n) => n.zh).join('\n')).not.toMatch(/空白约 20 栏行/);
    const little = stub([story(geo.rows - 10)], 10 * geo.columns, 10 * geo.columns, [], [], 40);
    const kept = fillShort({ document: page }, little.run, 10_000);
    expect(ads(kept.alternatives[0].blocks)).toEqual([]);
    expect(little.requests.length).toBeGreaterThan(1);
  });

  it('blank between the modules, none at the foot: a page short of copy is made up around a frame at its foot (another page); a page holding a story over is not (its runs would be spent for nothing)', () => {
    // stories to the foot on either side, and in the column between them a well of 40 lines above the last one
    const blocks = [story(geo.rows, 0, 3), story(geo.rows, 4, geo.columns - 4), story(20, 3, 1), story(geo.rows - 60, 3, 1, 60)];
    const short = stub(blocks, 40, 40);
    expect(ads(fillShort({ document: page }, short.run, 10_000).alternatives[0].blocks)).toHaveLength(1);
    expect(short.requests.length).toBeGreaterThan(1);
    const holding = stub(blocks, 40, 40, ['s9']);
    expect(ads(fillShort({ document: page }, holding.run, 10_000).alternatives[0].blocks)).toEqual([]);
    expect(holding.requests).toHaveLength(1);
  });

  it('a page holding a story over, its blank mostly between the modules with a fifth of it at the foot: a frame is tried (the page made up around it is another page)', () => {
    // the well of 40 lines in column 3 as above, and the stories right of it ending 3 lines short of the foot (12 cells)
    const { run, requests } = stub([story(geo.rows, 0, 3), story(geo.rows - 3, 4, geo.columns - 4), story(20, 3, 1), story(geo.rows - 60, 3, 1, 60)], 52, 40, ['s9']);
    expect(ads(fillShort({ document: page }, run, 10_000).alternatives[0].blocks)).toHaveLength(1);
    expect(requests.length).toBeGreaterThan(1);
  });

  it('blank above a booked ad at the foot counts as the foot\'s: a frame is tried where the foot is clear', () => {
    // a 3-column ad booked at the bottom left, 30 lines deep; the stories over it end 30 lines above it, the others 10 lines short of the foot
    const booked: Block = { id: 'booked', kind: 'ad', advertiser: '甲', col: 0, span: 3, row: geo.rows - 30, rows: 30, locked: true };
    const { run, requests } = stub([story(geo.rows - 60, 0, 3), story(geo.rows - 10, 3, geo.columns - 3)], 3 * 30 + (geo.columns - 3) * 10, 90);
    const r = fillShort({ document: { ...page, blocks: [booked] } }, run, 10_000);
    expect(requests.length).toBeGreaterThan(1);
    const frames = ads(r.alternatives[0].blocks).filter((b) => b.id !== 'booked');
    expect(frames).toHaveLength(1);
    expect(frames[0].col).toBeGreaterThanOrEqual(3);
  });

  it('a page holding a story with a hole at its foot: a frame is taken when it holds the same story, said so; never one that holds another in its place', () => {
    const same = stub([story(geo.rows - 30)], 30 * geo.columns, 30 * geo.columns, ['s9']);
    const r = fillShort({ document: page }, same.run, 10_000);
    expect(ads(r.alternatives[0].blocks)).toHaveLength(1);
    expect(r.notes[0].zh).toMatch(/^待用稿件放不进余下的空白（空白约 \d+ 栏行）/);
    expect(r.notes[0].en).toMatch(/^The stories held over fit no blank left on the page/);
    const other = stub([story(geo.rows - 30)], 30 * geo.columns, 30 * geo.columns, ['s9'], ['s2']);
    expect(ads(fillShort({ document: page }, other.run, 10_000).alternatives[0].blocks)).toEqual([]);
    expect(other.requests.length).toBeGreaterThan(1);
  });

  it('a frame whose page holds a story over (a page made up tight): no frame over all of its cells is tried after it, one as big elsewhere is (field test 55 P2 四开: the strip that fits was skipped as big as a corner frame)', () => {
    // (three stacks ending 0, 12 and 30 lines short; every frame's page holds s2 over)
    const { run, requests } = stub([story(geo.rows, 0, 3), story(geo.rows - 12, 3, 3), story(geo.rows - 30, 6, 2)], 96, 96, [], ['s2']);
    const r = fillShort({ document: page }, run, 10_000);
    expect(ads(r.alternatives[0].blocks)).toEqual([]);
    const tried = requests.slice(1).map((q) => ads(q.document.blocks)[0]);
    expect(tried.length).toBeGreaterThan(2);
    const covers = (a: AdBlock, b: AdBlock): boolean => a.col <= b.col && a.col + a.span >= b.col + b.span && a.row <= b.row && a.row + a.rows >= b.row + b.rows;
    tried.forEach((f, i) => tried.slice(0, i).forEach((before) => expect(covers(f, before), `frame ${i + 1} ${f.col},${f.row} ${f.span}×${f.rows} over ${before.col},${before.row} ${before.span}×${before.rows}`).toBe(false)));
    // (by size alone, a frame as big as one tried before was never tried: here one is)
    const cells = tried.map((f) => f.span * f.rows);
    expect(cells.some((c, i) => cells.slice(0, i).some((before) => c >= before))).toBe(true);
  });

  it('the page already made is given (an edition\'s page): it is not made again, only the frame runs', () => {
    const { run, requests } = stub([story(geo.rows - 30)], 30 * geo.columns, 30 * geo.columns);
    const made = run({ document: page });
    requests.length = 0;
    const r = fillShort({ document: page }, run, 10_000, made);
    expect(requests).toHaveLength(1);
    expect(requests[0].document.blocks.some((b) => b.id === 'filler-ad-1')).toBe(true);
    expect(ads(r.alternatives[0].blocks)).toHaveLength(1);
    // a frame left without artwork is taken off first: that page is not the one made, so it is made again
    const framed = r.alternatives[0].document;
    requests.length = 0;
    fillShort({ document: framed }, run, 10_000, made);
    expect(requests[0].document.blocks.some((b) => b.id.startsWith('filler-ad-'))).toBe(false);
  });

  describe('a page blank above a booked ad (an edition\'s page)', () => {
    // a 4-column ad booked at the bottom right, 40 lines deep; the stories over it end 10 lines above it
    const booked: AdBlock = { id: 'booked', kind: 'ad', advertiser: '甲', col: 4, span: 4, row: geo.rows - 40, rows: 40, locked: true };
    const overBooked = (b: Block): boolean => b.kind === 'ad' && b.id.startsWith('filler-ad-') && b.col === 4 && b.span === 4 && b.row + b.rows === booked.row;
    /** A run whose page leaves 10 lines above the ad and `left` lines under the stories on the left: full when frames cover both. */
    function edition(left: number) {
      const requests: MakeUpRequest[] = [];
      const run = (r: MakeUpRequest) => {
        requests.push(r);
        const frames = ads(r.document.blocks).filter((b) => b.id.startsWith('filler-ad-'));
        const above = frames.some(overBooked) ? 0 : 40;
        const under = !left || frames.some((b) => b.col === 0 && b.row + b.rows === geo.rows && b.rows === left) ? 0 : 4 * left;
        const all = [story(geo.rows - left, 0, 4), story(booked.row - 10, 4, 4), ...r.document.blocks];
        const score = { zh: '', en: '', fill: 1, hierarchy: 1, balance: 1, pictures: 1, total: 1, largestHole: Math.max(above, under), blank: above + under, headlineSizes: [], picturesMeet: 0 };
        const alt = { document: { ...r.document, blocks: all }, blocks: all, score, heldOver: [], moves: [] };
        return { alternatives: [alt], notes: [], stats: { statesExpanded: 1, measurements: 1, ms: 1, stoppedBy: 'done' as const }, shortBy: frames.length ? undefined : above + under };
      };
      return { run, requests };
    }

    it('blank only above the ad: the frame tried on the ad fills it, as wide as the ad', () => {
      const r = fillShort({ document: { ...page, blocks: [booked] } }, edition(0).run, 10_000);
      const frames = ads(r.alternatives[0].blocks).filter((b) => b.id !== 'booked');
      expect(frames).toHaveLength(1);
      expect(overBooked(frames[0])).toBe(true);
      expect(frames[0].rows).toBe(10);
      expect(r.notes[0].zh).toMatch(/底部广告上方留出 4 栏 × 10 行公益广告位补白/);
    });

    it('blank above the ad and under the stories beside it: two frames, one on the ad and one at the bottom left, both in the note', () => {
      const { run, requests } = edition(13);
      const r = fillShort({ document: { ...page, blocks: [booked] } }, run, 10_000);
      const frames = ads(r.alternatives[0].blocks).filter((b) => b.id !== 'booked');
      expect(frames).toHaveLength(2);
      expect(frames.filter(overBooked)).toHaveLength(1);
      expect(frames.find((b) => !overBooked(b))).toMatchObject({ col: 0, span: 4, rows: 13, row: geo.rows - 13 });
      expect(r.notes[0].zh).toMatch(/左下留出 4 栏 × 13 行、底部广告上方留出 4 栏 × 10 行公益广告位补白|底部广告上方留出 4 栏 × 10 行、左下留出 4 栏 × 13 行公益广告位补白/);
      expect(r.notes[0].en).toMatch(/ and .* fill it/);
      // one frame at a time: never more than two on the page
      expect(requests.every((q) => q.document.blocks.filter((b) => b.id.startsWith('filler-ad-')).length <= 2)).toBe(true);
    });
  });

  it('the time budget spent by the first run: no frame is tried', () => {
    const { run, requests } = stub([story(geo.rows - 30)], 30 * geo.columns, 30 * geo.columns);
    fillShort({ document: page }, run, 1);
    expect(requests).toHaveLength(1);
  });
});
