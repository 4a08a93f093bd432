/**
 * A story's pictures travel with it through the pool (issue 17: placing an article from the pool
 * brings its pictures, as a 组版 expects of 飞腾/InDesign): taken back into the pool, its picture
 * blocks leave the page with it; placed on another page, they arrive there with it, still its own.
 */
import { describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition, serializeEdition, validateEdition } from '../../src-core/edition/edition-file';
import { deletePage } from '../../src-core/edition/delete-page';
import { pageDocument } from '../../src-core/edition/page-doc';
import { picturesFromPool, picturesToPool } from '../../src-core/edition/pool-pictures';
import { editionEntries, editionFromEntries } from '../../src-core/edition/shared-edition';
import { defaultPage } from '../../src-core/model/defaults';
import type { Article, ImageAsset, ImageBlock } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';

const article = (id: string): Article => ({ id, kicker: '', headline: `${id}标题`, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs([`${id}第一段。`]), jumpFrom: '', jumpTo: '' });
const asset = (id: string): ImageAsset => ({ id, name: `${id}.jpg`, mime: 'image/jpeg', pixelWidth: 1200, pixelHeight: 800, colorSpace: 'rgb' });
const picture = (id: string, imageId: string, articleId: string, col = 4): ImageBlock => ({ id, kind: 'image', imageId, caption: `${articleId}的图片说明`, articleId, col, span: 4, row: 40, rows: 20 });

/** Page 1 (broadsheet, 8 columns) holds 甲 with two pictures and 乙 with one; page 2 holds 丙, whose block id is 甲's first picture's. */
function edition(): EditionDocument {
  const page = (n: number) => ({ ...defaultPage('broadsheet'), header: { ...defaultPage('broadsheet').header, pageNumber: String(n).padStart(2, '0') } });
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-03', format: 'broadsheet', jumpStyle: 'ordinal' },
    articles: [article('jia'), article('yi'), article('bing')],
    images: [asset('jia-1'), asset('jia-2'), asset('yi-1')],
    pages: [
      {
        number: 1, name: '要闻', section: '', page: page(1), articles: ['jia', 'yi'], images: ['jia-1', 'jia-2', 'yi-1'],
        blocks: [
          { id: 'a1', kind: 'article', articleId: 'jia', col: 0, span: 8, row: 0, rows: 40 },
          picture('p1', 'jia-1', 'jia'), picture('p2', 'jia-2', 'jia', 0),
          { id: 'a2', kind: 'article', articleId: 'yi', col: 0, span: 8, row: 60, rows: 40 },
          picture('p3', 'yi-1', 'yi'),
        ],
      },
      { number: 2, name: '综合', section: '', page: page(2), articles: ['bing'], images: [], blocks: [{ id: 'p1', kind: 'article', articleId: 'bing', col: 0, span: 8, row: 0, rows: 40 }] },
    ],
    chains: [],
  };
}

/** 甲 taken off page 1, as the server's unplace does: its article block, then its pictures. */
function unplaced(): EditionDocument {
  const ed = edition();
  const off = { ...ed, pages: ed.pages.map((p, i) => (i === 0 ? { ...p, articles: ['yi'], blocks: p.blocks.filter((b) => b.id !== 'a1') } : p)) };
  return picturesToPool(off, 0, 'jia').edition;
}

describe('a story\'s pictures through the pool', () => {
  it('taken back into the pool, its picture blocks leave the page with it and wait in the pool, the edition valid', () => {
    const ed = unplaced();
    expect(ed.pages[0].blocks.map((b) => b.id)).toEqual(['a2', 'p3']);
    expect(ed.pages[0].images).toEqual(['yi-1']);
    expect(ed.poolPictures!.map((b) => [b.id, b.imageId, b.articleId, b.caption])).toEqual([
      ['p1', 'jia-1', 'jia', 'jia的图片说明'],
      ['p2', 'jia-2', 'jia', 'jia的图片说明'],
    ]);
    expect(validateEdition(ed)).toEqual([]);
    // page 1 no longer prints them
    expect(pageDocument(ed, 0).images.map((i) => i.id)).toEqual(['yi-1']);
  });

  it('placed on another page, they arrive with it, its own still (the desk\'s make-up sets them with the story), ids kept apart', () => {
    const before = unplaced();
    const placed = { ...before, pages: before.pages.map((p, i) => (i === 1 ? { ...p, articles: ['bing', 'jia'] } : p)) };
    const r = picturesFromPool(placed, 1, 'jia');
    expect(r.listed).toEqual(['jia-1', 'jia-2']);
    expect(r.edition.poolPictures).toBeUndefined();
    const page2 = pageDocument(r.edition, 1);
    expect(page2.images.map((i) => i.id)).toEqual(['jia-1', 'jia-2']);
    const pictures = page2.blocks.filter((b): b is ImageBlock => b.kind === 'image');
    // page 2's 丙 block is called p1 already: the first picture gets another id
    expect(pictures.map((b) => [b.id, b.imageId, b.articleId, b.caption, b.col, b.span, b.row, b.rows])).toEqual([
      ['p1-2', 'jia-1', 'jia', 'jia的图片说明', 4, 4, 40, 20],
      ['p2', 'jia-2', 'jia', 'jia的图片说明', 0, 4, 40, 20],
    ]);
    expect(validateEdition(r.edition)).toEqual([]);
  });

  it('keeps its size on a narrower page only as far as the grid goes', () => {
    const before = unplaced();
    const narrow = { ...before.pages[1].page, grid: { ...before.pages[1].page.grid, columns: 3 } };
    const placed = { ...before, pages: before.pages.map((p, i) => (i === 1 ? { ...p, page: narrow, blocks: [], articles: ['bing', 'jia'] } : p)) };
    const blocks = picturesFromPool(placed, 1, 'jia').blocks;
    expect(blocks.map((b) => [b.col, b.span])).toEqual([[0, 3], [0, 3]]);
  });

  it('a deleted page\'s stories keep their pictures in the pool, and placing one brings them back', () => {
    const r = deletePage(edition(), 0);
    if (!r.ok) throw new Error(r.en);
    expect(r.edition.poolPictures!.map((b) => [b.id, b.articleId])).toEqual([['p1', 'jia'], ['p2', 'jia'], ['p3', 'yi']]);
    expect(validateEdition(r.edition)).toEqual([]);
    const placed = { ...r.edition, pages: r.edition.pages.map((p) => ({ ...p, articles: [...p.articles, 'yi'] })) };
    const back = picturesFromPool(placed, 0, 'yi');
    expect(back.blocks.map((b) => [b.imageId, b.articleId])).toEqual([['yi-1', 'yi']]);
    expect(back.edition.poolPictures!.map((b) => b.articleId)).toEqual(['jia', 'jia']);
  });

  it('the pooled pictures survive the file and the server\'s entries', () => {
    const ed = unplaced();
    const again = parseEdition(serializeEdition(ed));
    expect(again.ok && again.edition.poolPictures).toEqual(ed.poolPictures);
    expect(editionFromEntries(editionEntries(ed))?.poolPictures).toEqual(ed.poolPictures);
    expect(editionFromEntries(editionEntries(edition()))?.poolPictures).toBeUndefined();
  });

  it('a pooled picture of an article on a page, of no article or not a picture is refused, naming the field', () => {
    const ed = unplaced();
    const onPage = { ...ed, poolPictures: [{ ...ed.poolPictures![0], articleId: 'yi' }] };
    expect(validateEdition(onPage)).toEqual([expect.objectContaining({ path: 'poolPictures[0].articleId', en: expect.stringContaining('on a page') })]);
    const unknown = { ...ed, poolPictures: [{ ...ed.poolPictures![0], articleId: 'nobody' }] };
    expect(validateEdition(unknown)[0]).toMatchObject({ path: 'poolPictures[0].articleId', zh: expect.stringContaining('稿库中没有') });
    const noImage = { ...ed, poolPictures: [{ ...ed.poolPictures![0], imageId: 'gone' }] };
    expect(validateEdition(noImage).map((i) => i.path)).toEqual(['poolPictures[0].imageId']);
    const rule = { ...ed, poolPictures: [{ id: 'r', kind: 'rule', x1: 0, y1: 0, x2: 1, y2: 1, width: 1 }] } as unknown as EditionDocument;
    expect(validateEdition(rule)[0]).toMatchObject({ path: 'poolPictures[0].kind' });
  });
});
