/**
 * The made-up day sets judged from their PDF (poppler), not from the engine's report: every
 * character of every placed article printed exactly once, no blank hole over the limit, columns
 * ending at the foot, headline sizes by rank, and the lowest-ranked articles held over.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dayRequest } from '../../bench/days';
import { samplePage } from '../../bench/pages';
import { makeUp, type Alternative, type PictureLink } from '../../src-core/makeup';
import { HOLE_LIMIT } from '../../src-core/makeup/score';
import { layout } from '../../src-core/layout/layout';
import type { Article, BanmianDocument, ImageAsset, ImageBlock } from '../../src-core/model/document';
import { docFromParagraphs, plainText, type RichDoc } from '../../src-core/model/richtext';
import { emptyDocument } from '../../src-core/model/defaults';
import { fontProvider } from '../../src-main/fonts/provider';
import { probePdf } from './makeup-pdf-probe';

const fonts = fontProvider().registry();

/** A scratch day's story: its paragraphs, a subhead given as `{ subhead }`; its deck and byline when it has them. */
interface ScratchStory {
  id: string;
  headline: string;
  deck?: string;
  byline?: string;
  paragraphs: (string | { subhead: string })[];
}

const scratchBody = (paragraphs: ScratchStory['paragraphs']): RichDoc => ({
  type: 'doc',
  content: paragraphs.map((p) => (typeof p === 'string' ? docFromParagraphs([p]).content[0] : { type: 'heading' as const, attrs: { level: 2 }, content: [{ type: 'text' as const, text: p.subhead }] })),
});

/** A day set of tests/fixtures/makeup/*.json (a scratch generator's): its stories as articles, its pictures as the sample's at their sizes. */
function scratchDay(file: string): { articles: Article[]; images: ImageAsset[]; pictures: PictureLink[] } {
  const day = JSON.parse(readFileSync(fileURLToPath(new URL(`../fixtures/makeup/${file}`, import.meta.url)), 'utf8')) as { articles: ScratchStory[]; images?: { id: string; pixelWidth: number; pixelHeight: number }[]; pictures?: PictureLink[] };
  const articles = day.articles.map((a) => ({ id: a.id, kicker: '', headline: a.headline, deck: a.deck ?? '', byline: a.byline ?? '本报记者 张三', bylinePosition: 'top' as const, lead: '', body: scratchBody(a.paragraphs), jumpFrom: '', jumpTo: '' }));
  return { articles, images: (day.images ?? []).map((i) => ({ ...samplePage().images[0], ...i })), pictures: day.pictures ?? [] };
}

function counts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of text.replace(/\s/g, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

/** A 四开 page made up from a scratch day's stories: within the hole limit, nothing held over, every character printed once, nothing overset, read from the PDF. */
async function fullTabloidPage(file: string): Promise<Alternative> {
  const { articles } = scratchDay(file);
  const alt = makeUp({ document: { ...emptyDocument('tabloid'), articles }, options: UNTIMED }, { fonts }).alternatives[0];
  const probe = await probePdf(alt.document, fonts);
  expect(probe.holes[0]?.size ?? 0, file).toBeLessThanOrEqual(HOLE_LIMIT);
  expect(alt.heldOver, file).toEqual([]);
  expect(miscounted(expectedText(alt.document, alt.document.articles), probe.text), file).toEqual([]);
  expect(layout(alt.document, { fonts }).overset, file).toEqual([]);
  return alt;
}

/** The characters printed a different number of times than `expected` has them (whitespace aside). */
function miscounted(expected: string, printed: string): string[] {
  const want = counts(expected);
  const got = counts(printed);
  return [...new Set([...want.keys(), ...got.keys()])].filter((ch) => want.get(ch) !== got.get(ch));
}

/** What the page should print: the placed articles' fields, the captions and the header. */
function expectedText(doc: BanmianDocument, placed: Article[]): string {
  const parts = placed.flatMap((a) => [a.kicker, a.headline, a.deck, a.byline, a.lead, plainText(a.body)]);
  for (const b of doc.blocks) if (b.kind === 'image' && b.caption) parts.push(b.caption);
  for (const it of layout(doc, { fonts }).items) if (it.kind === 'glyphs' && it.source?.field === 'header') parts.push(it.text);
  return parts.join('');
}

/**
 * Day sets with the largest hole, the most lines a column may end short by and the most articles
 * held over: issue 16's limits
 * (3 column-lines; 1 line) where they are met, else what the engine reaches today, read from these
 * PDFs. 'tabloid' is underset (its copy and picture fill about 85% of a 四开 page at their natural
 * size; the levers make up the rest), 'broadsheet-overflow' holds over. Since make-up frames no
 * picture below the print resolution preflight warns at (200 ppi, not 150), the search finds 'tabloid'
 * full with its lead's picture four columns wide and its last story held over, no longer with all four
 * and the picture cropped deeper (which printed it softer): one held over is allowed there.
 */
const SETS: Record<string, { hole: number; short: number; held: number }> = {
  'broadsheet-fits': { hole: HOLE_LIMIT, short: 1, held: 0 },
  'tabloid-fits': { hole: HOLE_LIMIT, short: 1, held: 0 },
  tabloid: { hole: HOLE_LIMIT, short: 1, held: 1 },
  'broadsheet-overflow': { hole: HOLE_LIMIT, short: 1, held: 5 },
};
/** The work budget bounds the search; the wall-clock backstop is lifted so that a busy machine cannot change the page. */
const UNTIMED = { timeBudgetMs: 600_000 };

describe('made-up day sets, read back from the PDF', () => {
  for (const [name, bound] of Object.entries(SETS)) {
    it(`${name}: every placed character once, holes ≤ ${bound.hole} column-lines, columns ≤ ${bound.short} lines short of the foot, headlines by rank, held over from the bottom`, async () => {
      const request = { ...dayRequest(name), options: UNTIMED };
      const alt = makeUp(request, { fonts }).alternatives[0];
      const doc = alt.document;
      const placedIds = new Set(doc.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
      const placed = doc.articles.filter((a) => placedIds.has(a.id));
      const probe = await probePdf(doc, fonts);

      const want = counts(expectedText(doc, placed));
      const got = counts(probe.text);
      const diff = [...new Set([...want.keys(), ...got.keys()])].filter((ch) => want.get(ch) !== got.get(ch)).map((ch) => `${ch}:${want.get(ch) ?? 0}/${got.get(ch) ?? 0}`);
      expect(diff, 'characters expected/printed').toEqual([]);

      expect(probe.holes[0]?.size ?? 0).toBeLessThanOrEqual(bound.hole);
      const last = probe.feet.length ? Math.max(...probe.feet) : 0;
      for (const [c, foot] of probe.feet.entries()) expect(foot, `column ${c} ends at line ${foot}`).toBeGreaterThanOrEqual(last - bound.short);

      // Headline sizes from the PDF's text lines: the lead's is the biggest; ranks never grow down the order.
      const heights = request.document.articles.filter((a) => placedIds.has(a.id)).map((a) => Math.max(0, ...probe.lines.filter((l) => l.text && a.headline.replace(/\s/g, '').startsWith(l.text)).map((l) => l.height)));
      expect(heights.every((h) => h > 0)).toBe(true);
      for (const h of heights.slice(1)) expect(h).toBeLessThan(heights[0]);
      for (const [i, h] of heights.entries()) if (i > 0) expect(h, `headline of the story ranked ${i + 1}`).toBeLessThanOrEqual(heights[i - 1] + 0.5);
      if (heights.length >= 6) expect(new Set(heights.map((h) => Math.round(h))).size).toBeGreaterThanOrEqual(3);

      expect(request.document.articles.length - placed.length, 'articles held over').toBeLessThanOrEqual(bound.held);
      // Held over from the bottom: the placed articles are the top of the ranking.
      const ranks = request.document.articles.map((a) => placedIds.has(a.id));
      expect(ranks.indexOf(false) === -1 || ranks.lastIndexOf(true) < ranks.indexOf(false)).toBe(true);
    });
  }

  it('a page the top-ranked stories leave with a hole takes held-over short stories that fit it (补空), read from the PDF', async () => {
    // Twelve stories, longest first, as a desk ranks a day's copy: the first five fill most of a 对开 page, the sixth does not fit what is left.
    const day = dayRequest('broadsheet-overflow').document;
    const paragraphs = day.articles.flatMap((a) => plainText(a.body).split('\n')).filter((p) => p.trim());
    let next = 0;
    const articles = [3000, 2400, 1900, 1600, 1300, 1000, 900, 800, 700, 300, 250, 200].map((want, i) => {
      const ps: string[] = [];
      for (let n = 0; n < want; n += ps[ps.length - 1].length) ps.push(paragraphs[next++ % paragraphs.length]);
      return { ...day.articles[i % day.articles.length], id: `s${i}`, body: docFromParagraphs(ps), kicker: '', deck: '', lead: '' };
    });
    const request = { document: { ...emptyDocument('broadsheet'), articles }, options: UNTIMED };
    const alt = makeUp(request, { fonts }).alternatives[0];
    const placedIds = new Set(alt.document.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
    const probe = await probePdf(alt.document, fonts);
    // (before: five stories and a 36 column-line hole, the short ones held over with the rest)
    expect(probe.holes[0]?.size ?? 0).toBeLessThanOrEqual(HOLE_LIMIT);
    const placed = alt.document.articles.filter((a) => placedIds.has(a.id));
    expect(miscounted(expectedText(alt.document, placed), probe.text)).toEqual([]);
    // the filler is a short story ranked below one held over, and every story not on the page is named held over
    const ranks = articles.map((a) => placedIds.has(a.id));
    expect(ranks.lastIndexOf(true)).toBeGreaterThan(ranks.indexOf(false));
    expect(alt.heldOver.map((h) => h.articleId).sort()).toEqual(articles.filter((a) => !placedIds.has(a.id)).map((a) => a.id).sort());
    expect(layout(alt.document, { fonts }).overset).toEqual([]);
  });

  it('a 四开 page whose second story cannot go under its long lead holds that story, and the shorter ones after it fill the page, read from the PDF', async () => {
    const { articles, images, pictures: both } = scratchDay('tabloid-long-second.json');
    // (the second story with one of its two pictures: with both, set in a row (组图横排) it goes beside the lead as a narrow column
    // and the page holds the two after it, in rank order; this page's second story is one that cannot go)
    const pictures = both.filter((p) => p.imageId !== 'p2');
    // (a ranking naming a story that is not there: the first run's note on it is kept with the second run's page)
    const result = makeUp({ document: { ...emptyDocument('tabloid'), articles, images }, ranking: ['t0', 't1', 't2', 't3', 'gone'], pictures, options: UNTIMED }, { fonts });
    const alt = result.alternatives[0];
    const placedIds = new Set(alt.document.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
    const probe = await probePdf(alt.document, fonts);
    expect(result.notes.filter((n) => n.zh.includes('gone')).length).toBe(1);
    // (before: the lead and the 600-character story, a third of the page blank: a hole of 69 column-lines)
    expect(probe.holes[0]?.size ?? 0).toBeLessThanOrEqual(HOLE_LIMIT);
    expect([[...placedIds].sort(), alt.heldOver.map((h) => h.articleId)]).toEqual([['t0', 't2', 't3'], ['t1']]);
    expect(result.notes.some((n) => n.zh.includes(`“${articles[1].headline}”在本版排不下`))).toBe(true);
    const placed = alt.document.articles.filter((a) => placedIds.has(a.id));
    expect(miscounted(expectedText(alt.document, placed), probe.text)).toEqual([]);
    expect(layout(alt.document, { fonts }).overset).toEqual([]);
    // an edition's page does not (its plan decides which stories give way): the first run's page, the 1,200-character story held
    const planned = makeUp({ document: { ...emptyDocument('tabloid'), articles, images }, pictures, options: { ...UNTIMED, holdToFill: false } }, { fonts }).alternatives[0];
    expect(planned.heldOver.map((h) => h.articleId).sort()).toEqual(['t1', 't2']);
  });

  it('a 四开 page holds, one at a time, the stories that do not fit under its lead, those its copy estimate stopped at included, and the shorter ones after them fill it, its titles opened up last, read from the PDF', async () => {
    const cases = [
      // (before: 77 column-lines blank; the 2,000-character s2 made the estimate call the page full)
      { file: 'tabloid-full-estimate.json', placed: ['s0', 's1', 's3', 's4'], held: ['s2', 's5'], named: 's2' },
      // (before: 58; the second run had ranked s1 and s2 last together, s2 the one story that fits under the lead)
      { file: 'tabloid-hold-one.json', placed: ['s0', 's2'], held: ['s1', 's3', 's4'], named: 's1' },
      // (before: 9, the page's last line and the second story's last four blank: no lever of the search reached them; now its titles open up)
      { file: 'tabloid-line-short.json', placed: ['s0', 's1', 's3'], held: ['s2'], named: 's2' },
      // (before: 4, the brief at the foot a 5-column module 4 lines short in its last column)
      { file: 'tabloid-brief-foot.json', placed: ['s0', 's2', 's3'], held: ['s1', 's4'], named: 's1' },
    ];
    for (const { file, placed: wantPlaced, held, named } of cases) {
      const { articles, images, pictures } = scratchDay(file);
      const result = makeUp({ document: { ...emptyDocument('tabloid'), articles, images }, pictures, options: UNTIMED }, { fonts });
      const alt = result.alternatives[0];
      const placedIds = new Set(alt.document.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
      const probe = await probePdf(alt.document, fonts);
      expect(probe.holes[0]?.size ?? 0, file).toBeLessThanOrEqual(HOLE_LIMIT);
      expect([[...placedIds].sort(), alt.heldOver.map((h) => h.articleId).sort()], file).toEqual([wantPlaced, held]);
      // the note names the stories held so, each once, and only stories held
      const note = result.notes.find((n) => n.zh.includes('在本版排不下'))!.zh;
      const names = [...note.matchAll(/“([^”]+)”/g)].map((m) => m[1]);
      expect(names[0], file).toBe(articles.find((a) => a.id === named)!.headline);
      expect(new Set(names).size, file).toBe(names.length);
      for (const name of names) expect(alt.heldOver.some((h) => h.headline === name), `${file}: ${name}`).toBe(true);
      expect(miscounted(expectedText(alt.document, alt.document.articles.filter((a) => placedIds.has(a.id))), probe.text), file).toEqual([]);
      expect(layout(alt.document, { fonts }).overset, file).toEqual([]);
    }
  });

  it('a 四开 night of twice the copy the page holds: when holding the stories that do not fit one at a time leaves a hole, the stories that fill the page are picked (选稿补满), read from the PDF', async () => {
    const { articles, images, pictures } = scratchDay('tabloid-heavy-night.json');
    const result = makeUp({ document: { ...emptyDocument('tabloid'), articles, images }, pictures, options: UNTIMED }, { fonts });
    const alt = result.alternatives[0];
    const placedIds = new Set(alt.document.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
    const probe = await probePdf(alt.document, fonts);
    // (before: 29 column-lines blank beside the lead, n2 to n5 held as they did not fit one by one)
    expect(probe.holes[0]?.size ?? 0).toBeLessThanOrEqual(HOLE_LIMIT);
    expect(placedIds.has('n0')).toBe(true);
    // every story not on the page is held over by name, and the note names those passed over for lower-ranked ones
    expect([...placedIds, ...alt.heldOver.map((h) => h.articleId)].sort()).toEqual(articles.map((a) => a.id).sort());
    const passed = articles.filter((a) => !placedIds.has(a.id) && articles.findIndex((b) => b.id === a.id) < Math.max(...[...placedIds].map((id) => articles.findIndex((b) => b.id === id))));
    const note = result.notes.find((n) => n.zh.includes('在本版排不下'))!.zh;
    for (const a of passed) expect(note).toContain(`“${a.headline}”`);
    expect(miscounted(expectedText(alt.document, alt.document.articles.filter((a) => placedIds.has(a.id))), probe.text)).toEqual([]);
    expect(layout(alt.document, { fonts }).overset).toEqual([]);
  });

  it('a 四开 page of short stories: a story beside the lead\'s headline sets its short headline vertically (竖题) rather than leave a column blank between them, read from the PDF', async () => {
    const { articles, images, pictures } = scratchDay('tabloid-upright-titles.json');
    const alt = makeUp({ document: { ...emptyDocument('tabloid'), articles, images }, pictures, options: UNTIMED }, { fonts }).alternatives[0];
    const probe = await probePdf(alt.document, fonts);
    // (before: a column blank beside the lead's headline, 7 column-lines)
    expect(probe.holes[0]?.size ?? 0).toBeLessThanOrEqual(HOLE_LIMIT);
    const upright = alt.blocks.filter((b) => b.kind === 'article' && b.titleDirection === 'vertical');
    expect(upright.length).toBeGreaterThan(0);
    for (const b of upright) {
      const a = articles.find((x) => b.kind === 'article' && x.id === b.articleId)!;
      // its headline printed down one column: poppler reads each of its characters on a line of its own, one under another, at one x
      const chars = [...a.headline.replace(/[\s，。、：；！？“”]/g, '')];
      const down = probe.lines.filter((l) => chars.includes(l.text.trim()) && l.height > 12);
      expect(new Set(down.map((l) => Math.round(l.xMin / 10))).size, a.headline).toBeLessThanOrEqual(2);
      expect(down.length, a.headline).toBeGreaterThanOrEqual(chars.length);
    }
    expect(miscounted(expectedText(alt.document, alt.document.articles.filter((a) => alt.blocks.some((b) => b.kind === 'article' && b.articleId === a.id))), probe.text)).toEqual([]);
    expect(layout(alt.document, { fonts }).overset).toEqual([]);
  });

  it('a 四开 page a hair short of copy, every story across the page: the lead\'s headline is set bigger (32 or 36 pt) rather than leave a line blank across the foot, read from the PDF', async () => {
    // (before: the titles opened up to their most, the text set loose, and the lead's headline at 28 pt: 10 column-lines blank at the foot)
    const alt = await fullTabloidPage('tabloid-short-lead.json');
    const probe = await probePdf(alt.document, fonts);
    // the lead's headline line is the page's tallest, taller than the 28 pt it had (poppler's line height is about the size)
    const height = (headline: string): number => Math.max(...probe.lines.filter((l) => l.text.replace(/\s/g, '') === headline.replace(/\s/g, '')).map((l) => l.height));
    const [lead, ...rest] = alt.document.articles.map((a) => height(a.headline));
    expect(lead).toBeGreaterThan(30);
    for (const h of rest) expect(lead).toBeGreaterThan(h);
  });

  it('an edition\'s page, which holds no story to fill itself, still opens up its titles when no page is within the hole limit, read from the PDF', async () => {
    const { articles, images, pictures } = scratchDay('tabloid-line-short.json');
    const alt = makeUp({ document: { ...emptyDocument('tabloid'), articles, images }, pictures, options: { ...UNTIMED, holdToFill: false } }, { fonts }).alternatives[0];
    // (the same stories as before, s0 and s1, the others held by the estimate: 9 column-lines blank before)
    expect(alt.heldOver.map((h) => h.articleId).sort()).toEqual(['s2', 's3']);
    expect((await probePdf(alt.document, fonts)).holes[0]?.size ?? 0).toBeLessThan(9);
  });

  it('a 四开 page a tenth short of copy opens up its titles rather than leave a well at the foot, read from the PDF', async () => {
    // (before: every title's white space at its full-page most, 4 lines × 5 columns blank at the foot: 23 column-lines)
    await fullTabloidPage('tabloid-short-stack.json');
  });

  it('a 四开 page of long stories and no brief: no notch under the lead\'s titles is left blank, the lead set as a rectangle its titles\' width instead, read from the PDF', async () => {
    // (before: the lead stepped over a one-column notch that no story could take, 34 column-lines blank)
    const alt = await fullTabloidPage('tabloid-notch.json');
    // no stepped block is left with nothing under its titles' overhang
    for (const b of alt.blocks) if (b.kind === 'article' && b.columnRows) {
      const notch = { col: b.col + b.columnRows.findIndex((r) => r < b.rows), row: b.row + Math.min(...b.columnRows) };
      expect(alt.blocks.some((o) => o !== b && o.kind !== 'rule' && o.col <= notch.col && notch.col < o.col + o.span && o.row >= notch.row && o.row < b.row + b.rows), b.id).toBe(true);
    }
  });

  it('a 四开 page holding a story that fits no blank it leaves: with fillShort a 公益广告 frame fills the blank, the story still held and named, read from the PDF', async () => {
    const { articles, images, pictures } = scratchDay('tabloid-held-frame.json');
    const request = { document: { ...emptyDocument('tabloid'), articles, images }, pictures };
    // (no 竖条 remedy: with it the run finds a full page that holds the same story, three modules across the page)
    const plain = makeUp({ ...request, options: { ...UNTIMED, narrowSpans: false } }, { fonts }).alternatives[0];
    // (without the frame: two short stories under the lead's step end 8 lines short, 16 column-lines blank)
    expect((await probePdf(plain.document, fonts)).holes[0]?.size ?? 0).toBeGreaterThan(HOLE_LIMIT);
    const result = makeUp({ ...request, options: { ...UNTIMED, narrowSpans: false, fillShort: true } }, { fonts });
    const alt = result.alternatives[0];
    expect(alt.heldOver.map((h) => h.articleId)).toEqual(plain.heldOver.map((h) => h.articleId));
    const frames = alt.blocks.filter((b) => b.kind === 'ad');
    expect(frames).toHaveLength(1);
    expect(result.notes[0].zh).toMatch(/^待用稿件放不进余下的空白（空白约 \d+ 栏行）：.*公益广告位补白/);
    const probe = await probePdf(alt.document, fonts);
    expect(probe.holes[0]?.size ?? 0).toBeLessThanOrEqual(HOLE_LIMIT);
    const placedIds = new Set(alt.blocks.flatMap((b) => (b.kind === 'article' ? [b.articleId] : [])));
    expect(miscounted(expectedText(alt.document, alt.document.articles.filter((a) => placedIds.has(a.id))) + '广告公益广告', probe.text)).toEqual([]);
  });

  it('a short 对开 night led by a picture story (a title and a few lines under a photo): its picture at least half the page wide, no blank beside its few lines, read from the PDF', async () => {
    const { articles, images, pictures } = scratchDay('broadsheet-picture-story.json');
    const alt = makeUp({ document: { ...emptyDocument('broadsheet'), articles, images }, pictures, options: { ...UNTIMED, fillShort: true } }, { fonts }).alternatives[0];
    const photo = alt.blocks.find((b): b is ImageBlock => b.kind === 'image' && b.articleId === 's0')!;
    // (before: the photo three columns of the lead's five, its 116 characters in two columns beside it, 21 column-lines blank under them)
    expect(photo.span).toBeGreaterThanOrEqual(4);
    const probe = await probePdf(alt.document, fonts);
    expect(probe.holes[0]?.size ?? 0).toBeLessThanOrEqual(HOLE_LIMIT);
    expect(alt.heldOver).toEqual([]);
    expect(miscounted(expectedText(alt.document, alt.document.articles) + '广告公益广告'.repeat(alt.blocks.filter((b) => b.kind === 'ad').length), probe.text)).toEqual([]);
  });

  it('the probe can fail: a module taken off a full page leaves a hole of about its size', async () => {
    const alt = makeUp({ ...dayRequest('tabloid-fits'), options: UNTIMED }, { fonts }).alternatives[0];
    const gone = alt.document.blocks.find((b) => b.kind === 'article' && b.articleId === 'a4');
    expect(gone && gone.kind === 'article').toBe(true);
    if (!gone || gone.kind !== 'article') return;
    const doc = { ...alt.document, blocks: alt.document.blocks.filter((b) => b !== gone) };
    const probe = await probePdf(doc, fonts);
    // Its whole area is blank but for the lone lines the rule rows leave: well over the limit.
    expect(probe.holes[0].size).toBeGreaterThan(gone.span * gone.rows * 0.8);
  });
});
