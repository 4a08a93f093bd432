import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { parseDocument, serializeDocument } from '../../src-core/model/serialize';

const base = (): Record<string, any> => JSON.parse(serializeDocument(samplePage()));
const errorOf = (text: string): { zh: string; en: string } => {
  const r = parseDocument(text);
  if (r.ok) throw new Error('expected the page to be refused');
  return r;
};

describe('page validation names the field and the value as the file wrote it', () => {
  it('1e999 is reported as Infinity, "1" with its quotes, a missing field as missing', () => {
    const d = base();
    d.page.bodySize = '@INF@';
    d.page.grid.columns = '8';
    delete d.page.typeset.indent;
    const text = JSON.stringify(d).replace('"@INF@"', '1e999');
    const e = errorOf(text);
    expect(e.en).toContain('page.bodySize: must be a number (got Infinity)');
    expect(e.zh).toContain('page.bodySize：应为数字（当前值 Infinity）');
    expect(e.en).toContain('page.grid.columns: must be a number (got "8")');
    expect(e.en).toContain('page.typeset.indent: must be a number (missing)');
    expect(errorOf(serializeDocument(samplePage()).replace('"formatVersion":1', '"formatVersion":"1"')).en).toContain('formatVersion = "1"');
  });

  it('checks what layout reads beyond the body: typeset, column rules, byline place, picture fields, captions', () => {
    const d = base();
    d.page.columnRules = 'yes';
    d.articles[0].bylinePosition = 'middle';
    d.images[0].mime = 'image/gif';
    const caption = d.blocks.findIndex((b: { kind: string }) => b.kind === 'image');
    d.blocks[caption].caption = 7;
    const e = errorOf(JSON.stringify(d));
    expect(e.en).toContain('page.columnRules: must be true or false (got "yes")');
    expect(e.en).toContain('articles[0].bylinePosition: must be one of top, end (got "middle")');
    expect(e.en).toContain('images[0].mime: must be one of image/jpeg, image/png (got "image/gif")');
    expect(e.en).toContain(`blocks[${caption}].caption: must be a string (got 7)`);
  });

  it('refuses 100,000 blocks and a nesting bomb in well under a second', () => {
    const d = base();
    d.blocks = Array.from({ length: 100_000 }, (_, i) => ({ ...d.blocks[i % d.blocks.length], id: `b${i}` }));
    const flood = JSON.stringify(d);
    expect(flood.length).toBeGreaterThan(9_500_000); // about 10 MB
    const bomb = `{"formatVersion":1,"page":${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}}`;
    const start = performance.now();
    expect(errorOf(flood).en).toContain('blocks: holds more than 5000 entries (got 100000)');
    expect(errorOf(bomb).en).toContain('nests deeper than 64 levels');
    // ~0.1 s here; the bound is loose for a noisy machine: the old code took minutes and ran out of memory
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
