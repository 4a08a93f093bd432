/**
 * 移至第N版: a continued story's part moved to another page of the edition (src-core/edition/move-part.ts).
 * The fixture edition (made up by the `edition` command, its story from page 1 continued on page 3)
 * given an empty page 4: part 2 moved there, the jump lines name page 4 and page 1 and every
 * paragraph of the story is set once across the pages' layouts; then the refusals and the 续排 join
 * on a small edition.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition, serializeEdition } from '../../src-core/edition/edition-file';
import { movePart } from '../../src-core/edition/move-part';
import { editionOverview } from '../../src-core/edition/overview';
import { pageDocument } from '../../src-core/edition/page-doc';
import type { GlyphRun } from '../../src-core/layout/page-layout';
import { plainText } from '../../src-core/model/richtext';
import { fontProvider } from '../../src-main/fonts/provider';
import { saveFixtureEdition } from '../support/edition-fixture';
import { storyArticle as article, storyBlock as block, tabloidPage } from '../support/edition-sample';

const fonts = fontProvider().registry();
const squeeze = (s: string): string => s.replace(/\s+/g, '');

/** The story's body text as the pages' layouts set it, page by page in number order. */
function setBody(ed: EditionDocument, article: string): string {
  return editionOverview(ed, { fonts })
    .flatMap((row) => row.layout.items.filter((it): it is GlyphRun => it.kind === 'glyphs' && it.source?.field === 'body' && it.source.owner.startsWith(article)))
    .map((run) => run.text)
    .join('');
}

describe('moving part 2 of the fixture story from page 3 to page 4', () => {
  const dir = mkdtempSync(join(tmpdir(), 'banmian-move-part-'));
  let ed: EditionDocument;
  beforeAll(async () => {
    const made = await saveFixtureEdition(dir, 'day.banmian');
    // an empty page 4, as page 3 is set up
    const three = made.pages[2];
    made.pages.push({ ...three, number: 4, name: '副刊', page: { ...three.page, header: { ...three.page.header, pageNumber: '04' } }, articles: [], images: [], blocks: [] });
    ed = made;
  }, 120_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the jump lines say 下转第4版 and 上接第1版, page 3 no longer holds the story, every paragraph is set once', () => {
    const chain = ed.chains[0];
    const story = ed.articles.find((a) => a.id === chain.article)!;
    const part2 = chain.parts[1].block;
    expect(ed.pages[2].blocks.some((b) => b.id === part2)).toBe(true);
    const before = setBody(ed, story.id);
    expect(squeeze(before)).toBe(squeeze(plainText(story.body)));

    const r = movePart(ed, part2, 4);
    if (!r.ok) throw new Error(r.en);
    expect(r).toMatchObject({ headline: story.headline, part: 2, from: 3, to: 4 });
    const next = r.edition;
    // the block is on page 4 where it stood on page 3 (page 4 was empty), and off page 3
    const moved = next.pages[3].blocks.find((b) => b.id === part2);
    expect(moved).toEqual(ed.pages[2].blocks.find((b) => b.id === part2));
    expect(next.pages[2].blocks.some((b) => b.id === part2)).toBe(false);
    expect(next.pages[2].articles).not.toContain(story.id);
    expect(next.pages[3].articles).toEqual([story.id]);
    // the cut points are the same; the jump lines follow the block
    expect(next.chains).toEqual(ed.chains);
    const first = pageDocument(next, 0).articles.find((a) => a.id === story.id)!;
    expect(first.jumpTo).toBe('（下转第4版）');
    const [rest] = pageDocument(next, 3).articles;
    expect(rest.jumpFrom).toBe('（上接第1版）');
    expect(rest.headline).toBe(story.headline);
    expect(pageDocument(next, 2).articles.some((a) => a.id.startsWith(story.id))).toBe(false);
    // every paragraph once across the pages' layouts, in order, nothing overset
    expect(setBody(next, story.id)).toBe(before);
    expect(editionOverview(next, { fonts }).map((row) => row.overset)).toEqual(editionOverview(ed, { fonts }).map((row) => row.overset));
    // the edition reads back as it was written
    const back = parseEdition(serializeEdition(next));
    expect(back.ok).toBe(true);
  });

  it('refuses the page it is on, a page after the next part (for the first part) and a page the edition lacks, changing nothing', () => {
    const chain = ed.chains[0];
    const text = serializeEdition(ed);
    expect(movePart(ed, chain.parts[1].block, 3)).toMatchObject({ ok: false, zh: expect.stringContaining('已在第3版') });
    expect(movePart(ed, chain.parts[0].block, 4)).toMatchObject({ ok: false, zh: expect.stringContaining('第4版在'), en: expect.stringContaining('comes after page 3') });
    expect(movePart(ed, chain.parts[1].block, 9)).toMatchObject({ ok: false, zh: '整期中没有第9版', en: 'The edition has no page 9' });
    const other = ed.pages[1].blocks.find((b) => b.kind === 'article')!;
    expect(movePart(ed, other.id, 3)).toMatchObject({ ok: false, en: expect.stringContaining('Only a part of a story continued across pages') });
    expect(serializeEdition(ed)).toBe(text);
  });
});

/** Pages 1, 2, 3, 4; story s runs 1 → 3 (paragraphs 0, 1–3) and page 1's block is 10 lines deep; page 2 holds t; page 4 is full. */
function small(): EditionDocument {
  const page = (n: number) => tabloidPage(n, String(n));
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('s', ['一段甲。', '二段乙。', '三段丙。', '四段丁。']), article('t', ['别的稿件。']), article('u', ['满版稿件。'])],
    images: [],
    pages: [
      { number: 1, name: '要闻', section: 'A', page: page(1), articles: ['s'], images: [], blocks: [{ ...block('b1', 's'), rows: 10 }] },
      { number: 2, name: '综合', section: 'A', page: page(2), articles: ['t'], images: [], blocks: [block('b2', 't')] },
      { number: 3, name: '经济', section: 'A', page: page(3), articles: ['s'], images: [], blocks: [block('b3', 's')] },
      { number: 4, name: '副刊', section: 'A', page: page(4), articles: ['u'], images: [], blocks: [{ ...block('b4', 'u'), span: 5, rows: 200 }] },
    ],
    chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'b3', from: 1 }] }],
  };
}

describe('moving a part on a small edition', () => {
  it('to a page between: 下转第2版 / 上接第1版, placed where it covers no block', () => {
    const r = movePart(small(), 'b3', 2);
    if (!r.ok) throw new Error(r.en);
    expect(pageDocument(r.edition, 0).articles[0].jumpTo).toBe('（下转第2版）');
    const two = pageDocument(r.edition, 1);
    expect(two.articles.map((a) => [a.id, a.jumpFrom])).toEqual([['t', ''], ['s-续', '（上接第1版）']]);
    // b2 takes the first four columns and 20 lines from the top: the part goes under it
    expect(r.edition.pages[1].blocks.find((b) => b.id === 'b3')).toMatchObject({ col: 0, row: 20, span: 4, rows: 20 });
  });

  it('onto the page of the part before it: the two join as 续排, no jump line and no second headline', () => {
    const r = movePart(small(), 'b3', 1);
    if (!r.ok) throw new Error(r.en);
    const [head, rest] = pageDocument(r.edition, 0).articles;
    expect([head.jumpTo, rest.jumpFrom, rest.headline]).toEqual(['', '', '']);
    expect(r.edition.pages[0].articles).toEqual(['s']);
    expect(r.edition.pages[2].articles).toEqual([]);
  });

  it("the first part takes the story's picture with it, beside it as it stood, when no other part stays on its page", () => {
    const ed = small();
    ed.images = [{ id: 'pic', name: 'pic.jpg', mime: 'image/jpeg', pixelWidth: 1200, pixelHeight: 800, colorSpace: 'rgb' }];
    ed.pages[0].images = ['pic'];
    // the picture sits in the part's block, 2 columns in and 3 lines down
    ed.pages[0].blocks.push({ id: 'b2', kind: 'image', imageId: 'pic', caption: '图片说明', articleId: 's', col: 2, span: 2, row: 3, rows: 6 });
    const r = movePart(ed, 'b1', 2);
    if (!r.ok) throw new Error(r.en);
    const [one, two] = r.edition.pages;
    expect([one.blocks, one.images, one.articles]).toEqual([[], [], []]);
    // page 2's b2 (the story t) keeps its id: the picture block is renamed; both go under t's block
    expect(two.images).toEqual(['pic']);
    expect(two.blocks.find((b) => b.id === 'b1')).toMatchObject({ col: 0, row: 20 });
    expect(two.blocks.find((b) => b.kind === 'image')).toMatchObject({ id: 'b2-2', articleId: 's', col: 2, row: 23 });
    expect(r.edition.poolPictures).toBeUndefined();
    // a part staying behind keeps the picture where it is
    const kept = movePart({ ...ed, chains: [{ article: 's', parts: [{ block: 'b1', from: 0 }, { block: 'bx', from: 1 }, { block: 'b3', from: 2 }] }], pages: ed.pages.map((p, i) => (i === 0 ? { ...p, blocks: [...p.blocks, { ...block('bx', 's'), row: 40 }] } : p)) }, 'bx', 2);
    if (!kept.ok) throw new Error(kept.en);
    expect(kept.edition.pages[0].blocks.map((b) => b.id)).toEqual(['b1', 'b2']);
    expect(kept.edition.pages[0].articles).toEqual(['s']);
  });

  it('refuses a page before the part before it, a full page, and a signed page', () => {
    const ed = small();
    // the first part moved to page 2 first: then the rest cannot go back to page 1
    const moved = movePart(ed, 'b1', 2);
    if (!moved.ok) throw new Error(moved.en);
    expect(movePart(moved.edition, 'b3', 1)).toMatchObject({ ok: false, zh: '第1版在《s标题》上一部分所在的第2版之前：转版只能往后转' });
    expect(movePart(ed, 'b3', 4)).toMatchObject({ ok: false, zh: expect.stringContaining('第4版没有放得下这一块（4栏×20行）') });
    ed.pages[1].proof = { signoff: { signedBy: '王编辑', at: '2026-12-03T20:00:00Z' } };
    expect(movePart(ed, 'b3', 2)).toMatchObject({ ok: false, zh: '第2版已签字付印，不能移动' });
  });

  it("takes the part's proofreading notes with it: its comment thread leaves page 3's proof and is on page 2's", () => {
    const ed = small();
    const thread = { id: 't1', quote: '二段乙', round: '一校', comments: [{ author: '赵校对', role: '校对' as const, at: '2026-12-03T20:00:00Z', text: '核实' }], resolved: false };
    ed.pages[2].proof = { rounds: [], signoff: { log: [] }, articles: { 's-续': { suggestions: [], threads: [thread] } } };
    const r = movePart(ed, 'b3', 2);
    if (!r.ok) throw new Error(r.en);
    expect((r.edition.pages[1].proof as { articles: Record<string, unknown> }).articles['s-续']).toEqual({ suggestions: [], threads: [thread] });
    expect((r.edition.pages[2].proof as { articles: Record<string, unknown> }).articles).toEqual({});
    // and back, through the file's own check
    const back = movePart(r.edition, 'b3', 3);
    if (!back.ok) throw new Error(back.en);
    expect((back.edition.pages[2].proof as { articles: Record<string, unknown> }).articles['s-续']).toEqual({ suggestions: [], threads: [thread] });
  });

  it('refuses a move that would change the jump line of a signed page, and names the pages it changes', () => {
    const ed = small();
    const free = movePart(ed, 'b3', 2);
    if (!free.ok) throw new Error(free.en);
    // page 1 (its 下转 line) and the two pages the block leaves and joins; page 4 is untouched
    expect(free.changed.map((c) => c.index)).toEqual([0, 1, 2]);
    ed.pages[0].proof = { signoff: { signedBy: '王编辑', at: '2026-12-03T20:00:00Z' } };
    expect(movePart(ed, 'b3', 2)).toMatchObject({ ok: false, zh: '第1版已签字付印（移动会改动其转版行），不能移动', en: 'Page 1 is signed for print: the move would change its jump line' });
  });
});
