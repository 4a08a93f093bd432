/**
 * The composer's reused working arrays: each call gets zeroed arrays of the length asked for (a
 * reused buffer never leaks the last paragraph's values), and a paragraph longer than the kept
 * length gets arrays of its own, so a huge pasted paragraph's working memory is not kept afterwards.
 */
import { describe, expect, it } from 'vitest';
import { OwnArrays, ScratchArrays } from '../../src-core/typeset/scratch';

describe('scratch arrays', () => {
  it('hands out zeroed (or filled) views of the length asked for, reusing the buffer', () => {
    const s = new ScratchArrays();
    const a = s.f64(0, 10);
    a.fill(7);
    const b = s.f64(0, 5);
    expect(b.buffer).toBe(a.buffer);
    expect(Array.from(b)).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(s.f64(0, 3, Infinity))).toEqual([Infinity, Infinity, Infinity]);
    s.u8(1, 4).fill(9);
    expect(Array.from(s.u8(1, 4))).toEqual([0, 0, 0, 0]);
    expect(Array.from(s.i32(2, 2, -1))).toEqual([-1, -1]);
  });

  it('does not keep the arrays of a paragraph longer than 65,536 characters', () => {
    const s = new ScratchArrays();
    const kept = s.f64(0, 100);
    const huge = s.f64(0, 70_000);
    expect(huge.length).toBe(70_000);
    expect(huge.buffer).not.toBe(kept.buffer);
    expect(s.f64(0, 100).buffer).toBe(kept.buffer);
  });

  it("carves a caller's own arrays from one buffer, zeroed, aligned and apart", () => {
    const own = new OwnArrays(3 + 5 + 2 * 8 + 3 * 4);
    const bytes = own.u8(3);
    const doubles = own.f64(2);
    const ints = own.i32(3);
    expect(doubles.buffer).toBe(bytes.buffer);
    expect(ints.buffer).toBe(bytes.buffer);
    expect(doubles.byteOffset % 8).toBe(0);
    expect([bytes.length, doubles.length, ints.length]).toEqual([3, 2, 3]);
    bytes.fill(255);
    doubles.fill(-1);
    ints.fill(7);
    expect(Array.from(bytes)).toEqual([255, 255, 255]);
    expect(Array.from(doubles)).toEqual([-1, -1]);
    expect(Array.from(ints)).toEqual([7, 7, 7]);
  });
});
