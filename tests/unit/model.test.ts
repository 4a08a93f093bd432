import { describe, expect, it } from 'vitest';
import { emptyDocument, defaultPage } from '../../src-core/model/defaults';
import { FORMAT_VERSION, type BanmianDocument } from '../../src-core/model/document';
import { gridGeometry } from '../../src-core/model/grid';
import { docFromParagraphs, printableParagraphs } from '../../src-core/model/richtext';
import { migrate, parseDocument, serializeDocument } from '../../src-core/model/serialize';
import { mmToPt, parseSize, ptToMm, ptToZihao, zihaoToPt } from '../../src-core/model/units';
import { validateDocument } from '../../src-core/model/validate';

describe('units', () => {
  it('converts mm and 字号', () => {
    expect(mmToPt(25.4)).toBeCloseTo(72, 10);
    expect(ptToMm(72)).toBeCloseTo(25.4, 10);
    expect(zihaoToPt('小五')).toBe(9);
    expect(zihaoToPt('五号')).toBe(10.5);
    expect(zihaoToPt('初号')).toBe(42);
    expect(zihaoToPt('八号')).toBe(5);
    expect(ptToZihao(7.5)).toBe('六号');
    expect(ptToZihao(11)).toBeUndefined();
    expect(parseSize('小四')).toBe(12);
    expect(parseSize('3mm')).toBeCloseTo(8.5039, 3);
    expect(parseSize('9.5pt')).toBe(9.5);
    expect(parseSize('大号')).toBeUndefined();
  });
});

describe('the character grid (背景格)', () => {
  it('makes broadsheet columns whole 小五 characters with a 1-character gutter', () => {
    const page = defaultPage('broadsheet');
    const g = gridGeometry(page);
    expect(page.format.width).toBeCloseTo(mmToPt(390), 6);
    expect(page.format.height).toBeCloseTo(mmToPt(546), 6);
    expect(g.colWidth).toBe(13 * 9);
    expect(g.gutter).toBe(9);
    expect(g.gridWidth).toBe((8 * 13 + 7) * 9);
    expect(g.pitch).toBe(12);
    // the grid is centred between the page edges
    expect(g.left + g.gridWidth / 2).toBeCloseTo(page.format.width / 2, 6);
    // whole lines: the last line's em box ends inside the bottom margin line
    expect(g.top + g.gridHeight).toBeLessThanOrEqual(page.format.height - page.margins.bottom + 1e-9);
    expect(g.top + g.gridHeight + g.pitch).toBeGreaterThan(page.format.height - page.margins.bottom);
  });

  it('shares the width equally in free mode', () => {
    const page = defaultPage('tabloid');
    page.grid = { ...page.grid, mode: 'free', columns: 6, gutter: 12 };
    const g = gridGeometry(page);
    const width = page.format.width - page.margins.left - page.margins.right;
    expect(g.colWidth * 6 + 12 * 5).toBeCloseTo(width, 6);
  });
});

function sampleDoc(): BanmianDocument {
  const doc = emptyDocument('broadsheet');
  doc.articles.push({ id: 'a1', kicker: '', headline: '标题', deck: '', byline: '', bylinePosition: 'end', lead: '', body: docFromParagraphs(['正文。']), jumpFrom: '', jumpTo: '' });
  doc.blocks.push({ id: 'b1', kind: 'article', articleId: 'a1', col: 0, span: 4, row: 0, rows: 20 });
  return doc;
}

describe('validation', () => {
  it('accepts a good document', () => {
    expect(validateDocument(sampleDoc())).toEqual({ ok: true });
  });

  it('names the field and the value of each problem, in Chinese and English', () => {
    const doc = sampleDoc();
    doc.page.bodySize = -3;
    (doc.blocks[0] as { span: number }).span = 9;
    (doc.blocks[0] as { articleId: string }).articleId = 'nope';
    const v = validateDocument(doc);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const paths = v.issues.map((i) => i.path);
    expect(paths).toContain('page.bodySize');
    expect(paths).toContain('blocks[0].span');
    expect(paths).toContain('blocks[0].articleId');
    const size = v.issues.find((i) => i.path === 'page.bodySize')!;
    expect(size.value).toBe(-3);
    expect(size.zh).toContain('page.bodySize');
    expect(size.zh).toContain('-3');
    expect(size.en).toContain('between 4 and 72');
  });

  it('refuses a grid wider than the page', () => {
    const doc = sampleDoc();
    doc.page.grid.charsPerColumn = 30;
    const v = validateDocument(doc);
    expect(v.ok).toBe(false);
    if (!v.ok) expect(v.issues[0].path).toBe('page.grid');
  });

  it('refuses duplicate article ids and non-numbers', () => {
    const doc = sampleDoc();
    doc.articles.push({ ...doc.articles[0] });
    (doc.page.margins as { top: unknown }).top = 'wide';
    const v = validateDocument(doc);
    expect(v.ok).toBe(false);
    if (!v.ok) {
      expect(v.issues.map((i) => i.path)).toEqual(expect.arrayContaining(['articles[1].id', 'page.margins.top']));
    }
  });
});

describe('serialization', () => {
  it('round-trips a document', () => {
    const doc = sampleDoc();
    const back = parseDocument(serializeDocument(doc));
    expect(back.ok).toBe(true);
    if (back.ok) expect(back.document).toEqual(doc);
  });

  it('fails cleanly on garbage, on a missing version, and on a newer format', () => {
    for (const text of ['', '{', 'null', '[1,2]', '"text"', '{"formatVersion":"x"}']) {
      const r = parseDocument(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) {
        expect(r.zh.length).toBeGreaterThan(4);
        expect(r.en.length).toBeGreaterThan(4);
      }
    }
    const future = parseDocument(JSON.stringify({ ...sampleDoc(), formatVersion: FORMAT_VERSION + 1 }));
    expect(future.ok).toBe(false);
    if (!future.ok) expect(future.zh).toContain('更新版本');
  });

  it('walks the migration table from an older version', () => {
    // A pretend version 0 → 1 step: the hook the loader will use for real format changes.
    const migrations = { 0: (d: Record<string, unknown>) => ({ ...d, renamed: d.old }) };
    const out = migrate({ formatVersion: 0, old: 5 }, migrations, 1);
    expect(out).toEqual({ formatVersion: 1, old: 5, renamed: 5 });
    expect(() => migrate({ formatVersion: 0 }, {}, 1)).toThrow(/no migration from format version 0/);
  });
});

describe('rich text', () => {
  it('prints accepted text only: pending insertions left out, pending deletions kept', () => {
    const paragraphs = printableParagraphs({
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '原文' },
            { type: 'text', text: '新增', marks: [{ type: 'insertion' }] },
            { type: 'text', text: '删去', marks: [{ type: 'deletion' }] },
            { type: 'text', text: '加粗', marks: [{ type: 'bold' }] },
          ],
        },
      ],
    });
    expect(paragraphs[0].spans).toEqual([
      { text: '原文删去', bold: false, italic: false },
      { text: '加粗', bold: true, italic: false },
    ]);
  });
});
