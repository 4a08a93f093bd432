import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { layout } from '../../src-core/layout/layout';
import { makeUp } from '../../src-core/makeup';
import type { AdBlock, BanmianDocument } from '../../src-core/model/document';
import { emptyDocument } from '../../src-core/model/defaults';
import { gridGeometry, rectOf } from '../../src-core/model/grid';
import { docFromParagraphs } from '../../src-core/model/richtext';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { pageToSvg } from '../../src-core/svg/page-svg';
import { bytesToBase64 } from '../../src-core/model/base64';
import { fonts } from './support';

function pageWithAd(ad: Partial<AdBlock> = {}): BanmianDocument {
  const doc = emptyDocument('tabloid');
  const geo = gridGeometry(doc.page);
  doc.blocks.push({ id: 'ad1', kind: 'ad', advertiser: '洛阳老字号酱菜', col: geo.columns - 3, span: 3, row: geo.rows - 20, rows: 20, locked: true, ...ad } as AdBlock);
  return doc;
}

const inside = (f: { x: number; y: number; width: number; height: number }, x: number, y: number): boolean =>
  x >= f.x - 0.01 && x <= f.x + f.width + 0.01 && y >= f.y - 0.01 && y <= f.y + f.height + 0.01;

describe('ads (广告) on the page', () => {
  it('an ad block saves and opens again; a bad one is refused naming its field', () => {
    const doc = pageWithAd();
    const back = parseDocument(serializeDocument(doc));
    expect(back.ok && back.document.blocks[0]).toEqual(doc.blocks[0]);
    const bad = JSON.parse(serializeDocument(doc));
    bad.blocks[0].advertiser = 7;
    bad.blocks[0].imageId = 'nope';
    const r = parseDocument(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    const paths = r.ok ? [] : (r.issues ?? []).map((i) => i.path);
    expect(paths).toContain('blocks[0].advertiser');
    expect(paths).toContain('blocks[0].imageId');
  });

  it('without artwork: a frame with the advertiser\'s name and 广告, all inside the ad', () => {
    const doc = pageWithAd();
    const pl = layout(doc, { fonts });
    const frame = rectOf(gridGeometry(doc.page), doc.blocks[0] as AdBlock);
    const runs = pl.items.filter((i) => i.kind === 'glyphs' && i.source?.owner === 'ad1');
    const text = runs.map((r) => (r.kind === 'glyphs' ? r.text : '')).join('');
    expect(text).toBe('广告洛阳老字号酱菜');
    for (const r of runs) if (r.kind === 'glyphs') for (const x of r.xs) expect(inside(frame, x, r.y)).toBe(true);
    expect(pl.items.some((i) => i.kind === 'box' && i.strokeWidth > 0 && Math.abs(i.x - frame.x) < 0.01 && Math.abs(i.width - frame.width) < 0.01)).toBe(true);
    expect(pl.frames.find((f) => f.blockId === 'ad1')?.kind).toBe('ad');
    expect(pageToSvg(pl, { fontFamily: () => 'x' })).toContain('洛阳老字号酱菜');
  });

  it('with artwork: the whole picture fitted inside the frame, no placeholder text', () => {
    const doc = pageWithAd({ imageId: 'art' });
    const bytes = readFileSync('tests/fixtures/pdf/photo-rgb.jpg');
    doc.images.push({ id: 'art', name: 'art.jpg', mime: 'image/jpeg', pixelWidth: 0, pixelHeight: 0, colorSpace: 'rgb', data: bytesToBase64(new Uint8Array(bytes)) });
    // a 4:3 picture in a tall frame: fitted, it keeps its proportions inside the frame
    doc.images[0].pixelWidth = 400;
    doc.images[0].pixelHeight = 300;
    const pl = layout(doc, { fonts });
    const frame = rectOf(gridGeometry(doc.page), doc.blocks[0] as AdBlock);
    const img = pl.items.find((i) => i.kind === 'image');
    expect(img && img.kind === 'image' && img.picture).toBeTruthy();
    if (img?.kind !== 'image' || !img.picture) return;
    expect(img.picture.x).toBeGreaterThanOrEqual(frame.x - 0.01);
    expect(img.picture.x + img.picture.width).toBeLessThanOrEqual(frame.x + frame.width + 0.01);
    expect(img.picture.y + img.picture.height).toBeLessThanOrEqual(frame.y + frame.height + 0.01);
    expect(img.picture.width / img.picture.height).toBeCloseTo(4 / 3, 3);
    expect(pl.items.some((i) => i.kind === 'glyphs' && i.source?.owner === 'ad1')).toBe(false);
  });

  it('make-up works around a locked ad: no article block takes its cells', () => {
    const doc = pageWithAd();
    const para = '市政府召开常务会议，研究部署今冬明春城市运行保障工作，要求各部门压实责任，确保群众温暖过冬。'.repeat(6);
    for (let i = 1; i <= 5; i++) doc.articles.push({ id: `a${i}`, kicker: '', headline: `第${i}篇稿件的标题`, deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs([para, para]), jumpFrom: '', jumpTo: '' });
    const r = makeUp({ document: doc, options: { alternatives: 1 } }, { fonts });
    const alt = r.alternatives[0];
    const ad = alt.document.blocks.find((b) => b.kind === 'ad') as AdBlock;
    expect(ad).toMatchObject({ col: doc.blocks[0].kind === 'ad' ? doc.blocks[0].col : -1 });
    const placed = alt.document.blocks.filter((b) => b.kind === 'article');
    expect(placed.length).toBeGreaterThan(0);
    for (const b of placed) if (b.kind === 'article') expect(b.col < ad.col + ad.span && ad.col < b.col + b.span && b.row < ad.row + ad.rows && ad.row < b.row + b.rows).toBe(false);
  });
});
