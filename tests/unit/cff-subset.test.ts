import { readFileSync } from 'node:fs';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { collectionFace, faceCount } from '../../src-core/fonts/collection';
import type { CffIndex } from '../../src-core/pdf/cff-read';
import { subrsUsed } from '../../src-core/pdf/cff-subrs';
import { NOTO_CJK_DIR } from './test-fonts';

const index = (entries: number[][]): CffIndex => ({ count: entries.length, entry: (i) => Uint8Array.from(entries[i]), end: 0 });
/** Type 2 operand byte for a small integer (-107…107). */
const num = (v: number): number => v + 139;
const BIAS = 107; // fewer than 1240 subroutines
const [HSTEMHM, HINTMASK, CALLSUBR, RETURN, ENDCHAR, CALLGSUBR] = [18, 19, 10, 11, 14, 29];

describe('which subroutines a charstring calls', () => {
  it('skips a hintmask’s mask bytes by the stems counted before it (a mask byte equal to callsubr is not a call)', () => {
    const glyph = [num(0), num(10), num(20), num(10), HSTEMHM, HINTMASK, CALLSUBR, num(1 - BIAS), CALLSUBR, ENDCHAR];
    const use = subrsUsed([Uint8Array.from(glyph)], [0], index([]), () => index([[RETURN], [RETURN], [RETURN]]));
    expect(use.unknown).toBe(false);
    expect([...use.local.get(0)!]).toEqual([1]);
    expect([...use.global]).toEqual([]);
  });

  it('follows calls into subroutines, local to global, and keeps each font DICT’s local set apart', () => {
    const locals = [[RETURN], [num(0 - BIAS), CALLGSUBR, RETURN], [RETURN]];
    const use = subrsUsed(
      [Uint8Array.from([num(1 - BIAS), CALLSUBR, ENDCHAR]), Uint8Array.from([num(2 - BIAS), CALLSUBR, ENDCHAR])],
      [0, 1],
      index([[RETURN]]),
      () => index(locals),
    );
    expect(use.unknown).toBe(false);
    expect([...use.global]).toEqual([0]);
    expect([...use.local.get(0)!]).toEqual([1]);
    expect([...use.local.get(1)!]).toEqual([2]);
  });

  it('gives up (keep every subroutine) when a subroutine number is computed, out of range or recursion runs away', () => {
    const add = [12, 10];
    expect(subrsUsed([Uint8Array.from([num(1), num(2), ...add, CALLSUBR, ENDCHAR])], [0], index([]), () => index([[RETURN]])).unknown).toBe(true);
    expect(subrsUsed([Uint8Array.from([num(50 - BIAS), CALLSUBR, ENDCHAR])], [0], index([]), () => index([[RETURN]])).unknown).toBe(true);
    const selfCalling = [[num(0 - BIAS), CALLSUBR, RETURN]];
    expect(subrsUsed([Uint8Array.from([num(0 - BIAS), CALLSUBR, ENDCHAR])], [0], index([]), () => index(selfCalling)).unknown).toBe(true);
  });
});

describe('one face of a collection', () => {
  const ttc = new Uint8Array(readFileSync(`${NOTO_CJK_DIR}NotoSansCJK-Regular.ttc`));

  it('opens as that face alone (the PostScript name and advances fontkit reads in the collection)', () => {
    expect(faceCount(ttc)).toBe(10);
    const face = collectionFace(ttc, 7);
    const opened = fontkit.create(face as never) as fontkit.Font;
    const fromCollection = (fontkit.create(ttc as never) as unknown as fontkit.FontCollection).fonts[7];
    expect(opened.postscriptName).toBe('NotoSansMonoCJKsc-Regular');
    expect(opened.postscriptName).toBe(fromCollection.postscriptName);
    expect(opened.glyphForCodePoint(0x6c49).advanceWidth).toBe(fromCollection.glyphForCodePoint(0x6c49).advanceWidth);
  });

  it('refuses a truncated collection with a zh/en message instead of reading past the end', () => {
    expect(() => collectionFace(ttc.slice(0, 4000), 2)).toThrow('字体集合的表目录超出文件范围（文件已截断或损坏）/ the collection\'s table directory points outside the file (truncated or damaged)');
  });

  it('leaves a single font as it is and refuses an index past its one face', () => {
    const single = collectionFace(ttc, 0);
    expect(collectionFace(single)).toBe(single);
    expect(() => collectionFace(single, 1)).toThrow('face index 1 is out of range (the file holds 1 face, counted from 0)');
  });
});
