import { describe, expect, it } from 'vitest';
import type { EditionDocument } from '../../src-core/edition/edition';
import { parseEdition } from '../../src-core/edition/edition-file';
import type { Article, ImageAsset, ImageBlock } from '../../src-core/model/document';
import type { PageStore } from '../../src-core/store/page-store';
import { storyArticle, tabloidPage as page } from '../support/edition-sample';
import { editionDesk, serverSuite, until, type SuitePerson } from './support';

/**
 * A story's pictures travel with it through the shared pool (issue 17: a 组版 expects placing a
 * story to bring its pictures, as 飞腾/InDesign do). Two desks on two pages of one edition through a
 * real server: A takes 图片稿 back into the pool and its picture leaves page 1; B places it on page 2
 * and the picture arrives there, still the story's (so 组版 sets it with its text), and the saved
 * edition has it on page 2 only.
 */

const suite = serverSuite('banmian-edition-pool-pictures-');

const article = (id: string): Article => storyArticle(id, [`${id}第一段。`]);
const photo: ImageAsset = { id: 'tu-1', name: 'tu.jpg', mime: 'image/jpeg', pixelWidth: 1200, pixelHeight: 800, colorSpace: 'rgb' };
const photoBlock: ImageBlock = { id: 'tu-pic', kind: 'image', imageId: 'tu-1', caption: '图片稿的图片说明', articleId: 'tupian', col: 0, span: 3, row: 25, rows: 15 };

function edition(): EditionDocument {
  return {
    formatVersion: 2,
    edition: { paper: '洛阳日报', date: '2026-12-10', format: 'tabloid', jumpStyle: 'ordinal' },
    articles: [article('yaowen'), article('tupian'), article('zonghe')],
    images: [photo],
    pages: [
      {
        number: 1, name: '要闻', section: '', page: page(1), articles: ['yaowen', 'tupian'], images: ['tu-1'],
        blocks: [{ id: 'b1', kind: 'article', articleId: 'yaowen', col: 0, span: 4, row: 0, rows: 20 }, { id: 'b-tu', kind: 'article', articleId: 'tupian', col: 0, span: 4, row: 20, rows: 30 }, photoBlock],
      },
      { number: 2, name: '综合', section: '', page: page(2), articles: ['zonghe'], images: [], blocks: [{ id: 'b2', kind: 'article', articleId: 'zonghe', col: 0, span: 4, row: 0, rows: 20 }] },
    ],
    chains: [],
  };
}

const desk = (ed: EditionDocument, index: number, who: SuitePerson) => editionDesk(suite, ed, index, who);

const pictures = (store: PageStore) => store.snapshot().blocks.filter((b): b is ImageBlock => b.kind === 'image');


describe('a story\'s pictures through the shared pool (two desks, two pages)', () => {
  it('taken back, its picture leaves page 1 with it; placed on page 2, the picture arrives there, still the story\'s; the file has it on page 2 only', async () => {
    const ed = edition();
    const a = await desk(ed, 0, 'layout');
    expect(await a.edition.seed(ed)).toEqual({ ok: true });
    const b = await desk(ed, 1, 'layout2');

    expect(await a.edition.unplace('tupian')).toEqual({ ok: true });
    await until('page 1 loses the story and its picture', () => !a.store.articleIds().includes('tupian') && pictures(a.store).length === 0);
    expect(a.store.snapshot().images.map((i) => i.id)).toEqual([]);
    await until('B sees it unplaced', () => b.edition.unplaced().includes('tupian'));

    expect(await b.edition.place('tupian', 2)).toEqual({ ok: true });
    await until('the picture arrives on page 2', () => b.store.articleIds().includes('tupian') && pictures(b.store).length === 1);
    const [arrived] = pictures(b.store);
    expect([arrived.imageId, arrived.articleId, arrived.caption, arrived.span, arrived.rows]).toEqual(['tu-1', 'tupian', '图片稿的图片说明', 3, 15]);
    expect(b.store.snapshot().images.map((i) => i.id)).toEqual(['tu-1']);

    const result = await a.edition.save();
    if (!result.ok) throw new Error(result.en);
    const parsed = parseEdition(result.edition!, { duplicateNumbers: 'allow' });
    if (!parsed.ok) throw new Error(parsed.en);
    const file = parsed.edition;
    expect(file.pages.map((p) => p.blocks.filter((x) => x.kind === 'image').map((x) => (x as ImageBlock).articleId))).toEqual([[], ['tupian']]);
    expect(file.pages.map((p) => p.images)).toEqual([[], ['tu-1']]);
    expect(file.poolPictures).toBeUndefined();
  });
});
