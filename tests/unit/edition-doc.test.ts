import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { editionEntries, editionFromEntries, editionIdOf, hasEdition, keepUnchanged, pageHolding, unplacedArticles } from '../../src-core/edition/shared-edition';
import { readEditionEntries, writeEditionEntries } from '../../src-core/store/edition-doc';
import { editionDocName, parseDocName } from '../../src-core/collab/names';
import { parseRequest } from '../../src-core/collab/protocol';
import type { EditionDocument } from '../../src-core/edition/edition';
import { defaultPage } from '../../src-core/model/defaults';
import type { Article } from '../../src-core/model/document';
import { docFromParagraphs } from '../../src-core/model/richtext';

const article = (id: string): Article => ({ id, kicker: '', headline: id, deck: '', byline: '', bylinePosition: 'top', lead: '', body: docFromParagraphs([`${id}正文。`]), jumpFrom: '', jumpTo: '' });

const readEditionDoc = (doc: Y.Doc) => editionFromEntries(readEditionEntries(doc));
const writeEditionDoc = (doc: Y.Doc, e: EditionDocument) => writeEditionEntries(doc, editionEntries(e));

const edition: EditionDocument = {
  formatVersion: 2,
  edition: { paper: '洛阳日报', date: '2026-12-03', format: 'tabloid', jumpStyle: 'ordinal' },
  articles: ['c', 'a', 'b'].map(article),
  images: [],
  pages: [
    { number: 1, name: '要闻', section: '', page: defaultPage('tabloid'), articles: ['a'], images: [], blocks: [{ id: 'b1', kind: 'article', articleId: 'a', col: 0, span: 4, row: 0, rows: 20 }] },
    { number: 2, name: '综合', section: '', page: defaultPage('tabloid'), articles: [], images: [], blocks: [] },
  ],
  chains: [],
};

describe('the edition document (稿库 on the server)', () => {
  it('reads back what was written, the pool in its own order, on another desk too', () => {
    const doc = new Y.Doc();
    expect(hasEdition(readEditionEntries(doc))).toBe(false);
    expect(readEditionDoc(doc)).toBeUndefined();
    writeEditionDoc(doc, edition);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    expect(readEditionDoc(other)).toEqual(edition);
    expect(unplacedArticles(edition)).toEqual(['c', 'b']);
    expect(pageHolding(edition, 'a')).toBe(1);
    expect(pageHolding(edition, 'b')).toBeUndefined();
  });

  it('a change writes only the entries that changed', () => {
    const doc = new Y.Doc();
    writeEditionDoc(doc, edition);
    const changed: string[] = [];
    const names = new Map(['info', 'pages', 'articles', 'images', 'chains'].map((r) => [doc.getMap<string>(r) as unknown, r]));
    doc.on('afterTransaction', (tr: Y.Transaction) => tr.changed.forEach((keys, type) => keys.forEach((k) => changed.push(`${names.get(type)}:${k}`))));
    const placed = { ...edition, pages: edition.pages.map((p, i) => (i === 1 ? { ...p, articles: ['b'] } : p)) };
    writeEditionDoc(doc, placed);
    expect(changed).toEqual(['pages:1']);
    expect(unplacedArticles(readEditionDoc(doc)!)).toEqual(['c']);
  });

  it('read again, keeps the objects of the entries that did not change (the overview keeps their rows)', () => {
    const first = editionEntries(edition);
    const before = editionFromEntries(first)!;
    const changed = { ...edition, articles: edition.articles.map((a) => (a.id === 'b' ? { ...a, headline: '新题' } : a)), pages: edition.pages.map((p, i) => (i === 1 ? { ...p, articles: ['b'] } : p)) };
    const entries = editionEntries(changed);
    const after = keepUnchanged(editionFromEntries(entries)!, entries, { edition: before, entries: first });
    expect(after).toEqual(changed);
    expect(after.edition).toBe(before.edition);
    expect(after.pages[0]).toBe(before.pages[0]);
    expect(after.pages[1]).not.toBe(before.pages[1]);
    expect(after.articles.map((a, i) => a === before.articles[i])).toEqual([true, true, false]);
  });

  it('is not read when it holds no valid edition', () => {
    const doc = new Y.Doc();
    writeEditionDoc(doc, edition);
    doc.getMap<string>('pages').set('0', '{"number":"one"}');
    expect(readEditionDoc(doc)).toBeUndefined();
  });

  it('has a name of its own beside the pages, from the paper and day', () => {
    const id = editionIdOf(edition)!;
    expect(id).toMatch(/^e20261203-[0-9a-f]{8}$/);
    expect(parseDocName(editionDocName(id))).toEqual({ pageId: id, kind: 'edition' });
    expect(editionIdOf({ ...edition, edition: { ...edition.edition, paper: ' ' } })).toBeUndefined();
  });

  it('its requests are parsed strictly', () => {
    const req = (r: object) => parseRequest(JSON.stringify({ type: 'banmian/request', id: 'r1', ...r }));
    expect(req({ action: 'place', article: 'a', page: 2 })).toEqual({ type: 'banmian/request', id: 'r1', action: 'place', article: 'a', page: 2 });
    expect(req({ action: 'place', article: 'a', page: '2' })).toBeUndefined();
    expect(req({ action: 'moveCut', article: 'a', part: 1, paragraphs: 1.5 })).toBeUndefined();
    expect(req({ action: 'unplace', article: 'x'.repeat(65) })).toBeUndefined();
    expect(req({ action: 'saveEdition' })).toMatchObject({ action: 'saveEdition' });
    expect(req({ action: 'foldEdition' })).toMatchObject({ action: 'foldEdition' });
  });
});
