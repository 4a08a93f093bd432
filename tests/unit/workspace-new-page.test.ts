import { describe, expect, it } from 'vitest';
import { gridGeometry } from '../../src-core/model/grid';
import { ptToMm } from '../../src-core/model/units';
import { newPageDocument, presetSpec } from '../../src-renderer/files/new-page';

/** 新建版面 from a preset or a custom size: the grid fits and is centred, or the page is refused. */
describe('new page from a preset', () => {
  it('对开 and 四开 give the presets’ page size and grid', () => {
    const big = newPageDocument(presetSpec('broadsheet'));
    expect(big.ok).toBe(true);
    if (!big.ok) return;
    expect(ptToMm(big.doc.page.format.width)).toBeCloseTo(390, 6);
    expect([big.doc.page.grid.columns, big.doc.page.grid.charsPerColumn]).toEqual([8, 13]);
    const small = newPageDocument(presetSpec('tabloid'));
    expect(small.ok && [ptToMm(small.doc.page.format.height), small.doc.page.grid.columns]).toEqual([390, 5]);
  });

  it('a custom size and grid is centred between the side margins', () => {
    const r = newPageDocument({ preset: 'custom', widthMm: 300, heightMm: 420, columns: 6, charsPerColumn: 12 });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const p = r.doc.page;
    expect(p.format.name).toBe('custom');
    expect(p.margins.left).toBeCloseTo(p.margins.right, 9);
    const geo = gridGeometry(p);
    expect(geo.columns).toBe(6);
    expect(geo.colWidth).toBeCloseTo(12 * p.bodySize, 9);
    expect(geo.left + geo.gridWidth + p.margins.right).toBeCloseTo(p.format.width, 6);
  });

  it('refuses a grid wider than the page, saying how wide the page must be', () => {
    const r = newPageDocument({ preset: 'custom', widthMm: 200, heightMm: 300, columns: 8, charsPerColumn: 13 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.zh).toMatch(/版宽至少需要 \d+ mm/);
    expect(newPageDocument({ preset: 'custom', widthMm: 300, heightMm: 300, columns: 0, charsPerColumn: 13 }).ok).toBe(false);
  });
});
