import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from '@cantoo/pdf-lib';
import { describe, expect, it } from 'vitest';
import { exportPdf } from '../../src-core/pdf';
import { serializeDocument } from '../../src-core/model/serialize';
import { Editor } from '../../src-renderer/editor/editor';
import { restacked } from '../../src-renderer/editor/arrange';
import { drawingLayers } from '../../src-renderer/canvas/svg-painter';
import { cleanPage } from '../fixtures/pdf/pages';
import { fonts } from './support';

/** 上移一层/下移一层/置于顶层/置于底层: the stacking order, kept in the page file and drawn so by the PDF. */

describe('restacked (pure)', () => {
  // a overlaps b and d; c overlaps nothing
  const touching = new Set(['a|b', 'b|a', 'a|d', 'd|a']);
  const overlap = (x: string, y: string) => touching.has(`${x}|${y}`);
  const order = ['a', 'b', 'c', 'd'];
  it('one step forward goes past the next block above that overlaps, not one it does not touch', () => {
    expect(restacked(order, ['a'], 'forward', overlap)).toEqual(['b', 'a', 'c', 'd']);
    expect(restacked(['b', 'a', 'c', 'd'], ['a'], 'forward', overlap)).toEqual(['b', 'c', 'd', 'a']);
    expect(restacked(['b', 'c', 'd', 'a'], ['a'], 'forward', overlap)).toEqual(['b', 'c', 'd', 'a']);
    expect(restacked(order, ['d'], 'backward', overlap)).toEqual(['d', 'a', 'b', 'c']);
    expect(restacked(order, ['c'], 'backward', overlap)).toEqual(order);
  });
  it('to the front or the back, the selected keeping their order among themselves', () => {
    expect(restacked(order, ['c', 'a'], 'front', overlap)).toEqual(['b', 'd', 'a', 'c']);
    expect(restacked(order, ['d', 'b'], 'back', overlap)).toEqual(['b', 'd', 'a', 'c']);
  });
});

function pageContent(bytes: Uint8Array): Promise<string> {
  return PDFDocument.load(bytes, { updateMetadata: false }).then((pdf) => {
    const stream = pdf.getPage(0).node.lookup(PDFName.of('Contents')) as PDFRawStream;
    return Buffer.from(decodePDFRawStream(stream).decode()).toString('latin1');
  });
}

/** Text the PDF shows (Tj/TJ) before it draws the picture: what lies under it. */
async function textObjectsUnderPicture(e: Editor): Promise<number> {
  const r = await exportPdf(e.getState().layout!, { fonts, createdAt: new Date('2026-01-01T00:00:00Z'), images: e.getState().doc.images });
  if (!r.ok) throw new Error(r.en);
  const content = await pageContent(r.bytes);
  const picture = content.search(/\/\S+ Do\b/);
  expect(picture).toBeGreaterThan(0);
  return content.slice(0, picture).match(/\bT[jJ]\b/g)?.length ?? 0;
}

describe('z order on the editor', () => {
  it('下移一层 puts the picture under the article it overlaps: the page file’s order, the layout and the PDF follow; one undo step', async () => {
    const e = new Editor(fonts, cleanPage(), { path: null, title: 'z' });
    const ids = () => e.getState().doc.blocks.map((b) => b.id);
    const before = ids();
    expect(before.indexOf('b-anle-photo')).toBeGreaterThan(before.indexOf('b-anle'));
    const over = await textObjectsUnderPicture(e);
    e.select('b-anle-photo');
    e.restack('backward');
    const after = ids();
    expect(after.indexOf('b-anle-photo')).toBe(after.indexOf('b-anle') - 1);
    // the saved page keeps the order
    expect(JSON.parse(serializeDocument(e.getState().doc)).blocks.map((b: { id: string }) => b.id)).toEqual(after);
    // the layout draws the picture before the article's lines, and so does the PDF
    const items = e.getState().layout!.items;
    const picture = items.findIndex((i) => i.kind === 'image');
    const anle = e.block('b-anle');
    const firstLine = items.findIndex((i) => i.kind === 'glyphs' && anle?.kind === 'article' && i.source?.owner === anle.articleId);
    expect(firstLine).toBeGreaterThan(0);
    expect(picture).toBeLessThan(firstLine);
    expect(await textObjectsUnderPicture(e)).toBeLessThan(over);
    e.undo();
    expect(ids()).toEqual(before);
  });

  it('says so when nothing overlapping is there to pass; refused read-only', () => {
    const e = new Editor(fonts, cleanPage(), { path: null, title: 'z' });
    const before = e.getState().doc.blocks.map((b) => b.id);
    e.select('b-anle-photo');
    e.restack('forward');
    expect(e.getState().notice?.zh).toMatch(/^层次未变/);
    e.setReadOnly({ zh: '校对模式下不能改版面', en: 'Read-only in proof mode', signed: false });
    e.restack('back');
    expect(e.getState().notice?.zh).toBe('校对模式下不能改版面');
    expect(e.getState().doc.blocks.map((b) => b.id)).toEqual(before);
  });
});

describe('the canvas draws the stacking order as the PDF does', () => {
  it('a picture drawn after text it covers gets a layer above that text; sent under it, the page’s layer', () => {
    const e = new Editor(fonts, cleanPage(), { path: null, title: 'z' });
    const layerOfPicture = () => {
      const items = e.getState().layout!.items;
      return drawingLayers(items)[items.findIndex((i) => i.kind === 'image')];
    };
    const order = () => [...new Set(drawingLayers(e.getState().layout!.items))];
    // wrapped around, no text lies under the picture: the page's layer does
    expect(layerOfPicture()).toBe('page');
    // printed over the text (文字绕排: 无), after its article: a layer of its own above the article's
    e.editBlock('b-anle-photo', { wrap: 'none' });
    expect(layerOfPicture()).toBe('picture:anle-photo:1');
    const anle = e.block('b-anle')!;
    const articleLayer = `owner:${anle.kind === 'article' ? anle.articleId : ''}`;
    expect(order().indexOf('picture:anle-photo:1')).toBeGreaterThan(order().indexOf(articleLayer));
    e.select('b-anle-photo');
    e.restack('back');
    expect(layerOfPicture()).toBe('page');
  });
});
