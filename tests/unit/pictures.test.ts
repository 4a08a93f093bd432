import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import type { ImageAsset, ImageBlock } from '../../src-core/model/document';
import type { ImageItem } from '../../src-core/layout/page-layout';
import { mergeImportedImages } from '../../src-core/model/image-ids';
import { Editor } from '../../src-renderer/editor/editor';
import { draggedScale } from '../../src-renderer/editor/block-geometry';
import { dropPicture } from '../../src-renderer/pictures/picture-drag';
import { pictureEntries, pictureFrameAt, placedPpi } from '../../src-renderer/pictures/picture-list';
import { fonts } from './support';

/** 图片 list, 置入 and placing by drop: the sample's photo frame (b-anle-photo) is a placeholder (no picture data). */

const photo: ImageAsset = { id: 'p1', name: '会场', mime: 'image/jpeg', pixelWidth: 3000, pixelHeight: 2000, colorSpace: 'rgb', data: '/9j/AAAA' };

function editorWithPhoto(): Editor {
  const e = new Editor(fonts, samplePage(), { path: null, title: 'p' });
  e.addArticles([], [photo]);
  return e;
}

const frameOf = (e: Editor, id: string) => e.getState().layout!.frames.find((f) => f.blockId === id)!;
const block = (e: Editor, id: string) => e.getState().doc.blocks.find((b) => b.id === id) as ImageBlock;

describe('图片 list', () => {
  it('lists every picture with where it is placed, or none; a picture without data is a placeholder', () => {
    const entries = pictureEntries(editorWithPhoto().getState().doc);
    expect(entries.map((x) => [x.asset.id, x.placeholder, x.places.map((p) => p.blockId)])).toEqual([
      ['anle-photo', true, ['b-anle-photo']],
      ['p1', false, []],
    ]);
    expect(entries[0].places[0].zh).toBe('图片“安乐街道社区工作人员向沿…”');
  });

  it('names an article’s 压题图 and an ad’s artwork as places too', () => {
    const doc = samplePage();
    doc.images.push(photo);
    doc.blocks = doc.blocks.map((b) => (b.id === 'b-anle' ? { ...b, titleImage: { imageId: 'p1', text: 'white' } } : b.id === 'ad-1' ? { ...b, imageId: 'p1' } : b));
    const p1 = pictureEntries(doc).find((x) => x.asset.id === 'p1')!;
    expect(p1.places.map((p) => [p.blockId, p.zh.slice(0, 3)])).toEqual([
      ['ad-1', '广告“'],
      ['b-anle', '压题图'],
    ]);
  });

  it('effective ppi is the picture’s pixels over its placed size in inches (3000 px over 10 in: 300 ppi)', () => {
    const item: ImageItem = { kind: 'image', imageId: 'p1', x: 0, y: 0, width: 360, height: 240, picture: { x: -180, y: -120, width: 720, height: 480 } };
    expect(placedPpi(photo, item)).toBe(300);
    expect(placedPpi(photo, { ...item, picture: undefined })).toBeUndefined();
    expect(placedPpi({ ...photo, pixelWidth: 0 }, item)).toBeUndefined();
  });
});

describe('placing a picture from the list', () => {
  it('dropped on a frame it goes in (置入), fitted whole and the crop reset: one undo step', () => {
    const e = editorWithPhoto();
    const f = frameOf(e, 'b-anle-photo');
    expect(pictureFrameAt(e.getState().layout, f.x + 5, f.y + 5)?.blockId).toBe('b-anle-photo');
    e.editBlock('b-anle-photo', { scale: 1.5, offsetX: 0.1 });
    dropPicture(e, 'p1', f.x + f.width / 2, f.y + f.height / 2);
    const b = block(e, 'b-anle-photo');
    expect([b.imageId, b.fit, b.scale, b.offsetX]).toEqual(['p1', 'fit', undefined, undefined]);
    expect(e.getState().selection).toBe('b-anle-photo');
    // Fitted whole inside the frame: the picture is no wider and no taller than the frame.
    const item = e.getState().layout!.items.find((i): i is ImageItem => i.kind === 'image' && i.imageId === 'p1')!;
    expect(item.picture!.width).toBeLessThanOrEqual(item.width + 1e-6);
    expect(item.picture!.height).toBeLessThanOrEqual(item.height + 1e-6);
    expect(pictureEntries(e.getState().doc).find((x) => x.asset.id === 'p1')!.places.map((p) => p.blockId)).toEqual(['b-anle-photo']);
    e.undo();
    expect([block(e, 'b-anle-photo').imageId, block(e, 'b-anle-photo').scale]).toEqual(['anle-photo', 1.5]);
  });

  it('dropped elsewhere it becomes a picture block two columns wide at the grid cell, as deep as its proportions: one undo step', () => {
    const e = editorWithPhoto();
    const geo = e.getState().geo;
    const before = e.getState().doc.blocks.length;
    // A point inside column 1, a little below line 40.
    dropPicture(e, 'p1', geo.left + 126 + 30, geo.top + 40 * 12 + 2);
    const blocks = e.getState().doc.blocks;
    expect(blocks).toHaveLength(before + 1);
    const b = blocks[blocks.length - 1] as ImageBlock;
    expect([b.kind, b.imageId, b.col, b.row, b.span, b.caption]).toEqual(['image', 'p1', 1, 40, 2, '会场']);
    // 243 pt wide at 3:2 is 162 pt of picture, a 10 pt caption line and 3 pt under it: 175 pt;
    // 15 lines reach 14 × 12 + 9 = 177 pt (14 lines only 165).
    expect(b.rows).toBe(15);
    expect(e.getState().selection).toBe(b.id);
    e.undo();
    expect(e.getState().doc.blocks).toHaveLength(before);
  });
});

describe('pictures imported with the id of one the page has', () => {
  it('a different picture under the same id (two files called image.png) gets an id of its own; the first stays', () => {
    const e = editorWithPhoto();
    const other: ImageAsset = { ...photo, pixelWidth: 800, pixelHeight: 600, data: '/9j/BBBB' };
    const [id] = e.importAndPlace([], [other], { col: 1, row: 40 });
    const images = e.getState().doc.images;
    expect(images.find((i) => i.id === 'p1')!.data).toBe('/9j/AAAA');
    const renamed = images.filter((i) => i.data === '/9j/BBBB');
    expect(renamed).toHaveLength(1);
    expect(renamed[0].id).not.toBe('p1');
    expect(block(e, id).imageId).toBe(renamed[0].id);
  });

  it('ids are numbered on past every one taken, within one import too', () => {
    const a = { ...photo, data: 'A' };
    const b = { ...photo, data: 'B' };
    const c = { ...photo, data: 'C' };
    const { added, ids } = mergeImportedImages([a, { ...photo, id: 'p1-2', data: 'X' }], [b, c, { ...a }]);
    expect(added.map((i) => [i.id, i.data])).toEqual([
      ['p1-3', 'B'],
      ['p1-4', 'C'],
    ]);
    expect(ids).toEqual(['p1-3', 'p1-4', 'p1']);
  });

  it('the same picture again (same id, same bytes) is not stored twice', () => {
    const e = editorWithPhoto();
    e.importAndPlace([], [{ ...photo }], { col: 1, row: 40 });
    expect(e.getState().doc.images.filter((i) => i.data === photo.data)).toHaveLength(1);
  });
});

describe('scaling a picture by its corner handle', () => {
  it('the corner moving d widens the picture by 2d about its centre; the larger ratio wins; within 0.1–10', () => {
    const picture = { width: 200, height: 100 };
    // 50 pt right: 300/200 = 1.5; 10 pt down: 120/100 = 1.2 — 1.5 wins.
    expect(draggedScale({}, picture, 50, 10)).toEqual({ scale: 1.5 });
    expect(draggedScale({ scale: 2 }, picture, -50, -25)).toEqual({ scale: 1 });
    expect(draggedScale({}, picture, -1000, -1000)).toEqual({ scale: 0.1 });
    expect(draggedScale({ scale: 8 }, picture, 400, 0)).toEqual({ scale: 10 });
    expect(draggedScale({ scale: 1.2 }, { width: 0, height: 0 }, 10, 10)).toEqual({ scale: 1.2 });
  });
});
