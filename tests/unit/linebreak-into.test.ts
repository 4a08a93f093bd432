import { describe, expect, it } from 'vitest';
import { breakOpportunities } from '../../src-core/typeset/linebreak/index';

describe('breakOpportunities into a given array', () => {
  it('writes the same opportunities into the zeroed array it is given and returns that array', () => {
    const text = '他说：“好！”然后走了 ABC 123，𠀀字。';
    const into = new Uint8Array(text.length + 1);
    const got = breakOpportunities(text, 'clreq', into);
    expect(got).toBe(into);
    expect([...got]).toEqual([...breakOpportunities(text, 'clreq')]);
  });
});
