import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { samplePage } from '../../bench/pages';
import type { BanmianDocument } from '../../src-core/model/document';
import { docFromParagraphs, printableParagraphs, removedParagraphs, type RichDoc } from '../../src-core/model/richtext';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { bodyUpdateProblem } from '../../src-core/collab/body-update';
import { articleDocFrom, readArticleBody } from '../../src-core/store/ydocs';
import { pageStoreFromFile, serializePage } from '../../src-core/store/persist';

/** The sample page with the second and fourth paragraphs of 谢峰's article marked 可删 (by hand, as the file holds it). */
function markedPage(): BanmianDocument {
  const doc = samplePage();
  const body = doc.articles.find((a) => a.id === 'xie-feng')!.body;
  body.content[1] = { ...body.content[1], attrs: { cuttable: true } };
  body.content[3] = { ...body.content[3], attrs: { cuttable: true } };
  return doc;
}

const marks = (body: RichDoc) => body.content.map((p) => p.attrs?.cuttable === true);

describe('the 可删 (cuttable) paragraph mark in the model', () => {
  it('survives save and open through the page store (Yjs documents) and the file', () => {
    const { store } = pageStoreFromFile(markedPage());
    const reopened = parseDocument(serializePage(store));
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    const body = reopened.document.articles.find((a) => a.id === 'xie-feng')!.body;
    expect(marks(body)).toEqual([false, true, false, true, false, false]);
    // Unmarked paragraphs keep their shape: no attrs written for them.
    expect(body.content[0]).not.toHaveProperty('attrs');
    const again = pageStoreFromFile(reopened.document).store.snapshot();
    expect(marks(again.articles.find((a) => a.id === 'xie-feng')!.body)).toEqual([false, true, false, true, false, false]);
  });

  it('travels to another desk as a Yjs update of the article document', () => {
    const article = markedPage().articles.find((a) => a.id === 'xie-feng')!;
    const here = articleDocFrom(article);
    const there = new Y.Doc();
    Y.applyUpdate(there, Y.encodeStateAsUpdate(here));
    expect(marks(readArticleBody(there))).toEqual([false, true, false, true, false, false]);
    // The collaboration server's body check lets the mark through.
    const before = articleDocFrom(samplePage().articles.find((a) => a.id === 'xie-feng')!);
    const vector = Y.encodeStateVector(before);
    const marked = new Y.Doc();
    Y.applyUpdate(marked, Y.encodeStateAsUpdate(before));
    (marked.getXmlFragment('body').get(1) as Y.XmlElement).setAttribute('cuttable', true as unknown as string);
    expect(bodyUpdateProblem(before, Y.encodeStateAsUpdate(marked, vector))).toBeUndefined();
  });

  it('refuses a mark that is not true or false, naming the field in Chinese and English', () => {
    const doc = samplePage();
    const body = doc.articles[1].body;
    body.content[2] = { ...body.content[2], attrs: { cuttable: 'yes' as unknown as boolean } };
    const r = parseDocument(serializeDocument(doc));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues?.[0].path).toBe('articles[1].body.content[2].attrs.cuttable');
    expect(r.zh).toContain('可删');
    expect(r.en).toContain('cuttable');
    expect(r.en).toContain('true or false');
  });

  it('is never printed: the printable text of a marked body is the unmarked one', () => {
    const plain = samplePage().articles.find((a) => a.id === 'xie-feng')!.body;
    const marked = markedPage().articles.find((a) => a.id === 'xie-feng')!.body;
    expect(printableParagraphs(marked)).toEqual(printableParagraphs(plain));
  });
});

describe('removedParagraphs (which paragraphs a cut article left out)', () => {
  const doc = (texts: string[]) => docFromParagraphs(texts);
  it('names the paragraphs removed whole, and nothing when the text changed otherwise', () => {
    expect(removedParagraphs(doc(['a', 'b', 'c', 'd']), doc(['a', 'c']))).toEqual([1, 3]);
    expect(removedParagraphs(doc(['a', 'b']), doc(['a', 'b']))).toEqual([]);
    expect(removedParagraphs(doc(['a', 'b']), doc(['a', 'x']))).toBeUndefined();
    expect(removedParagraphs(doc(['a']), doc(['a', 'b']))).toBeUndefined();
  });
});
