import { describe, expect, it } from 'vitest';
import { fittingPick } from '../../src-core/makeup/fitting-pick';

const s = (...cells: number[]) => cells.map((c, i) => ({ id: `s${i + 1}`, cells: c }));

describe('fittingPick (选稿补满)', () => {
  it('keeps the ranking when its first stories fill the room', () => {
    expect(fittingPick(s(60, 40, 30), 100)).toEqual(['s1', 's2']);
  });

  it('passes over a story too long for the room for the next ones that fill it, the higher-ranked first', () => {
    // s1 (120) overruns 100; s2 + s3 come to 97, s2 + s4 to 101: both within 6%, s2 + s3 keeps the higher ranks
    expect(fittingPick(s(120, 60, 37, 41, 99), 100)).toEqual(['s2', 's3']);
  });

  it('a story outranks every set of stories below it', () => {
    // s1 alone (95) fills; s2 + s3 + s4 (100) fill exactly, but s1 ranks above them all
    expect(fittingPick(s(95, 30, 30, 40), 100)).toEqual(['s1']);
  });

  it('with no set within the band, the nearest within twice the band; none when none is', () => {
    expect(fittingPick(s(150, 90), 100)).toEqual(['s2']);
    expect(fittingPick(s(150, 70), 100)).toBeUndefined();
    expect(fittingPick([], 100)).toBeUndefined();
    expect(fittingPick(s(10), 0)).toBeUndefined();
  });

  it('tries the first 14 stories only: 200 stories are as quick as 14', () => {
    const many = Array.from({ length: 200 }, (_, i) => ({ id: `s${i}`, cells: i < 14 ? 1000 : 50 }));
    // none of the first 14 comes near, and none of the 186 after is tried
    expect(fittingPick(many, 100)).toBeUndefined();
    const near = many.map((x, i) => (i === 20 ? { ...x, cells: 100 } : x));
    expect(fittingPick(near, 100)).toBeUndefined();
  });
});
