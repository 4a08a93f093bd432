import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { samplePage } from '../../bench/pages';
import { KinsokuResolution } from '../../src-core/typeset/compose';
import { isProhibitedLineEnd, isProhibitedLineStart } from '../../src-core/typeset/kinsoku';
import { compose, fonts, lineTexts, lineXs, options, song10 } from './support';

// Body text at 10 pt, so 1 em = 10 pt and a column of N characters is N * 10 pt wide.
// Every expected break below was worked out by hand from the rules it names.

describe('kinsoku (clreq line-start and line-end prohibitions)', () => {
  it('pushes the last character along when 。 would start a line and squeezing cannot make room', () => {
    // 10 characters fill the line; 。 after them may not start the next one, and its blank half
    // (0.5 em) is all the squeeze there is, short of the 1 em needed: 十 moves down with it.
    const cp = compose('一二三四五六七八九十。一二三四五', options(10));
    expect(lineTexts(cp)).toEqual(['一二三四五六七八九', '十。一二三四五']);
    expect(cp.lines[0].kinsoku).toBe(KinsokuResolution.Push);
    // the pushed line is justified: 1 em spread over 8 gaps
    expect(cp.lines[0].expansion).toBeCloseTo(0.125, 6);
  });

  it('squeezes punctuation first when that makes the prohibited mark fit', () => {
    // 一…九 fill 10 em with ，; 。 would start the next line. Squeezing ， and 。 by half each
    // gives exactly the 1 em needed, which beats pushing 九 down (1 em over 8 gaps).
    const cp = compose('一二三四五六七，八九。十一二', options(10));
    expect(lineTexts(cp)).toEqual(['一二三四五六七，八九。', '十一二']);
    expect(cp.lines[0].kinsoku).toBe(KinsokuResolution.Squeeze);
    const xs = lineXs(cp, 0);
    // ， is squeezed to half width: 八 follows it 5 pt later, and 。 ends at the column edge.
    expect(xs[8] - xs[7]).toBeCloseTo(5, 6);
    expect(xs[10] + 5).toBeCloseTo(100, 6);
  });

  it('never ends a line with an opening quotation mark', () => {
    const cp = compose('一二三四五六七八九“十一二三四五”', options(10));
    expect(lineTexts(cp)).toEqual(['一二三四五六七八九', '“十一二三四五”']);
  });

  it('keeps ！” together and breaks after the closing quote (LB19a as Chinese needs it)', () => {
    const cp = compose('他说：“好！”然后走了很久很久的路', options(10));
    // ： and ！ give up their blank halves to the marks after them: exactly 10 em.
    expect(lineTexts(cp)).toEqual(['他说：“好！”然后走了', '很久很久的路']);
  });

  it('never splits —— and never starts a line with it', () => {
    const cp = compose('一二三四五六七八九——十一二三', options(10));
    expect(lineTexts(cp)).toEqual(['一二三四五六七八', '九——十一二三']);
    // The only fit leaves 2 em over 7 gaps: looser than ¼ em, and reported as such.
    expect(cp.lines[0].expansion).toBeGreaterThan(0.25);
  });

  it('produces no prohibited line start or end over real text at several measures', () => {
    const text =
      '“市委十二届五次全会暨市委经济工作会议目标振奋人心、思路明确清晰、措施扎实有力。”日前，涧西区委书记、高新区党工委书记谢峰在接受洛报融媒记者专访时说，将锚定“重振涧西区、重塑高新区”总目标，坚持稳中求进工作总基调和“产业兴区、创新引领”总策略，扭住“三项重点工作”，用好“三个重要抓手”，深入实施“八大提升行动”……以高质量发展的良好成效展现勇挑大梁的应有担当（见图）。';
    for (let chars = 7; chars <= 25; chars++) {
      const cp = compose(text, options(chars, { indent: 2 }));
      const lines = lineTexts(cp);
      expect(lines.join('')).toBe(text);
      lines.forEach((line, i) => {
        if (i > 0) expect(isProhibitedLineStart(line.codePointAt(0)!), `${chars}: ${line}`).toBe(false);
        if (i < lines.length - 1) expect(isProhibitedLineEnd(line.codePointAt(line.length - 1)!), `${chars}: ${line}`).toBe(false);
      });
    }
  });
});

describe('punctuation compression', () => {
  it('。” : the full stop gives up its blank half', () => {
    const cp = compose('好。”好', options(20, { align: 'left' }));
    expect(lineXs(cp, 0)).toEqual([0, 10, 15, 25]);
  });

  it('（“好”）: the inner marks give up the blank halves that face each other', () => {
    const cp = compose('（“好”）', options(20, { align: 'left' }));
    // （ full (0–10); “ drawn 5 pt early so its ink follows （ closely; ” compressed before ）.
    expect(lineXs(cp, 0)).toEqual([0, 5, 15, 25, 30]);
  });

  it('compresses opening marks at line start only when asked', () => {
    const plain = compose('“好”', options(20, { align: 'left' }));
    const squeezed = compose('“好”', options(20, { align: 'left', compressLineStartOpening: true }));
    expect(lineXs(plain, 0)[0]).toBe(0);
    expect(lineXs(squeezed, 0)[0]).toBe(-5);
    expect(lineXs(squeezed, 0)[1]).toBe(5);
  });
});

describe('Han–Latin spacing', () => {
  it('puts ¼ em between Han and digits', () => {
    const cp = compose('年2024年', options(20, { align: 'left' }));
    const xs = lineXs(cp, 0);
    expect(xs[1]).toBeCloseTo(12.5, 6); // 年 is 10 pt, then 2.5 pt
    const digits = xs[4] - xs[1];
    expect(xs[5] - xs[4]).toBeCloseTo(digits / 3 + 2.5, 1); // after the last digit, ¼ em again
  });

  it('adds nothing where the source already has a space', () => {
    const cp = compose('年 2024 年', options(20, { align: 'left' }));
    const xs = lineXs(cp, 0);
    expect(xs[2] - xs[1]).toBeLessThan(3); // the space only (0.256 em), no extra ¼ em
  });

  it('adds none at a line edge', () => {
    // 9 Han + digits: the line breaks before 2024, which then starts flush at 0.
    const cp = compose('一二三四五六七八九十2024年度', options(10));
    expect(lineTexts(cp)[1].startsWith('2024')).toBe(true);
    expect(lineXs(cp, 1)[0]).toBe(0);
  });
});

describe('justification and indent', () => {
  it('indents the first line by 2 em and justifies every line but the last flush to both edges', () => {
    const text = '位于浅井南路的中航光电科技产业社区工地内车辆穿梭、桩机紧张施工，综保区内麦斯克年产360万片硅外延片项目厂房主体已建至二层……当下，涧西区项目建设如火如荼。';
    const cp = compose(text, options(13, { indent: 2 }));
    expect(lineXs(cp, 0)[0]).toBe(20);
    for (let i = 0; i < cp.lines.length; i++) {
      const l = cp.lines[i];
      const xs = lineXs(cp, i);
      const lastChar = cp.cps[l.end - 1];
      const lastWidth = song10.size * (lastChar < 0x3000 && lastChar !== 0x2026 ? 0.5 : 1);
      if (!l.last) {
        // the last glyph's box ends at the column edge (130 pt), give or take a compressed blank
        const end = xs[xs.length - 1] + lastWidth;
        expect(end, lineTexts(cp)[i]).toBeGreaterThan(124.9);
        expect(end, lineTexts(cp)[i]).toBeLessThan(130.1);
      } else {
        // the last line is set solid from the left: Han characters 10 pt apart
        expect(xs[1] - xs[0]).toBe(10);
      }
    }
  });

  it('centres and right-aligns without stretching', () => {
    const centred = compose('一二三', options(10, { align: 'center' }));
    expect(lineXs(centred, 0)).toEqual([35, 45, 55]);
    const right = compose('一二三', options(10, { align: 'right' }));
    expect(lineXs(right, 0)).toEqual([70, 80, 90]);
  });
});

describe('lone characters (孤字)', () => {
  it('brings a lone character back by squeezing punctuation and tightening tracking ≤ 0.05 em', () => {
    const text = '一二三，四五六七八九十一二，三四五六七八九十一，二三四五六七好。';
    // Plain total-fit leaves 好。 alone on a fourth line.
    expect(lineTexts(compose(text, options(10)))).toEqual(['一二三，四五六七八九', '十一二，三四五六七八', '九十一，二三四五六七', '好。']);
    const cp = compose(text, options(10, { avoidLoneCharacter: true }));
    // Line 2 holds 11 em: ， gives 0.5 em and 10 gaps × 0.05 em the rest; line 3 squeezes ， and 。.
    expect(lineTexts(cp)).toEqual(['一二三，四五六七八九', '十一二，三四五六七八九', '十一，二三四五六七好。']);
    expect(cp.lines[1].tightening).toBeCloseTo(0.05, 6);
    expect(cp.lines[2].tightening).toBe(0);
    const xs = lineXs(cp, 1);
    expect(xs[10] + 10).toBeCloseTo(100, 6); // flush with the column edge
    expect(xs[1] - xs[0]).toBeCloseTo(9.5, 6); // 1 em less 0.05 em of tracking
  });


  it('re-breaks the paragraph when squeezing cannot bring the character back', () => {
    const text = '一二三四五六七八九十一二三四五六七八九十一';
    expect(lineTexts(compose(text, options(10)))).toEqual(['一二三四五六七八九十', '一二三四五六七八九十', '一']);
    const fixed = compose(text, options(10, { avoidLoneCharacter: true }));
    const lines = lineTexts(fixed);
    expect(lines.join('')).toBe(text);
    expect([...lines[lines.length - 1]].length).toBeGreaterThan(1);
  });
});

describe('last resorts and bad input', () => {
  it('breaks an over-long Latin word anywhere rather than overflowing', () => {
    const cp = compose('前面abcdefghijklmnopqrstuvwxyzabcdefghij后面', options(10));
    expect(cp.lines.some((l) => l.emergency)).toBe(true);
    for (let i = 0; i < cp.lines.length; i++) {
      const l = cp.lines[i];
      expect(l.naturalWidth, lineTexts(cp)[i]).toBeLessThanOrEqual(100 + 1e-6);
    }
    expect(lineTexts(cp).join('')).toBe('前面abcdefghijklmnopqrstuvwxyzabcdefghij后面');
  });

  it('falls back to another face for a glyph the Song face lacks, and reports what no face has', () => {
    // U+F900 is written as an escape: an editor's NFC would turn it into U+8C48, which Song has.
    const cp = compose('中\uF900😀𠀀', options(10));
    expect(cp.faces.map((f) => f.family)).toEqual(['song', 'hei', 'song', 'song']);
    expect(cp.missing.map((m) => m.cp)).toEqual([0x1f600, 0x20000]);
    expect(cp.fallbacks).toEqual([{ cp: 0xf900, face: 'song-regular', via: 'hei-regular' }]);
    // a missing glyph still takes one em, so nothing collapses
    expect(lineXs(cp, 0)).toEqual([0, 10, 20, 30]);
  });

  it('sets a 50,000-character paragraph', () => {
    const text = '聚焦项目建设稳增长，坚持“项目为王”。'.repeat(2800).slice(0, 50_000);
    const t = performance.now();
    const cp = compose(text, options(13, { indent: 2 }));
    expect(performance.now() - t).toBeLessThan(10_000); // a hang guard, not a benchmark
    expect(lineTexts(cp).join('')).toBe(text);
    expect(cp.lines.length).toBeGreaterThan(50_000 / 14);
  });

  it('sets an empty paragraph as no lines', () => {
    expect(compose('', options(10)).lines).toHaveLength(0);
  });
});

describe('glyph advances (the registry reads hmtx directly)', () => {
  it('equal fontkit’s own advance widths for every character of the sample page, in every bundled face', () => {
    const page = samplePage();
    const text = new Set<number>();
    for (const s of [JSON.stringify(page.articles), JSON.stringify(page.page.header), ' !"#$%&()*+,-./0123456789:;<=>?@AZaz[]{}~—…“”‘’、。，！？：；（）《》〈〉「」『』〔〕·']) for (const ch of s) text.add(ch.codePointAt(0)!);
    let compared = 0;
    for (const face of fonts.allFaces()) {
      const reference = fontkit.create(face.bytes as never) as fontkit.Font;
      for (const cp of text) {
        const expected = reference.hasGlyphForCodePoint(cp) ? reference.glyphForCodePoint(cp).advanceWidth / reference.unitsPerEm : Number.NaN;
        // The registry caches advances as 32-bit floats.
        if (Number.isNaN(expected)) expect(face.advance(cp), `${face.id} U+${cp.toString(16)}`).toBeNaN();
        else expect(face.advance(cp), `${face.id} U+${cp.toString(16)}`).toBeCloseTo(expected, 6);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
  });
});
